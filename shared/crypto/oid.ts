/** Object identifiers used by bign, and their DER encoding (tag 06, definite length, base-128 arcs). */
import { CryptoError } from './bytes';

/** OID of belt-hash (STB 34.101.31), the hash bound into every bign signature. */
export const BELT_HASH_OID = '1.2.112.0.2.0.34.101.31.81';

/** DER encoding of an OID given in dotted form, e.g. `1.2.112.0.2.0.34.101.31.81`. */
export function oidToDer(oid: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(oid)) throw new CryptoError(`invalid OID: ${oid}`);
  const arcs = oid.split('.').map((arc) => BigInt(arc));
  const [first = 0n, second = 0n, ...rest] = arcs;
  if (first < 2n && second >= 40n) throw new CryptoError(`invalid OID: ${oid}`);
  const content: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const septets: number[] = [];
    let value = arc;
    do {
      septets.unshift(Number(value & 0x7fn));
      value >>= 7n;
    } while (value > 0n);
    for (let i = 0; i < septets.length - 1; i++) septets[i] = (septets[i] ?? 0) | 0x80;
    content.push(...septets);
  }
  if (content.length > 127) throw new CryptoError('OID too long for short-form DER length');
  return Uint8Array.from([0x06, content.length, ...content]);
}

/** DER of the belt-hash OID: 06 09 2A 70 00 02 00 22 65 1F 51 (11 bytes). */
export const BELT_HASH_OID_DER: Uint8Array = oidToDer(BELT_HASH_OID);
