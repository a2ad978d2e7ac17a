import { createHash } from 'node:crypto';
import type { CentralApi, RemoteFileState } from '../../../../electron/services/sync/central-api';
import { CentralError } from '../../../../electron/services/sync/central-error';
import type { ChangesPage, Command, CommandResult, Organisation } from '../../../../shared/sync/protocol';

export type Fault = 'network' | 'lost-response' | 'unavailable' | 'bad-request';

/**
 * An in-memory central system for unit tests: idempotent commands with official numbers for
 * provisional cards, a change feed, content-addressed files with partial uploads. Faults are queued
 * per method and consumed one call at a time.
 */
export class FakeCentralApi implements CentralApi {
  readonly results = new Map<string, CommandResult>();
  readonly batches: string[][] = [];
  readonly feed: unknown[] = [];
  readonly files = new Map<string, Uint8Array>();
  readonly partial = new Map<string, Uint8Array>();
  readonly puts: { sha256: string; offset: number }[] = [];
  readonly faults: Record<'commands' | 'changes' | 'put' | 'get', Fault[]> = {
    commands: [],
    changes: [],
    put: [],
    get: [],
  };
  /** Decides a rejection per command (null = apply). */
  rejectWhen: (command: Command) => { code: string; message: string } | null = () => null;
  /** Refuses the whole batch with 400 (a command the server cannot even parse). */
  refuseBatch: (commands: Command[]) => boolean = () => false;
  private seq = 0;

  async token() {
    return { accessToken: 'fake-token', tokenType: 'Bearer' as const, expiresIn: 900 };
  }

  async changes(after: number, limit: number): Promise<ChangesPage> {
    this.fault('changes');
    const rest = this.feed.filter((c) => (c as { seq: number }).seq > after);
    const page = rest.slice(0, limit);
    const last = page[page.length - 1] as { seq: number } | undefined;
    return { changes: page, next: last ? last.seq : after, hasMore: rest.length > limit };
  }

  async sendCommands(commands: Command[]): Promise<CommandResult[]> {
    this.batches.push(commands.map((c) => c.id));
    if (this.refuseBatch(commands)) {
      throw new CentralError('rejected', 'POST /commands: HTTP 400', 400, { code: 'BAD_REQUEST', message: 'Пакет' });
    }
    const fault = this.fault('commands', ['lost-response']);
    const results = commands.map((command) => {
      const prior = this.results.get(command.id);
      if (prior) return prior.outcome === 'rejected' ? prior : { ...prior, outcome: 'duplicate' as const };
      const reason = this.rejectWhen(command);
      const card = command.payload as { numberProvisional?: boolean };
      const result: CommandResult = reason
        ? { id: command.id, outcome: 'rejected', reason }
        : {
            id: command.id,
            outcome: 'applied',
            ...(card.numberProvisional ? { regNumber: `ОГ-2026-${++this.seq}` } : {}),
          };
      this.results.set(command.id, result);
      return result;
    });
    if (fault === 'lost-response') throw new CentralError('network', 'POST /commands: ECONNRESET');
    return results;
  }

  async headFile(sha256: string): Promise<RemoteFileState> {
    const whole = this.files.get(sha256);
    if (whole) return { state: 'complete', size: whole.length };
    const part = this.partial.get(sha256);
    return part ? { state: 'partial', offset: part.length } : { state: 'absent' };
  }

  async putFile(sha256: string, bytes: Uint8Array, offset: number): Promise<void> {
    this.puts.push({ sha256, offset });
    const before = this.partial.get(sha256) ?? new Uint8Array();
    const data = Buffer.concat([before.subarray(0, offset), bytes.subarray(offset)]);
    if (this.fault('put', ['lost-response']) === 'lost-response') {
      this.partial.set(sha256, data.subarray(0, Math.max(offset + 1, Math.floor(data.length / 2))));
      throw new CentralError('network', 'PUT /files: ECONNRESET');
    }
    if (createHash('sha256').update(data).digest('hex') !== sha256) throw new CentralError('rejected', 'sha', 422);
    this.partial.delete(sha256);
    this.files.set(sha256, data);
  }

  async getFile(sha256: string): Promise<Uint8Array> {
    this.fault('get');
    const bytes = this.files.get(sha256);
    if (!bytes) throw new CentralError('rejected', 'GET /files: HTTP 404', 404);
    return bytes;
  }

  async organisations(): Promise<Organisation[]> {
    return [];
  }

  /** Appends a change to the feed with the next seq. */
  publish(type: string, data: unknown): number {
    const seq = this.feed.length + 1;
    this.feed.push({ seq, type, data });
    return seq;
  }

  /** Throws the queued fault for `method`, except those `deferred` (returned for the caller to act on). */
  private fault(method: keyof FakeCentralApi['faults'], deferred: Fault[] = []): Fault | undefined {
    const fault = this.faults[method].shift();
    if (fault === undefined || deferred.includes(fault)) return fault;
    if (fault === 'network') throw new CentralError('network', `${method}: ECONNREFUSED`);
    if (fault === 'unavailable') throw new CentralError('unavailable', `${method}: HTTP 503`, 503, null, 10);
    throw new CentralError('rejected', `${method}: HTTP 400`, 400, { code: 'BAD_REQUEST', message: 'Пакет команд' });
  }
}
