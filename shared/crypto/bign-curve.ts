/**
 * The elliptic curve bign-curve256v1 of STB 34.101.45 (table Б.1) and its point arithmetic:
 * y² = x³ + ax + b over F_p, p = 2^256 − 189, a = p − 3, base point G = (0, y_G) of prime order q.
 * Jacobian coordinates with BigInt; variable-time (see index.ts).
 */
import { bigIntToBytesLE, bytesToBigIntLE, CryptoError, hexToBytes } from './bytes';

export interface BignCurve {
  readonly name: string;
  readonly oid: string;
  /** Security level l: p and q are 2l-bit, keys 2l bits, signatures 3l bits. */
  readonly l: number;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly yG: bigint;
  /** Seed from which b was generated (b = belt-hash(<p> ‖ <a> ‖ seed) mod p). */
  readonly seed: Uint8Array;
}

/** Parameters as printed in STB 34.101.45 table Б.1 (little-endian octet strings). */
export const BIGN_CURVE256V1: BignCurve = {
  name: 'bign-curve256v1',
  oid: '1.2.112.0.2.0.34.101.45.3.1',
  l: 128,
  p: bytesToBigIntLE(hexToBytes('43FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')),
  a: bytesToBigIntLE(hexToBytes('40FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')),
  b: bytesToBigIntLE(hexToBytes('F1039CD66B7D2EB253928B976950F54CBEFBD8E4AB3AC1D2EDA8F315156CCE77')),
  q: bytesToBigIntLE(hexToBytes('07663D2699BF5A7EFC4DFB0DD68E5CD9FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')),
  yG: bytesToBigIntLE(hexToBytes('936A510418CF291E52F608C4663991785D83D651A3C9E45C9FD616FB3CFCF76B')),
  seed: hexToBytes('5E38010000000000'),
};

const { p: P, a: A, b: B, q: Q } = BIGN_CURVE256V1;
/** Byte length of a field element / scalar (2l bits). */
export const BIGN_SCALAR_BYTES = 32;
if (A !== P - 3n) throw new Error('bign-curve: doubling formula assumes a = -3');

/** Affine point; the point at infinity O is represented by `null`. */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** Jacobian point (X/Z², Y/Z³); Z = 0 is the point at infinity. */
interface JacobianPoint {
  readonly X: bigint;
  readonly Y: bigint;
  readonly Z: bigint;
}

const INFINITY: JacobianPoint = { X: 1n, Y: 1n, Z: 0n };

function fp(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/** a⁻¹ mod m (extended Euclid); throws if not invertible. */
export function invertMod(a: bigint, m: bigint): bigint {
  let r0 = ((a % m) + m) % m;
  let r1 = m;
  let s0 = 1n;
  let s1 = 0n;
  while (r1 !== 0n) {
    const quotient = r0 / r1;
    [r0, r1] = [r1, r0 - quotient * r1];
    [s0, s1] = [s1, s0 - quotient * s1];
  }
  if (r0 !== 1n) throw new CryptoError('invertMod: not invertible');
  return ((s0 % m) + m) % m;
}

/** The base point G = (0, y_G). */
export const BIGN_G: AffinePoint = { x: 0n, y: BIGN_CURVE256V1.yG };

export function isOnCurve(point: AffinePoint): boolean {
  const { x, y } = point;
  if (x < 0n || x >= P || y < 0n || y >= P) return false;
  return fp(y * y - (x * x * x + A * x + B)) === 0n;
}

function toJacobian(point: AffinePoint | null): JacobianPoint {
  return point === null ? INFINITY : { X: point.x, Y: point.y, Z: 1n };
}

function toAffine(point: JacobianPoint): AffinePoint | null {
  if (point.Z === 0n) return null;
  const zInv = invertMod(point.Z, P);
  const zInv2 = fp(zInv * zInv);
  return { x: fp(point.X * zInv2), y: fp(point.Y * zInv2 * zInv) };
}

/** 2P, dbl-2001-b for a = -3. */
function double(point: JacobianPoint): JacobianPoint {
  const { X, Y, Z } = point;
  if (Z === 0n || Y === 0n) return INFINITY;
  const delta = fp(Z * Z);
  const gamma = fp(Y * Y);
  const beta = fp(X * gamma);
  const alpha = fp(3n * (X - delta) * (X + delta));
  const X3 = fp(alpha * alpha - 8n * beta);
  const Z3 = fp((Y + Z) * (Y + Z) - gamma - delta);
  const Y3 = fp(alpha * (4n * beta - X3) - 8n * gamma * gamma);
  return { X: X3, Y: Y3, Z: Z3 };
}

/** P1 + P2 (add-1998-cmo-2), falling back to doubling when P1 = P2. */
function add(p1: JacobianPoint, p2: JacobianPoint): JacobianPoint {
  if (p1.Z === 0n) return p2;
  if (p2.Z === 0n) return p1;
  const z1z1 = fp(p1.Z * p1.Z);
  const z2z2 = fp(p2.Z * p2.Z);
  const u1 = fp(p1.X * z2z2);
  const u2 = fp(p2.X * z1z1);
  const s1 = fp(p1.Y * p2.Z * z2z2);
  const s2 = fp(p2.Y * p1.Z * z1z1);
  const h = fp(u2 - u1);
  const r = fp(s2 - s1);
  if (h === 0n) return r === 0n ? double(p1) : INFINITY;
  const hh = fp(h * h);
  const hhh = fp(h * hh);
  const v = fp(u1 * hh);
  const X3 = fp(r * r - hhh - 2n * v);
  const Y3 = fp(r * (v - X3) - s1 * hhh);
  const Z3 = fp(p1.Z * p2.Z * h);
  return { X: X3, Y: Y3, Z: Z3 };
}

function negate(point: JacobianPoint): JacobianPoint {
  return point.Z === 0n ? point : { X: point.X, Y: point.Y === 0n ? 0n : P - point.Y, Z: point.Z };
}

/** Width-w NAF digits of k ≥ 0, least significant first; non-zero digits are odd, |d| < 2^(w-1). */
function wnaf(k: bigint, w: number): Int8Array {
  const digits: number[] = [];
  const window = 1n << BigInt(w);
  const half = window >> 1n;
  let rest = k;
  while (rest > 0n) {
    let digit = 0n;
    if (rest & 1n) {
      digit = rest & (window - 1n);
      if (digit >= half) digit -= window;
      rest -= digit;
    }
    digits.push(Number(digit));
    rest >>= 1n;
  }
  return Int8Array.from(digits);
}

/** [P, 3P, 5P, ..., (2^(w-1) - 1)P]. */
function oddMultiples(point: JacobianPoint, w: number): JacobianPoint[] {
  const table = [point];
  const twice = double(point);
  for (let i = 1; i < 1 << (w - 2); i++) table.push(add(table[i - 1] ?? INFINITY, twice));
  return table;
}

interface Term {
  digits: Int8Array;
  table: JacobianPoint[];
}

/** Σ k_i·P_i by interleaved wNAF (Shamir's trick): one shared chain of doublings. */
function multiMultiply(terms: Term[]): JacobianPoint {
  let length = 0;
  for (const term of terms) length = Math.max(length, term.digits.length);
  let acc = INFINITY;
  for (let i = length - 1; i >= 0; i--) {
    acc = double(acc);
    for (const { digits, table } of terms) {
      const digit = digits[i] ?? 0;
      if (digit === 0) continue;
      const multiple = table[(Math.abs(digit) - 1) >> 1] ?? INFINITY;
      acc = add(acc, digit > 0 ? multiple : negate(multiple));
    }
  }
  return acc;
}

const W_BASE = 7;
const W_VAR = 5;
let baseTable: JacobianPoint[] | undefined;

function baseTerm(k: bigint): Term {
  baseTable ??= oddMultiples(toJacobian(BIGN_G), W_BASE);
  return { digits: wnaf(k, W_BASE), table: baseTable };
}

function checkScalar(k: bigint): void {
  if (k < 0n) throw new CryptoError('scalar must be non-negative');
}

/** k·G (null for O). */
export function multiplyBase(k: bigint): AffinePoint | null {
  checkScalar(k);
  return toAffine(multiMultiply([baseTerm(k % Q)]));
}

/** k·P (null for O). */
export function multiplyPoint(k: bigint, point: AffinePoint | null): AffinePoint | null {
  checkScalar(k);
  return toAffine(multiMultiply([{ digits: wnaf(k, W_VAR), table: oddMultiples(toJacobian(point), W_VAR) }]));
}

/** u·G + v·P (null for O) — the verification equation. */
export function multiplyBaseAdd(u: bigint, v: bigint, point: AffinePoint | null): AffinePoint | null {
  checkScalar(u);
  checkScalar(v);
  return toAffine(
    multiMultiply([baseTerm(u % Q), { digits: wnaf(v, W_VAR), table: oddMultiples(toJacobian(point), W_VAR) }]),
  );
}

/** P1 + P2 in affine form (null for O). */
export function addPoints(p1: AffinePoint | null, p2: AffinePoint | null): AffinePoint | null {
  return toAffine(add(toJacobian(p1), toJacobian(p2)));
}

/** <P> = <x>_256 ‖ <y>_256, 64 bytes little-endian. */
export function encodePoint(point: AffinePoint): Uint8Array {
  const out = new Uint8Array(2 * BIGN_SCALAR_BYTES);
  out.set(bigIntToBytesLE(point.x, BIGN_SCALAR_BYTES));
  out.set(bigIntToBytesLE(point.y, BIGN_SCALAR_BYTES), BIGN_SCALAR_BYTES);
  return out;
}

/** Parses a 64-byte point; null unless both coordinates are < p and the point is on the curve. */
export function decodePoint(bytes: Uint8Array): AffinePoint | null {
  if (bytes.length !== 2 * BIGN_SCALAR_BYTES) return null;
  const point = {
    x: bytesToBigIntLE(bytes.subarray(0, BIGN_SCALAR_BYTES)),
    y: bytesToBigIntLE(bytes.subarray(BIGN_SCALAR_BYTES)),
  };
  return isOnCurve(point) ? point : null;
}
