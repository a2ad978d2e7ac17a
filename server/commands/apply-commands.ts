import type { Command, CommandResult, CommandType } from '../../shared/sync/protocol';
import { inTransaction } from '../store/open-store';
import { type CommandContext, type Outcome, rejected } from './context';
import { registerAppeal } from './register-appeal';
import { reviewAction } from './review-action';

type Handler = (ctx: CommandContext, command: Command) => Outcome;

const HANDLERS: Readonly<Record<CommandType, Handler>> = { RegisterAppeal: registerAppeal, ReviewAction: reviewAction };

interface StoredRow {
  outcome: 'applied' | 'rejected';
  result: string;
}

function execute(ctx: CommandContext, command: Command): Outcome {
  const handler = Object.hasOwn(HANDLERS, command.type) ? HANDLERS[command.type as CommandType] : undefined;
  if (!handler) return rejected('UNKNOWN_COMMAND', `Неизвестный тип команды «${command.type.slice(0, 100)}»`);
  return handler(ctx, command);
}

function toResult(id: string, outcome: Outcome, replay: boolean): CommandResult {
  if (outcome.outcome === 'rejected') return { id, outcome: 'rejected', reason: outcome.reason };
  const result: CommandResult = { id, outcome: replay ? 'duplicate' : 'applied' };
  if (outcome.regNumber !== undefined) result.regNumber = outcome.regNumber;
  return result;
}

/**
 * Applies a batch in order, each command at most once: its outcome is stored with the command id in
 * the same transaction (a savepoint inside the batch's transaction) that applied it, so a repeated id
 * answers `duplicate` with the same registration number — or the same rejection, which never
 * applies later. Results come back in the order sent.
 */
export function applyCommands(ctx: CommandContext, commands: readonly Command[]): CommandResult[] {
  const { db, org } = ctx;
  const find = db.prepare<[string, string], StoredRow>(
    'SELECT outcome, result FROM commands WHERE org_id = ? AND id = ?',
  );
  const store = db.prepare(
    'INSERT INTO commands (org_id, id, type, appeal_id, outcome, result, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return inTransaction(db, () =>
    commands.map((command) => {
      const prior = find.get(org.id, command.id);
      if (prior) return toResult(command.id, JSON.parse(prior.result) as Outcome, true);
      const outcome = inTransaction(db, () => {
        const done = execute(ctx, command);
        store.run(
          org.id,
          command.id,
          command.type.slice(0, 100),
          command.appealId,
          done.outcome,
          JSON.stringify(done),
          ctx.clock().getTime(),
        );
        return done;
      });
      return toResult(command.id, outcome, false);
    }),
  );
}
