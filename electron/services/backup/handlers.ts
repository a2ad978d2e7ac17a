import type { ChannelOutput, ChannelParsedInput, DataChannel } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { importJson } from '../import/import-json';
import type { BackupHandle } from './backup-handle';

/** The administrator's backups of this data folder [6.3]. */
function manager(ctx: CallContext): { backups: BackupHandle; actor: { login: string; userId: string } } {
  const user = requireUser(ctx, 'admin');
  if (!ctx.backups) throw new AppError('NOT_FOUND', 'Резервное копирование не настроено');
  return { backups: ctx.backups, actor: { login: user.login, userId: user.id } };
}

/** Typed like handlers.ts's table (not imported from it: that file spreads this one). */
export const dataHandlers: {
  [C in DataChannel]: (ctx: CallContext, input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
} = {
  'import:json': (ctx, input) =>
    importJson(ctx, { fileName: input.fileName, bytes: Buffer.from(input.dataBase64, 'base64') }),
  'backups:list': (ctx) => {
    const { backups } = manager(ctx);
    return { settings: backups.settings(), running: backups.running, backups: backups.list() };
  },
  'backups:create': (ctx) => {
    const { backups, actor } = manager(ctx);
    return backups.create('manual', actor);
  },
  'backups:verify': (ctx, input) => {
    const { backups, actor } = manager(ctx);
    return backups.verify(input.id, actor);
  },
  'backups:restore': (ctx, input) => {
    const { backups, actor } = manager(ctx);
    return backups.restore(input.id, actor);
  },
  'backups:settings': (ctx, input) => manager(ctx).backups.saveSettings(input),
};
