/** `npm run --silent crypto -- belt-hash | verify`: output, JSON and exit codes (0 valid, 1 not, 2 usage). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BELT_H, beltHash, bytesToHex } from '../../../shared/crypto';
import { CONTENT, sign, testPki } from '../../unit/services/signing/pki-fixture';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/crypto.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const hex = (bytes: Uint8Array) => bytesToHex(bytes);
const dir = mkdtempSync(join(tmpdir(), 'arm-crypto-cli-'));
const path = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('belt-hash', () => {
  it('prints the hash of STB 34.101.31 table A.23 (13 and 32 bytes of H) in hex', () => {
    const out = run('belt-hash', hex(BELT_H.slice(0, 13)));
    expect(out).toEqual({
      code: 0,
      stdout: 'ABEF9725D4C5A83597A367D14494CC2542F20F659DDFECC961A3EC550CBA8C75\n',
      stderr: '',
    });
    expect(run('belt-hash', hex(BELT_H.slice(0, 32)).toLowerCase()).stdout).toBe(
      '749E4C3653AECE5E48DB4761227742EB6DBE13F4A80F7BEFF1A9CF8D10EE7786\n',
    );
    expect(run('belt-hash', '').stdout).toBe(`${hex(beltHash(new Uint8Array(0)))}\n`);
  });

  it('hashes a file with --file', () => {
    writeFileSync(path('h.bin'), BELT_H.slice(0, 48));
    expect(run('belt-hash', '--file', path('h.bin')).stdout).toBe(
      '9D02EE446FB6A29FE5C982D4B13AF9D3E90861BC4CEF27CF306BFB0B174A154A\n',
    );
  });

  it('runs through the npm script', () => {
    const result = spawnSync('npm', ['run', '--silent', 'crypto', '--', 'belt-hash', hex(BELT_H.slice(0, 13))], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ABEF9725D4C5A83597A367D14494CC2542F20F659DDFECC961A3EC550CBA8C75\n');
  });

  it.each([
    [['belt-hash', 'ABC'], /не шестнадцатеричная строка чётной длины/],
    [['belt-hash', 'zz'], /не шестнадцатеричная/],
    [['belt-hash'], /укажите ровно одно: HEX или --file/],
    [['belt-hash', 'AB', '--file', 'x'], /укажите ровно одно/],
    [['belt-hash', '--file', '/nonexistent/file'], /не удаётся прочитать файл «\/nonexistent\/file»: ENOENT/],
  ])('%j: exit code 2 and a Russian message', (args, message) => {
    const out = run(...args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });
});

describe('verify', () => {
  beforeAll(async () => {
    const { root: ca, user, revoked, crl } = testPki();
    mkdirSync(path('roots'));
    writeFileSync(path('roots/root.cer'), ca.der);
    writeFileSync(path('doc.txt'), CONTENT);
    writeFileSync(path('doc.txt.p7s'), await sign(user));
    writeFileSync(path('revoked.p7s'), await sign(revoked));
    writeFileSync(path('list.crl'), crl);
    writeFileSync(path('changed.txt'), `${new TextDecoder().decode(CONTENT)}!`);
    writeFileSync(path('garbage.p7s'), 'garbage');
  });

  const json = (stdout: string) => {
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0] ?? '');
  };

  it('a valid signature: exit 0 and {valid, signer, signedAt, reason}', () => {
    const out = run('verify', path('doc.txt'), path('doc.txt.p7s'), '--roots', path('roots'));
    expect(out.code).toBe(0);
    expect(json(out.stdout)).toEqual({
      valid: true,
      signer: {
        subject: 'Иванов Иван Иванович',
        serialNumber: testPki().user.parsed.serialNumber,
        issuer: 'Тестовый республиканский УЦ',
      },
      signedAt: '2026-03-10T12:00:00.000+03:00',
      reason: null,
      code: 'VALID',
    });
  });

  it.each([
    [['changed.txt', 'doc.txt.p7s', '--roots', 'roots'], 'DIGEST_MISMATCH', /Документ изменён/],
    [['doc.txt', 'doc.txt.p7s'], 'CERT_UNTRUSTED', /Не настроены доверенные корневые сертификаты/],
    [['doc.txt', 'revoked.p7s', '--roots', 'roots', '--crl', 'list.crl'], 'CERT_REVOKED', /отозван/],
    [['doc.txt', 'garbage.p7s', '--roots', 'roots'], 'MALFORMED', /Подпись повреждена/],
  ])('%j: exit 1 and the reason', (args, code, reason) => {
    const out = run('verify', ...args.map((a) => (a.startsWith('--') ? a : path(a))));
    expect(out.code).toBe(1);
    const result = json(out.stdout);
    expect(result).toMatchObject({ valid: false, code });
    expect(result.reason).toMatch(reason);
  });

  it('the revoked signer is valid without the CRL', () => {
    expect(run('verify', path('doc.txt'), path('revoked.p7s'), '--roots', path('roots')).code).toBe(0);
  });

  it.each([
    [['verify', 'doc.txt'], /укажите файл и его подпись/],
    [['verify', 'doc.txt', 'doc.txt.p7s', 'extra'], /укажите файл и его подпись/],
    [['verify', 'missing.txt', 'doc.txt.p7s'], /не удаётся прочитать файл/],
    [['verify', 'doc.txt', 'doc.txt.p7s', '--roots', 'absent'], /не удаётся загрузить доверенные сертификаты/],
    [
      ['verify', 'doc.txt', 'doc.txt.p7s', '--crl', 'garbage.p7s'],
      /не удаётся загрузить доверенные сертификаты или CRL/,
    ],
    [['verify', 'doc.txt', 'doc.txt.p7s', '--bogus'], /Unknown option/],
    [['sign'], /неизвестная команда «sign»/],
    [[], /использование/],
  ])('%j: exit code 2', (args, message) => {
    const out = run(...args.map((a, i) => (i > 0 && !a.startsWith('--') ? path(a) : a)));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });
});
