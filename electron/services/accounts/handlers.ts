import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { accountsChannels } from '../../../shared/contract/accounts-channels';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { exportSecurityLogCsv } from '../security/log-query';
import { createAccount, listAccounts, resetAccountPassword, setAccountDisabled, updateAccount } from './account-admin';
import { readIdleLockMinutes, saveIdleLockMinutes } from './idle-lock-setting';
import { accountStatus, changeOwnPassword } from './own-password';

type AccountsChannel = keyof typeof accountsChannels;
// The handler shape of ../handlers (not imported from there: that module imports this one).
type Handler<C extends AccountsChannel> = (
  ctx: CallContext,
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Handlers of shared/contract/accounts-channels.ts, spread into the one handler table. */
export const accountsHandlers: { [C in AccountsChannel]: Handler<C> } = {
  'account:status': (ctx) => accountStatus(ctx),
  'account:changePassword': (ctx, input) => changeOwnPassword(ctx, input),
  'accounts:list': (ctx) => listAccounts(ctx),
  'accounts:create': (ctx, input) => createAccount(ctx, input),
  'accounts:update': (ctx, input) => updateAccount(ctx, input),
  'accounts:setDisabled': (ctx, input) => setAccountDisabled(ctx, input),
  'accounts:resetPassword': (ctx, input) => resetAccountPassword(ctx, input),
  'accounts:settings': (ctx) => {
    requireUser(ctx, 'admin');
    return { idleLockMinutes: readIdleLockMinutes(ctx) };
  },
  'accounts:saveSettings': (ctx, input) => saveIdleLockMinutes(ctx, input),
  'security:exportCsv': (ctx, input) => exportSecurityLogCsv(ctx, input),
};
