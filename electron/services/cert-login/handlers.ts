import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { certLoginChannels } from '../../../shared/contract/cert-login-channels';
import type { CallContext } from '../context';
import { bindCertificate, listCertificateBindings, unbindCertificate } from './bindings';
import { certificateChallenge, certificateLogin } from './certificate-login';

type CertLoginChannel = keyof typeof certLoginChannels;
// The handler shape of ../handlers (not imported from there: that module imports this one).
type Handler<C extends CertLoginChannel> = (
  ctx: CallContext,
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Handlers of shared/contract/cert-login-channels.ts, spread into the one handler table. */
export const certLoginHandlers: { [C in CertLoginChannel]: Handler<C> } = {
  'auth:certificateChallenge': (ctx) => certificateChallenge(ctx),
  'auth:certificateLogin': (ctx, input) => certificateLogin(ctx, input),
  'accounts:certificates': (ctx, input) => listCertificateBindings(ctx, input),
  'accounts:bindCertificate': (ctx, input) => bindCertificate(ctx, input),
  'accounts:unbindCertificate': (ctx, input) => unbindCertificate(ctx, input),
};
