/** TokenLocks: one operation per token, FIFO waiting, BUSY after the wait, independent tokens. */
import { describe, expect, it } from 'vitest';
import { TokenLocks } from '../../../../../electron/services/signing/providers/signing-queue';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('TokenLocks', () => {
  it('runs operations on one token one after another, in arrival order', async () => {
    const locks = new TokenLocks();
    const order: string[] = [];
    const gate = deferred();
    const a = locks.run('t', async () => {
      order.push('a:start');
      await gate.promise;
      order.push('a:end');
    });
    const b = locks.run('t', async () => order.push('b'));
    const c = locks.run('t', async () => order.push('c'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['a:start']);
    expect(locks.isBusy('t')).toBe(true);
    gate.resolve();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a:start', 'a:end', 'b', 'c']);
    expect(locks.isBusy('t')).toBe(false);
  });

  it('fails a waiter with BUSY after the wait and lets the rest of the line go on', async () => {
    const locks = new TokenLocks('занято');
    const gate = deferred();
    const a = locks.run('t', () => gate.promise);
    const b = locks.run('t', async () => 'b', 20);
    await expect(b).rejects.toMatchObject({ code: 'BUSY', message: 'занято' });
    const c = locks.run('t', async () => 'c', 1_000);
    gate.resolve();
    await a;
    await expect(c).resolves.toBe('c');
  });

  it('releases the token when the operation throws', async () => {
    const locks = new TokenLocks();
    await expect(locks.run('t', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(locks.run('t', async () => 1, 10)).resolves.toBe(1);
  });

  it('keeps different tokens independent', async () => {
    const locks = new TokenLocks();
    const gate = deferred();
    const a = locks.run('t1', () => gate.promise);
    await expect(locks.run('t2', async () => 'free', 10)).resolves.toBe('free');
    gate.resolve();
    await a;
  });
});
