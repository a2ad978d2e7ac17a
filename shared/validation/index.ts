/**
 * Pure validation rules (no Node, no DOM) shared by the UI, the services and JSON import. Every
 * rule returns ValidationIssue[] (shared/errors); an empty array means valid.
 */
export {
  APOSTROPHES,
  BELARUSIAN_EXTRA_LETTERS,
  CYRILLIC_LETTERS,
  DIGITS,
  isAllowedTextChar,
  MULTILINE_WHITESPACE,
  PUNCTUATION,
  RUSSIAN_LETTERS,
  SPACES,
  TEXT_ALPHABET,
} from './alphabet';
export { describeChar, MAX_CHAR_ISSUES_PER_FIELD, toCodePoints } from './chars';
export {
  checkNotInFuture,
  checkRegistrationAfterReceipt,
  type RegistrationDateOptions,
} from './dates';
export { checkEmail, type EmailOptions, MAX_EMAIL_LENGTH, normalizeEmail } from './email';
export { checkFileName, MAX_FILE_NAME_LENGTH } from './file-name';
export {
  ALLOWED_EXTENSIONS,
  type AllowedExtension,
  type DetectedFileType,
  detectFileType,
  extensionOf,
  FILE_TYPE_NAMES,
  mimeTypeOf,
} from './file-types';
export {
  type AttachmentCandidate,
  type AttachmentOptions,
  checkAttachments,
  checkSingleFile,
  FILE_HEAD_BYTES,
  MAX_FILE_BYTES,
  MAX_FILES,
} from './files';
export { LATIN_LOOKALIKES } from './lookalikes';
export { BELARUS_CODES, checkPhone, formatPhone, normalizePhone, type PhoneOptions } from './phone';
export { checkRequired, isBlank, requiredIssue, requiredMessage } from './required';
export { type CyrillicTextOptions, checkCyrillicText, normalizeCyrillicText } from './text-script';
export { checkUnp, normalizeUnp, UNP_LENGTH } from './unp';
