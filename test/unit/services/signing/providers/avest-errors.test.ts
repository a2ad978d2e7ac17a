/** AvCryptMail result codes → SigningError codes with Russian messages (avest-errors.ts); where the DLL is looked for. */
import { describe, expect, it } from 'vitest';
import { AVCMR, avestResultName } from '../../../../../electron/services/signing/providers/avest/avest-constants';
import { avestError } from '../../../../../electron/services/signing/providers/avest/avest-errors';
import {
  avestDllCandidates,
  findAvestDll,
  loadAvestLibrary,
} from '../../../../../electron/services/signing/providers/avest/avest-library';

describe('AVEST error codes', () => {
  it('uses the header values (AVCMR_BASE 0xE82A0100)', () => {
    expect(AVCMR.BAD_PASSWORD).toBe(0xe82a010b);
    expect(AVCMR.USER_CANCEL).toBe(0xe82a0137);
    expect(AVCMR.TOKEN_NOT_FOUND).toBe(0xe82a014a);
    expect(AVCMR.CERT_ALREADY_EXPIRED).toBe(0xe82a014d);
    expect(avestResultName(0xe82a0137)).toBe('AVCMR_USER_CANCEL');
    expect(avestResultName(0xe82a01ff)).toBe('0xE82A01FF');
  });

  it.each([
    ['TOKEN_NOT_FOUND', 'TOKEN_ABSENT', /^Не вставлен ключ/],
    ['DEVICE_NOT_FOUND', 'TOKEN_ABSENT', /^Не вставлен ключ/],
    ['PKCS11_TOKEN_NOT_PRESENTERROR', 'TOKEN_ABSENT', /^Не вставлен ключ/],
    ['CONTAINER_NOT_FOUND', 'TOKEN_ABSENT', /личный ключ/],
    ['MY_STORE_EMPTY', 'TOKEN_ABSENT', /Не найден личный сертификат/],
    ['BAD_PASSWORD', 'WRONG_PIN', /^Неверный PIN-код/],
    ['REPEAT_AUTHENTICATION_ERROR', 'WRONG_PIN', /^Неверный PIN-код/],
    ['BAD_KEY', 'WRONG_PIN', /^Неверный PIN-код/],
    ['USER_CANCEL', 'CANCELLED', /^Подписание отменено пользователем/],
    ['CERT_ALREADY_EXPIRED', 'CERT_EXPIRED', /^Срок действия сертификата истёк/],
    ['KEY_ALREADY_EXPIRED', 'CERT_EXPIRED', /личного ключа истёк/],
    ['CERT_NOT_VALID_YET', 'CERT_NOT_YET_VALID', /ещё не наступил/],
    ['CERT_REVOKED', 'CERT_REVOKED', /отозван/],
    ['CERT_TEMPORARY_REVOKED', 'CERT_REVOKED', /приостановлено/],
    ['CERT_NOT_TRUSTED', 'CERT_UNTRUSTED', /Нет доверия/],
    ['CRL_EXPIRED', 'CERT_UNTRUSTED', /СОС/],
    ['CERT_NOT_FOR_SIGN', 'KEY_USAGE', /не предназначен/],
    ['ALG_NOT_SUPPORTED', 'ALGORITHM_UNSUPPORTED', /Алгоритм/],
    ['BUSY', 'BUSY', /занят/],
    ['AVCSP_INIT_FAILED', 'CLIENT_NOT_INSTALLED', /установлен не полностью/],
  ] as const)('%s → %s', (name, code, message) => {
    const error = avestError('AvCmSign', AVCMR[name]);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ function: 'AvCmSign', result: `AVCMR_${name}` });
  });

  it('reports a blocked PIN from the PKCS#11 error text, and other PKCS#11 errors as failures', () => {
    expect(avestError('AvCmLogin', AVCMR.PKCS11_ERROR, 'CKR_PIN_LOCKED').code).toBe('PIN_LOCKED');
    expect(avestError('AvCmLogin', AVCMR.PKCS11_ERROR, 'PIN-код заблокирован').code).toBe('PIN_LOCKED');
    const other = avestError('AvCmLogin', AVCMR.PKCS11_ERROR, 'CKR_DEVICE_ERROR');
    expect(other.code).toBe('PROVIDER_FAILED');
    expect(other.message).toMatch(/AVCMR_PKCS11_ERROR.*CKR_DEVICE_ERROR/);
  });

  it('keeps a known code when the library text merely mentions a lock', () => {
    expect(avestError('AvCmLogin', AVCMR.OBJ_LOCKED, 'Объект заблокирован другим приложением').code).toBe('BUSY');
  });
});

describe('AvCryptMail.dll location', () => {
  it('tries the configured path, then the AvPCM editions under Program Files of the process bitness', () => {
    const env = {
      AVEST_CRYPTMAIL_DLL: 'D:\\Avest\\AvCryptMail.dll',
      ProgramW6432: 'C:\\Program Files',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    };
    expect(avestDllCandidates(env, 'x64')).toEqual([
      'D:\\Avest\\AvCryptMail.dll',
      'C:\\Program Files\\Avest\\AvPCM_nces\\AvCryptMail.dll',
      'C:\\Program Files\\Avest\\AvPCM_MNS\\AvCryptMail.dll',
      'C:\\Program Files\\Avest\\AvPCM\\AvCryptMail.dll',
    ]);
    expect(avestDllCandidates({ 'ProgramFiles(x86)': 'C:\\Program Files (x86)' }, 'ia32')[0]).toBe(
      'C:\\Program Files (x86)\\Avest\\AvPCM_nces\\AvCryptMail.dll',
    );
    expect(findAvestDll(['/nonexistent/AvCryptMail.dll'])).toBeNull();
  });

  it('refuses to load off Windows', async () => {
    await expect(loadAvestLibrary('C:\\x\\AvCryptMail.dll', 'linux')).rejects.toMatchObject({ reason: 'not-windows' });
  });
});
