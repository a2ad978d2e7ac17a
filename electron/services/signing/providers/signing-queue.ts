/**
 * One signing at a time per token: a hardware key (or an ID card) does one operation at a time and
 * shows one PIN dialog at a time. A second request for the same token waits in line; when the line
 * does not move within `waitMs` it fails with BUSY instead of stacking PIN dialogs.
 */

import { SigningError } from '../provider';

/** How long a second signing request waits for the token by default. */
export const DEFAULT_TOKEN_WAIT_MS = 30_000;

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout | null;
}

interface Line {
  busy: boolean;
  waiting: Waiter[];
}

export class TokenLocks {
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly busyMessage = 'Ключ занят другой операцией подписи. Дождитесь её окончания и повторите.',
  ) {}

  /** True while some operation holds `token`. */
  isBusy(token: string): boolean {
    return this.lines.get(token)?.busy ?? false;
  }

  /**
   * Runs `task` holding `token`; waits at most `waitMs` for the token (FIFO), else throws
   * SigningError BUSY. The token is released when `task` settles — a timed-out native call must keep
   * its promise pending until the call really returns, so nobody else reaches the token meanwhile.
   */
  async run<T>(token: string, task: () => Promise<T>, waitMs = DEFAULT_TOKEN_WAIT_MS): Promise<T> {
    await this.acquire(token, waitMs);
    try {
      return await task();
    } finally {
      this.release(token);
    }
  }

  private acquire(token: string, waitMs: number): Promise<void> {
    let line = this.lines.get(token);
    if (!line) {
      line = { busy: false, waiting: [] };
      this.lines.set(token, line);
    }
    if (!line.busy) {
      line.busy = true;
      return Promise.resolve();
    }
    const current = line;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          if (waiter.timer) clearTimeout(waiter.timer);
          resolve();
        },
        timer: null,
      };
      waiter.timer = setTimeout(() => {
        const index = current.waiting.indexOf(waiter);
        if (index >= 0) current.waiting.splice(index, 1);
        reject(new SigningError('BUSY', this.busyMessage, { token, waitMs }));
      }, waitMs);
      current.waiting.push(waiter);
    });
  }

  private release(token: string): void {
    const line = this.lines.get(token);
    if (!line) return;
    const next = line.waiting.shift();
    if (next) {
      next.grant(); // the token passes straight to the next in line: `busy` stays true
      return;
    }
    line.busy = false;
    this.lines.delete(token);
  }
}
