/**
 * AvCryptMail result codes → SigningError codes with Russian messages that say what to do. The codes
 * and their meanings are those of `AvCryptMailBase.h`; which of them a real token returns in which
 * situation is modelled from the header comments, not observed:
 * - the headers have no «PIN заблокирован» code: a blocked PIN on a PKCS#11 token (AvToken, ID card)
 *   surfaces as AVCMR_PKCS11_ERROR, so that code (or any code whose library text mentions a lock) is
 *   reported as PIN_LOCKED when the library's text says so, and as PROVIDER_FAILED otherwise;
 * - AVCMR_BAD_KEY («ошибка расшифрования ключа») is what a password-protected key container answers
 *   to a wrong password, so it is reported as WRONG_PIN.
 */

import { SigningError, type SigningErrorCode } from '../../provider';
import { AVCMR, avestResultName } from './avest-constants';

interface Mapping {
  code: SigningErrorCode;
  message: string;
}

const REINSERT = 'Вставьте ключевой носитель (токен) с личным ключом и повторите.';
const CRL = 'Обновите список отозванных сертификатов (СОС) в Персональном менеджере сертификатов AVEST и повторите.';

const MAPPINGS: Array<[number[], Mapping]> = [
  [
    [AVCMR.TOKEN_NOT_FOUND, AVCMR.DEVICE_NOT_FOUND, AVCMR.PKCS11_TOKEN_NOT_PRESENTERROR],
    { code: 'TOKEN_ABSENT', message: `Не вставлен ключ. ${REINSERT}` },
  ],
  [
    [AVCMR.CONTAINER_NOT_FOUND],
    { code: 'TOKEN_ABSENT', message: `На носителе не найден личный ключ выбранного сертификата. ${REINSERT}` },
  ],
  [
    [AVCMR.INVALID_TOKEN],
    {
      code: 'TOKEN_ABSENT',
      message:
        'Вставлен незарегистрированный носитель. Вставьте носитель, на котором записан ключ выбранного сертификата.',
    },
  ],
  [
    [AVCMR.CERT_NOT_FOUND, AVCMR.MY_STORE_EMPTY, AVCMR.CERT_STORE_NOT_FOUND],
    {
      code: 'TOKEN_ABSENT',
      message:
        'Не найден личный сертификат. Вставьте ключ и проверьте, что сертификат установлен в Персональном менеджере сертификатов AVEST.',
    },
  ],
  [
    [AVCMR.BAD_PASSWORD, AVCMR.REPEAT_AUTHENTICATION_ERROR, AVCMR.BAD_KEY],
    { code: 'WRONG_PIN', message: 'Неверный PIN-код (пароль) ключа. Повторите подписание и введите PIN-код ещё раз.' },
  ],
  [[AVCMR.USER_CANCEL], { code: 'CANCELLED', message: 'Подписание отменено пользователем.' }],
  [
    [AVCMR.CERT_ALREADY_EXPIRED],
    {
      code: 'CERT_EXPIRED',
      message: 'Срок действия сертификата истёк. Получите новый сертификат в удостоверяющем центре.',
    },
  ],
  [
    [AVCMR.KEY_ALREADY_EXPIRED],
    {
      code: 'CERT_EXPIRED',
      message: 'Срок действия личного ключа истёк. Получите новый ключ и сертификат в удостоверяющем центре.',
    },
  ],
  [
    [AVCMR.CERT_NOT_VALID_YET],
    { code: 'CERT_NOT_YET_VALID', message: 'Срок действия сертификата ещё не наступил. Выберите другой сертификат.' },
  ],
  [
    [AVCMR.CERT_REVOKED],
    { code: 'CERT_REVOKED', message: 'Сертификат отозван. Подписывать им нельзя — получите новый сертификат.' },
  ],
  [
    [AVCMR.CERT_TEMPORARY_REVOKED],
    {
      code: 'CERT_REVOKED',
      message: 'Действие сертификата приостановлено. Обратитесь в удостоверяющий центр или выберите другой сертификат.',
    },
  ],
  [
    [
      AVCMR.CERT_NOT_TRUSTED,
      AVCMR.CERT_CA_NOT_FOUND,
      AVCMR.CERT_CA_INVALID,
      AVCMR.CERT_SIGN_INVALID,
      AVCMR.CTL_NOT_FOUND,
    ],
    {
      code: 'CERT_UNTRUSTED',
      message:
        'Нет доверия сертификату: не найден или недействителен сертификат удостоверяющего центра. Установите сертификаты УЦ в Персональном менеджере сертификатов AVEST.',
    },
  ],
  [
    [AVCMR.CRL_NOT_FOUND, AVCMR.CRL_EXPIRED, AVCMR.CRL_INVALID, AVCMR.CRL_ISSUER_NOT_FOUND, AVCMR.CRL_ISSUER_EXPIRED],
    { code: 'CERT_UNTRUSTED', message: `Нет действующего списка отозванных сертификатов. ${CRL}` },
  ],
  [
    [AVCMR.CERT_NOT_FOR_SIGN, AVCMR.INVALID_KEY_USAGE],
    {
      code: 'KEY_USAGE',
      message: 'Сертификат не предназначен для электронной цифровой подписи. Выберите другой сертификат.',
    },
  ],
  [
    [AVCMR.ALG_NOT_SUPPORTED],
    {
      code: 'ALGORITHM_UNSUPPORTED',
      message: 'Алгоритм ключа не поддерживается установленным клиентом AVEST. Обновите «Комплект абонента».',
    },
  ],
  [
    [AVCMR.BUSY, AVCMR.OBJ_LOCKED],
    {
      code: 'BUSY',
      message: 'Ключ занят другой программой. Завершите подписание в другой программе и повторите.',
    },
  ],
  [
    [AVCMR.AVCSP_INIT_FAILED, AVCMR.LOADLIBPKCS11_ERROR, AVCMR.DB_NOT_FOUND],
    {
      code: 'CLIENT_NOT_INSTALLED',
      message:
        'Клиент AVEST установлен не полностью (не запускается криптопровайдер). Переустановите «Комплект абонента».',
    },
  ],
];

const BY_RESULT = new Map<number, Mapping>();
for (const [results, mapping] of MAPPINGS) for (const result of results) BY_RESULT.set(result >>> 0, mapping);

const PIN_LOCKED: Mapping = {
  code: 'PIN_LOCKED',
  message:
    'PIN-код ключа заблокирован после нескольких неверных попыток. Разблокируйте ключ PUK-кодом или обратитесь в удостоверяющий центр.',
};

/** Library texts that mean a blocked PIN (PKCS#11 CKR_PIN_LOCKED, AVEST's Russian wording). */
const LOCKED_TEXT = /PIN_LOCKED|заблокир|блокирован/i;

/** The SigningError for a failed AvCryptMail call. `libraryText` is AvCmGetErrorInfo's short string. */
export function avestError(fn: string, result: number, libraryText?: string): SigningError {
  const details = { function: fn, result: avestResultName(result), libraryText };
  if (
    libraryText &&
    LOCKED_TEXT.test(libraryText) &&
    (result >>> 0 === AVCMR.PKCS11_ERROR || !BY_RESULT.has(result >>> 0))
  ) {
    return new SigningError(PIN_LOCKED.code, PIN_LOCKED.message, details);
  }
  const mapping = BY_RESULT.get(result >>> 0);
  if (mapping) return new SigningError(mapping.code, mapping.message, details);
  const text = libraryText ? `: ${libraryText}` : '';
  return new SigningError(
    'PROVIDER_FAILED',
    `Ошибка клиента AVEST (${avestResultName(result)})${text}. Повторите подписание; если ошибка повторяется, обратитесь к администратору.`,
    details,
  );
}
