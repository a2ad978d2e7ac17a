import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract/channels';
import type { releaseChannels } from '../../../shared/contract/release-channels';
import type { CallContext } from '../context';
import { saveDiagnostics } from './diagnostics';
import {
  about,
  installUpdate,
  markReleaseNotesSeen,
  releaseNotes,
  runUpdateStep,
  saveUpdateSettings,
  updateStatus,
} from './release-service';

/** Release handlers (decision 011), spread into the one handler table. */
export const releaseHandlers: {
  [C in keyof typeof releaseChannels]: (
    ctx: CallContext,
    input: ChannelParsedInput<C>,
  ) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
} = {
  'release:about': (ctx) => about(ctx),
  'release:saveSettings': (ctx, input) => saveUpdateSettings(ctx, input),
  'release:updateStatus': (ctx) => updateStatus(ctx),
  'release:check': (ctx) => runUpdateStep(ctx, 'check'),
  'release:download': (ctx) => runUpdateStep(ctx, 'download'),
  'release:install': (ctx) => installUpdate(ctx),
  'release:notes': (ctx) => releaseNotes(ctx),
  'release:notesSeen': (ctx) => markReleaseNotesSeen(ctx),
  'release:diagnostics': (ctx) => saveDiagnostics(ctx),
};
