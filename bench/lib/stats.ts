/** Timing helpers: nearest-rank percentiles in milliseconds, interleaved measurement of a pair. */
export interface Latency {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const round = (value: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export function latency(samples: readonly number[]): Latency {
  return {
    p50: round(percentile(samples, 0.5), 3),
    p95: round(percentile(samples, 0.95), 3),
    max: round(Math.max(...samples), 3),
    n: samples.length,
  };
}

export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface PairResult {
  product: Latency;
  baseline: Latency;
  /** product p95 / baseline p95 */
  ratioP95: number;
  ratioP50: number;
}

/**
 * Runs `product` and `baseline` alternately on the same inputs (after a warm-up), so machine noise
 * hits both alike; `inputs` is called once per iteration.
 */
export function measurePair<T>(
  iterations: number,
  input: (i: number) => T,
  product: (x: T) => unknown,
  baseline: (x: T) => unknown,
  warmup = 10,
): PairResult {
  for (let i = 0; i < warmup; i++) {
    const x = input(i);
    product(x);
    baseline(x);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const x = input(i);
    if (i % 2 === 0) {
      a.push(timeMs(() => product(x)));
      b.push(timeMs(() => baseline(x)));
    } else {
      b.push(timeMs(() => baseline(x)));
      a.push(timeMs(() => product(x)));
    }
  }
  const product_ = latency(a);
  const baseline_ = latency(b);
  return {
    product: product_,
    baseline: baseline_,
    ratioP95: round(product_.p95 / baseline_.p95, 2),
    ratioP50: round(product_.p50 / baseline_.p50, 2),
  };
}
