import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { reportsChannels } from '../../../shared/contract/reports-channels';
import type { CallContext } from '../context';
import { buildReport, deleteReport, drillDown, exportReport, listSavedReports, saveReport } from './report-service';

type ReportChannel = keyof typeof reportsChannels;

/** Handlers of shared/contract/reports-channels.ts, spread into the one handler table. */
export const reportsHandlers: {
  [C in ReportChannel]: (
    ctx: CallContext,
    input: ChannelParsedInput<C>,
  ) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
} = {
  'reports:run': (ctx, input) => buildReport(ctx, input),
  'reports:drill': (ctx, input) => drillDown(ctx, input),
  'reports:export': (ctx, input) => exportReport(ctx, input),
  'reports:saved': (ctx) => listSavedReports(ctx),
  'reports:save': (ctx, input) => saveReport(ctx, input),
  'reports:delete': (ctx, input) => deleteReport(ctx, input),
};
