import { describe, expect, it } from 'vitest';
import { auditVerdict, isReleaseMode } from '../../../scripts/audit';

/** Issue #10: `npm run audit` fails on high/critical advisories and on an unavailable audit in release mode. */

const report = (vulnerabilities: Record<string, { severity: string; isDirect?: boolean }>) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 } as Record<string, number>;
  for (const v of Object.values(vulnerabilities)) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
};

// What our registry mirror answers (npm 10, `npm audit --json`).
const refused = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
});

describe('npm audit gate', () => {
  it('passes with only moderate and low advisories', () => {
    const v = auditVerdict(report({ a: { severity: 'moderate' }, b: { severity: 'low' } }), '', true);
    expect(v.code).toBe(0);
    expect(v.lines[0]).toContain('critical 0, high 0, moderate 1, low 1');
  });

  it('fails on high or critical and names the packages', () => {
    const v = auditVerdict(
      report({ axios: { severity: 'high', isDirect: true }, x: { severity: 'critical' } }),
      '',
      false,
    );
    expect(v.code).toBe(1);
    expect(v.lines).toContain('  high axios (direct)');
    expect(v.lines).toContain('  critical x');
  });

  it('an unavailable audit is reported with its reason: exit 0 for developers, 2 in release mode', () => {
    const dev = auditVerdict(refused, '', false);
    expect(dev.code).toBe(0);
    expect(dev.lines[0]).toBe(
      'audit not available: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    );
    expect(auditVerdict(refused, '', true).code).toBe(2);
    const noJson = auditVerdict('', 'npm error code ENOTFOUND\nnpm error network', true);
    expect(noJson).toMatchObject({ code: 2 });
    expect(noJson.lines[0]).toBe('audit not available: code ENOTFOUND');
  });

  it('release mode: --release or CI_RELEASE', () => {
    expect(isReleaseMode(['--release'], {})).toBe(true);
    expect(isReleaseMode([], { CI_RELEASE: '1' })).toBe(true);
    expect(isReleaseMode([], { CI: 'true' })).toBe(false);
  });
});
