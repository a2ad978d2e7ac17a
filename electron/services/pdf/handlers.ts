import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { pdfChannels } from '../../../shared/contract/pdf-channels';
import type { CallContext } from '../context';
import { cancelExportJob, exportJobStatus, interruptedExports, resumeExportJob, startExportJob } from './export-jobs';
import { importVsedAnswers } from './vsed-import';

type PdfChannel = keyof typeof pdfChannels;

/** Handlers of shared/contract/pdf-channels.ts, spread into the one handler table. */
export const pdfHandlers: {
  [C in PdfChannel]: (ctx: CallContext, input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
} = {
  'exportBatch:start': (ctx, input) => startExportJob(ctx, input),
  'exportBatch:status': (ctx, input) => exportJobStatus(ctx, input),
  'exportBatch:cancel': (ctx, input) => cancelExportJob(ctx, input),
  'exportBatch:interrupted': (ctx) => interruptedExports(ctx),
  'exportBatch:resume': (ctx, input) => resumeExportJob(ctx, input),
  'vsed:importAnswers': (ctx, input) => importVsedAnswers(ctx, input),
};
