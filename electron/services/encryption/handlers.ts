import type { ChannelOutput, ChannelParsedInput, EncryptionChannel } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';

/** The administrator's encryption at rest [6.3, issue #10]. */
function service(ctx: CallContext) {
  const user = requireUser(ctx, 'admin');
  if (!ctx.encryption) throw new AppError('NOT_FOUND', 'Шифрование не настроено');
  return { encryption: ctx.encryption, actor: { login: user.login, userId: user.id } };
}

/** Typed like handlers.ts's table (not imported from it: that file spreads this one). */
export const encryptionHandlers: {
  [C in EncryptionChannel]: (
    ctx: CallContext,
    input: ChannelParsedInput<C>,
  ) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
} = {
  // An opened folder: not locked, nothing to unlock (the locked host answers both itself: dispatchLocked).
  'app:status': () => ({ locked: false }),
  'encryption:unlock': () => {
    throw new AppError('CONFLICT', 'База данных уже открыта');
  },
  'encryption:status': (ctx) => service(ctx).encryption.status(),
  'encryption:encrypt': (ctx, input) => {
    const { encryption, actor } = service(ctx);
    return encryption.encrypt(actor, input.passphrase);
  },
  'encryption:decrypt': (ctx) => {
    const { encryption, actor } = service(ctx);
    return encryption.decrypt(actor);
  },
};
