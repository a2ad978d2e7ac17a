/**
 * DER/BER and PEM plumbing over asn1js (X.690, RFC 7468): bounded parsing of untrusted input, the
 * bytes of a parsed element, PEM blocks, hex of integers.
 */
import * as asn1js from 'asn1js';
import { bytesToHex } from '../../../../shared/crypto';
import { PkiError } from './codes';

/** Limits for untrusted input: real certificates and signatures nest < 15 levels, < 2,000 nodes. */
const LIMITS = { maxDepth: 40, maxNodes: 20_000 };

/** Parses one ASN.1 element that must span all of `bytes`; throws PkiError MALFORMED otherwise. */
export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  if (bytes.length === 0) throw new PkiError('MALFORMED', `${what}: пустые данные`);
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(bytes, LIMITS);
  } catch (err) {
    throw new PkiError('MALFORMED', `${what}: неверная структура ASN.1 (${(err as Error).message})`);
  }
  if (parsed.offset === -1) {
    throw new PkiError('MALFORMED', `${what}: неверная структура ASN.1 (${parsed.result.error || 'ошибка разбора'})`);
  }
  if (parsed.offset !== bytes.length) {
    throw new PkiError('MALFORMED', `${what}: лишние ${bytes.length - parsed.offset} байт после структуры ASN.1`);
  }
  if (!lengthsAgree(parsed.result)) {
    throw new PkiError('MALFORMED', `${what}: длина составного элемента ASN.1 не совпадает с его содержимым`);
  }
  return parsed.result;
}

/**
 * X.690 8.1.3: a definite length counts exactly the contents octets. asn1js lets the last element of a
 * constructed value run past its parent's length; such input is rejected here (constructed nodes only:
 * the contents of OCTET and BIT STRINGs are not ASN.1 of this structure).
 */
function lengthsAgree(node: asn1js.AsnType): boolean {
  if (!node.idBlock.isConstructed) return true;
  if (!node.lenBlock.isIndefiniteForm && node.valueBlock.blockLength !== node.lenBlock.length) return false;
  const children = (node.valueBlock as { value?: unknown }).value;
  return !Array.isArray(children) || children.every((child: asn1js.AsnType) => lengthsAgree(child));
}

/** A pkijs object from DER: its schema is checked by the constructor (throws → PkiError MALFORMED). */
export function decodeAs<T>(make: (schema: asn1js.AsnType) => T, bytes: Uint8Array, what: string): T {
  const asn1 = parseDer(bytes, what);
  try {
    return make(asn1);
  } catch (err) {
    throw new PkiError('MALFORMED', `${what}: структура не соответствует стандарту (${(err as Error).message})`);
  }
}

/** DER of an asn1js element, as Uint8Array. */
export function encode(element: { toBER(sizeOnly?: boolean): ArrayBuffer }): Uint8Array {
  return new Uint8Array(element.toBER(false));
}

/** The bytes an element was decoded from (tag, length and value). */
export function rawBytes(element: { valueBeforeDecodeView: Uint8Array }): Uint8Array {
  return Uint8Array.from(element.valueBeforeDecodeView);
}

/** Upper-case hex of an INTEGER's value without leading zero octets (how serial numbers are shown). */
export function integerHex(integer: asn1js.Integer): string {
  const bytes = integer.valueBlock.valueHexView;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytesToHex(bytes.subarray(start));
}

/** A positive INTEGER from big-endian bytes (a leading zero octet is added when the top bit is set). */
export function positiveInteger(bytes: Uint8Array): asn1js.Integer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const value = (trimmed[0] ?? 0) & 0x80 ? Uint8Array.from([0, ...trimmed]) : Uint8Array.from(trimmed);
  return new asn1js.Integer({ valueHex: value });
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]*)-----END \1-----/g;

/** The DER blocks of a PEM text whose label is one of `labels` (RFC 7468). */
export function pemBlocks(text: string, labels: readonly string[]): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    if (labels.includes(match[1] ?? '')) blocks.push(new Uint8Array(Buffer.from(match[2] ?? '', 'base64')));
  }
  return blocks;
}

export const CERTIFICATE_LABELS = ['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE'] as const;
export const CRL_LABELS = ['X509 CRL'] as const;
export const CMS_LABELS = ['PKCS7', 'CMS'] as const;

/**
 * A file's contents as DER blocks: DER as is (it starts with a SEQUENCE tag), PEM decoded (every block
 * with one of `labels`). Throws PkiError MALFORMED when it is neither.
 */
export function derBlocks(bytes: Uint8Array, labels: readonly string[], what: string): Uint8Array[] {
  if (bytes[0] === 0x30) return [bytes];
  const blocks = pemBlocks(new TextDecoder('latin1').decode(bytes), labels);
  if (blocks.length === 0) throw new PkiError('MALFORMED', `${what}: ни DER, ни PEM (${labels.join(', ')})`);
  return blocks;
}
