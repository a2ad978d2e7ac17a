/**
 * An independent ASN.1 implementation reads what we write: OpenSSL parses the p7s, certificates and
 * CRL (it does not know bign, only the structures) and re-encodes each to the very same DER bytes.
 * Skipped where no `openssl` binary is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sign, testPki } from './pki-fixture';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'arm-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reencode(kind: 'cms' | 'x509' | 'crl', der: Uint8Array): Uint8Array {
  const input = join(dir, `${kind}.in`);
  const output = join(dir, `${kind}.out`);
  writeFileSync(input, der);
  const args = kind === 'cms' ? ['cms', '-cmsout'] : [kind];
  const run = spawnSync('openssl', [...args, '-inform', 'DER', '-in', input, '-outform', 'DER', '-out', output], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return new Uint8Array(readFileSync(output));
}

describe.skipIf(!hasOpenssl)('OpenSSL reads our DER', () => {
  it('SignedData, certificates and CRL round-trip byte for byte', async () => {
    const { user, intermediate, root, crl } = testPki();
    const p7s = await sign(user);
    expect(reencode('cms', p7s)).toEqual(p7s);
    for (const cert of [user.der, intermediate.der, root.der]) expect(reencode('x509', cert)).toEqual(cert);
    expect(reencode('crl', crl)).toEqual(crl);
  });

  it('prints the bign OIDs where the profile puts them', async () => {
    const input = join(dir, 'print.p7s');
    writeFileSync(input, await sign(testPki().user));
    const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', input], {
      encoding: 'utf8',
    });
    expect(printed.stdout).toContain('eContent: <ABSENT>');
    expect(printed.stdout).toMatch(
      /digestAlgorithm:\s+algorithm: undefined \(1\.2\.112\.0\.2\.0\.34\.101\.31\.81\)\s+parameter: NULL/,
    );
    expect(printed.stdout).toMatch(
      /signatureAlgorithm:\s+algorithm: undefined \(1\.2\.112\.0\.2\.0\.34\.101\.45\.12\)\s+parameter: NULL/,
    );
    expect(printed.stdout).toContain('parameter: OBJECT:undefined (1.2.112.0.2.0.34.101.45.3.1)');
  });
});
