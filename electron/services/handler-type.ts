import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { CallContext } from './context';

/** One channel's handler: what both hosts call with the caller's context and the parsed input. */
export type Handler<C extends Channel> = (
  ctx: CallContext,
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };
