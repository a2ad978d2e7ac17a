import type { syncChannels } from '../../../shared/contract/sync-channels';
import { AppError } from '../../../shared/errors';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import type { Handler } from '../handler-type';
import { acknowledgeUnapplied, discardRejected, resendRejected } from './attention';

function connectionOf(ctx: CallContext) {
  requireUser(ctx, 'admin');
  if (!ctx.connection)
    throw new AppError('NOT_FOUND', 'Синхронизация с системой обращений на этом рабочем месте отключена');
  return ctx.connection;
}

/** Handlers of shared/contract/sync-channels.ts. */
export const syncHandlers: { [C in keyof typeof syncChannels]: Handler<C> } = {
  'sync:resend': (ctx, input) => resendRejected(ctx, input),
  'sync:discard': (ctx, input) => discardRejected(ctx, input),
  'sync:acknowledge': (ctx, input) => acknowledgeUnapplied(ctx, input),
  'sync:connection': (ctx) => connectionOf(ctx).view(),
  'sync:saveConnection': (ctx, input) => connectionOf(ctx).save(input),
  'sync:checkConnection': (ctx, input) => connectionOf(ctx).check(input),
};
