/**
 * `npm run bench:crypto`: the software crypto of the ЭЦП issue against node's native crypto in the same
 * run — bign-sign and bign-vfy (STB 34.101.45, TypeScript + BigInt) per second next to ECDSA P-256 sign and
 * verify (node:crypto, OpenSSL), belt-hash (STB 34.101.31) MB/s next to SHA-256 MB/s, and a whole detached
 * CMS signature (buildSignedData, verifyDetached with the chain to the root). Each pair is measured in
 * alternating rounds so machine noise hits both alike; the median round is reported with the ratio
 * product ÷ baseline. Prints ONE JSON line on stdout and appends it to bench/results/results.jsonl;
 * progress goes to stderr. See bench/README.md, "Crypto".
 */
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { buildSignedData, verifyDetached } from '../electron/services/signing/cms';
import { createDevelopmentPki } from '../electron/services/signing/pki';
import { beltHash, bignSign, bignVerify } from '../shared/crypto';
import { machineFacts } from './lib/machine';
import { envInt, progress, publishResult } from './lib/run-env';
import { latency, percentile, round } from './lib/stats';

const ROUNDS = envInt('BENCH_ROUNDS', 5);
const ROUND_MS = envInt('BENCH_ROUND_MS', 1_000);
const HASH_MIB = envInt('BENCH_HASH_MIB', 4);
const CMS_ITERATIONS = envInt('BENCH_CMS_ITERATIONS', 30);
const CMS_KIB = envInt('BENCH_CMS_KIB', 100);
const log = progress('bench:crypto');

/** Calls `op(i)` for `ms` milliseconds; returns calls per second. */
function perSecond(op: (i: number) => unknown, ms: number): number {
  const start = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    op(n++);
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (n * 1000) / elapsed;
}

interface PairFigures {
  product: number;
  baseline: number;
  /** product ÷ baseline. */
  ratio: number;
}

/** Median per-second rate of `product` and `baseline` over alternating rounds (after one warm-up round each). */
function pair(
  name: string,
  product: (i: number) => unknown,
  baseline: (i: number) => unknown,
  scale = 1,
  digits = 0,
): PairFigures {
  perSecond(product, ROUND_MS / 4);
  perSecond(baseline, ROUND_MS / 4);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      a.push(perSecond(product, ROUND_MS));
      b.push(perSecond(baseline, ROUND_MS));
    } else {
      b.push(perSecond(baseline, ROUND_MS));
      a.push(perSecond(product, ROUND_MS));
    }
  }
  const figures = {
    product: round(percentile(a, 0.5) * scale, digits),
    baseline: round(percentile(b, 0.5) * scale, digits),
    ratio: round(percentile(a, 0.5) / percentile(b, 0.5), 4),
  };
  log(`${name}: ${figures.product} vs ${figures.baseline} (ratio ${figures.ratio})`);
  return figures;
}

async function cms() {
  const pki = createDevelopmentPki();
  const content = new Uint8Array(CMS_KIB * 1024).map((_, i) => (i * 131) & 0xff);
  const trust = { roots: [pki.root.der] };
  const signMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < CMS_ITERATIONS + 3; i++) {
    let start = performance.now();
    const p7s = await buildSignedData({
      content,
      certificateDer: pki.user.der,
      signHash: (hash) => bignSign(hash, pki.user.keyPair.privateKey),
      extraCertificates: [pki.intermediate.der],
    });
    const signed = performance.now() - start;
    start = performance.now();
    const result = verifyDetached(content, p7s, trust);
    const verified = performance.now() - start;
    if (!result.valid) throw new Error(`the benchmark's own signature does not verify: ${result.reason}`);
    if (i >= 3) {
      signMs.push(signed);
      verifyMs.push(verified);
    }
  }
  return { documentKiB: CMS_KIB, sign: latency(signMs), verify: latency(verifyMs) };
}

async function main() {
  const started = performance.now();
  const { privateKey: bignKey, publicKey: bignPub } = createDevelopmentPki().user.keyPair;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const hashes = Array.from({ length: 64 }, (_, i) => beltHash(Uint8Array.of(i)));
  const bignSignatures = hashes.map((h) => bignSign(h, bignKey));
  const ecSignatures = hashes.map((h) => sign('sha256', h, ec.privateKey));
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;

  log(`${ROUNDS} rounds × ${ROUND_MS} ms per figure`);
  const signing = pair(
    'sign/s bign vs ECDSA P-256',
    (i) => bignSign(at(hashes, i), bignKey),
    (i) => sign('sha256', at(hashes, i), ec.privateKey),
  );
  const verifying = pair(
    'verify/s bign vs ECDSA P-256',
    (i) => bignVerify(at(hashes, i), at(bignSignatures, i), bignPub),
    (i) => verify('sha256', at(hashes, i), ec.publicKey, at(ecSignatures, i)),
  );
  const data = new Uint8Array(HASH_MIB * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
  const hashing = pair(
    'MB/s belt-hash vs SHA-256',
    () => beltHash(data),
    () => createHash('sha256').update(data).digest(),
    HASH_MIB * 1.048576,
    1,
  );
  log(`detached CMS of ${CMS_KIB} KiB: ${CMS_ITERATIONS} signatures and verifications`);
  const line = {
    bench: 'arm-appeals-crypto',
    date: new Date().toISOString(),
    machine: machineFacts(),
    rounds: ROUNDS,
    roundMs: ROUND_MS,
    bignSignPerSecond: { ...signing, baselineName: 'ECDSA P-256 (node:crypto)' },
    bignVerifyPerSecond: { ...verifying, baselineName: 'ECDSA P-256 (node:crypto)' },
    beltHashMBps: { ...hashing, baselineName: 'SHA-256 (node:crypto)', bufferMiB: HASH_MIB },
    cms: await cms(),
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  publishResult(line);
}

await main();
