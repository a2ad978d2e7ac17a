/**
 * File formats allowed for attachments [4.3]: «Для загрузки доступны файлы форматов: ".jpg",
 * ".jpeg", ".png", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".tif", ".tiff", ".rtf"».
 * Compared case-insensitively.
 */
export const ALLOWED_EXTENSIONS = [
  '.jpg',
  '.jpeg',
  '.png',
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.tif',
  '.tiff',
  '.rtf',
] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

/**
 * What the first bytes say, as a MIME type (the services store it and serve files with it).
 * `application/x-ole-storage` is the compound file of .doc/.xls and `application/zip` the container
 * of .docx/.xlsx — the first 16 bytes cannot tell Word from Excel; `mimeTypeOf` refines them by the
 * extension. `application/x-msdownload` (MZ) is detected only to name it in the message.
 */
export type DetectedFileType =
  | 'image/jpeg'
  | 'image/png'
  | 'application/pdf'
  | 'image/tiff'
  | 'application/rtf'
  | 'application/x-ole-storage'
  | 'application/zip'
  | 'application/x-msdownload';

/** Magic numbers at offset 0. */
const SIGNATURES: readonly (readonly [DetectedFileType, readonly number[]])[] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/tiff', [0x49, 0x49, 0x2a, 0x00]], // II*\0, little-endian
  ['image/tiff', [0x4d, 0x4d, 0x00, 0x2a]], // MM\0*, big-endian
  ['application/rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
  ['application/x-ole-storage', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]], // PK\3\4, a non-empty archive
  ['application/x-msdownload', [0x4d, 0x5a]], // MZ
];

/**
 * Detects the content type from the first bytes of a file (16 are enough, more are ignored);
 * undefined when the signature is unknown.
 */
export function detectFileType(head: Uint8Array): DetectedFileType | undefined {
  for (const [type, magic] of SIGNATURES) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return type;
  }
  return undefined;
}

const OLE = 'application/x-ole-storage';
const ZIP = 'application/zip';

/**
 * Content each extension may carry. One tolerance beyond the exact match: a .doc may hold RTF —
 * Word and many exporters save RTF under .doc and Word opens it; RTF is an allowed format anyway.
 */
export const CONTENT_BY_EXTENSION: Readonly<Record<AllowedExtension, readonly DetectedFileType[]>> = {
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
  '.png': ['image/png'],
  '.pdf': ['application/pdf'],
  '.doc': [OLE, 'application/rtf'],
  '.docx': [ZIP],
  '.xls': [OLE],
  '.xlsx': [ZIP],
  '.tif': ['image/tiff'],
  '.tiff': ['image/tiff'],
  '.rtf': ['application/rtf'],
};

/** Formats that can hold a scan (the participants' list of a collective appeal [4.3]). */
export const SCAN_TYPES: ReadonlySet<DetectedFileType> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
]);

/** Russian name of a detected type for messages. */
export const FILE_TYPE_NAMES: Readonly<Record<DetectedFileType, string>> = {
  'image/jpeg': 'изображение JPEG',
  'image/png': 'изображение PNG',
  'application/pdf': 'документ PDF',
  'image/tiff': 'изображение TIFF',
  'application/rtf': 'документ RTF',
  'application/x-ole-storage': 'документ Word/Excel 97–2003',
  'application/zip': 'ZIP-архив (формат .docx/.xlsx)',
  'application/x-msdownload': 'исполняемый файл программы',
};

const CONTAINER_MIME: Readonly<Record<string, string>> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * MIME type to store and serve a file with: the detected type, refined by the extension for the
 * Word/Excel containers; `application/octet-stream` when the content is not recognised.
 */
export function mimeTypeOf(name: string, head: Uint8Array): string {
  const detected = detectFileType(head);
  if (detected === undefined) return 'application/octet-stream';
  if (detected !== OLE && detected !== ZIP) return detected;
  const extension = extensionOf(name);
  const refined = CONTAINER_MIME[extension];
  return refined && isAllowedExtension(extension) && CONTENT_BY_EXTENSION[extension].includes(detected)
    ? refined
    : detected;
}

/** Lower-case extension with the dot («.pdf»), or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export function isAllowedExtension(extension: string): extension is AllowedExtension {
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(extension);
}
