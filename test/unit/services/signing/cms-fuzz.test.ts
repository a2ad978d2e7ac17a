/**
 * Hostile input: random bytes and mutated valid signatures never make verifyDetached throw or hang, and
 * never verify; the certificate and CRL parsers fail only with PkiError.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDetached } from '../../../../electron/services/signing/cms';
import { PkiError, parseCertificate, parseCrl, VERIFY_CODES } from '../../../../electron/services/signing/pki';
import { CONTENT, sign, testPki, trust } from './pki-fixture';

const TIME_LIMIT_MS = 2_000;

function check(p7s: Uint8Array, options = trust()) {
  const started = performance.now();
  const result = verifyDetached(CONTENT, p7s, options);
  expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
  expect(VERIFY_CODES).toContain(result.code);
  expect(result.reason === null).toBe(result.valid);
  return result;
}

/** Byte-level edits of a valid signature: flips, overwrites, insertions, deletions, truncation. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('xor' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.constantFrom(0x00, 0x01, 0x30, 0x80, 0x81, 0x82, 0xff),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (bytes.length === 0) return bytes;
  const at = m.at % bytes.length;
  const out = [...bytes];
  if (m.kind === 'xor') out[at] = (out[at] ?? 0) ^ m.mask;
  else if (m.kind === 'set') out[at] = m.value;
  else if (m.kind === 'insert') out.splice(at, 0, m.value);
  else if (m.kind === 'delete') out.splice(at, 1);
  else out.length = at;
  return Uint8Array.from(out);
}

describe('verifyDetached on hostile input', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    valid = await sign(testPki().user);
  });

  it('random bytes → valid:false, MALFORMED', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const result = check(bytes);
        expect(result.valid).toBe(false);
        expect(result.code).toBe('MALFORMED');
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes behind a plausible ContentInfo header → valid:false', () => {
    const header = Uint8Array.from([
      0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ]);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (tail) => {
        expect(check(Uint8Array.from([...header, ...tail])).valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated valid signatures → valid:false, never a throw', async () => {
    expect(check(valid).valid).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        await new Promise((resolve) => setImmediate(resolve)); // keeps the worker's RPC alive (see below)
        const mutated = mutations.reduce(apply, valid);
        fc.pre(Buffer.compare(mutated, valid) !== 0);
        const result = check(mutated);
        expect(result.valid, `still valid after ${JSON.stringify(mutations)}`).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('every single-byte flip of a valid signature is caught', { timeout: 120_000 }, async () => {
    for (let at = 0; at < valid.length; at++) {
      // Yield now and then: a long synchronous loop starves the worker's RPC with vitest under load.
      if (at % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
      const mutated = Uint8Array.from(valid);
      mutated[at] = (mutated[at] ?? 0) ^ 0x01;
      const result = check(mutated);
      expect(result.valid, `byte ${at} flipped: ${result.code}`).toBe(false);
    }
  });
});

describe('certificate and CRL parsers on hostile input', () => {
  const throwsOnlyPkiError = (parse: (bytes: Uint8Array) => unknown, bytes: Uint8Array) => {
    try {
      parse(bytes);
    } catch (err) {
      expect(err).toBeInstanceOf(PkiError);
    }
  };

  it('mutated certificates and CRLs fail with PkiError or parse', () => {
    const { user, crl } = testPki();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        throwsOnlyPkiError(parseCertificate, mutations.reduce(apply, user.der));
        throwsOnlyPkiError(parseCrl, mutations.reduce(apply, crl));
      }),
      { numRuns: 1000 },
    );
  });
});
