import { asc, eq, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../../../db/open';
import { savedReports, users } from '../../../db/schema';
import type { User } from '../../../shared/appeals/schema';
import { toMinskIso } from '../../../shared/calendar';
import type { ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import {
  canAuthorReports,
  canViewReports,
  type ReportDefinition,
  type ReportPeriod,
  type ReportResult,
  reportDefinitionSchema,
  type SavedReport,
} from '../../../shared/reports';
import { appealRowsByIds } from '../appeals/list-appeals';
import { organisationOf } from '../appeals/save-appeal';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { loadLookups } from './dimensions';
import { type DrillCell, defaultTitle, drillDownIds, runReport } from './engine';
import { REPORT_MIME, type ReportFormat, renderReport } from './outputs';

/** Report authors and heads view reports [3.3, 4.10]. */
function viewer(ctx: CallContext): User {
  const user = requireUser(ctx);
  if (!canViewReports(user.roles))
    throw new AppError('NOT_ALLOWED', 'Отчёты доступны создателю отчётов и руководителям');
  return user;
}

/** The report as the caller builds it now (the one path of the screen, the exports and the CLI). */
export function buildReport(
  ctx: CallContext,
  input: { definition: ReportDefinition; period: ReportPeriod; title?: string | undefined },
): ReportResult {
  const user = viewer(ctx);
  const { sqlite, db } = ctx.store;
  return runReport(sqlite, input.definition, input.period, ctx.clock(), loadLookups(sqlite), {
    title: input.title || defaultTitle(input.definition),
    organisation: organisationOf(db).name,
    builtBy: user.fullName,
  });
}

export function drillDown(ctx: CallContext, input: ChannelParsedInput<'reports:drill'>) {
  viewer(ctx);
  const { sqlite, db } = ctx.store;
  const now = ctx.clock();
  const cell: DrillCell = input.cell;
  const { total, ids } = drillDownIds(sqlite, input.definition, input.period, cell, now, loadLookups(sqlite), input);
  return { total, rows: appealRowsByIds(sqlite, ids, now, organisationCalendar(db)) };
}

export async function exportReport(
  ctx: CallContext,
  input: ChannelParsedInput<'reports:run'> & { format: ReportFormat },
): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const file = await renderReport(buildReport(ctx, input), input.format);
  return {
    fileName: file.fileName,
    mime: REPORT_MIME[input.format],
    dataBase64: Buffer.from(file.bytes).toString('base64'),
  };
}

/** Saved settings the caller sees: their own and the shared ones, by name. */
export function listSavedReports(ctx: CallContext): { reports: SavedReport[] } {
  const user = viewer(ctx);
  const rows = ctx.store.db
    .select({ report: savedReports, ownerName: users.fullName })
    .from(savedReports)
    .leftJoin(users, eq(users.id, savedReports.ownerId))
    .where(or(eq(savedReports.ownerId, user.id), eq(savedReports.shared, true)))
    .orderBy(asc(savedReports.name))
    .all();
  const admin = user.roles.includes('admin');
  return {
    reports: rows.flatMap(({ report, ownerName }) => {
      const definition = reportDefinitionSchema.safeParse(JSON.parse(report.definition));
      if (!definition.success) return [];
      return [
        {
          id: report.id,
          name: report.name,
          definition: definition.data,
          ownerId: report.ownerId,
          ownerName: ownerName ?? '',
          shared: report.shared,
          updatedAt: toMinskIso(new Date(report.updatedAt)),
          mine: report.ownerId === user.id || admin,
        },
      ];
    }),
  };
}

function author(ctx: CallContext): User {
  const user = requireUser(ctx);
  if (!canAuthorReports(user.roles)) throw new AppError('NOT_ALLOWED', 'Сохранять отчёты может создатель отчётов');
  return user;
}

/** The saved report the caller may change: their own (an administrator: any). */
function ownReport(ctx: CallContext, user: User, id: string) {
  const { db } = ctx.store;
  const found = db.select().from(savedReports).where(eq(savedReports.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', 'Сохранённый отчёт не найден');
  if (found.ownerId !== user.id && !user.roles.includes('admin'))
    throw new AppError('NOT_ALLOWED', 'Изменить или удалить отчёт может только его автор');
  return found;
}

/** Save report settings (regulation 4.10: «характеристики отчёта» kept and reused); one transaction. */
export function saveReport(ctx: CallContext, input: ChannelParsedInput<'reports:save'>): { id: string } {
  const user = author(ctx);
  const now = ctx.clock().getTime();
  const { db, sqlite } = ctx.store;
  const values = {
    name: input.name,
    definition: JSON.stringify(input.definition),
    shared: input.shared,
    updatedAt: now,
  };
  return inTransaction(sqlite, () => {
    if (input.id !== null) {
      ownReport(ctx, user, input.id);
      db.update(savedReports).set(values).where(eq(savedReports.id, input.id)).run();
      return { id: input.id };
    }
    const id = uuidv7();
    db.insert(savedReports)
      .values({ id, ownerId: user.id, createdAt: now, ...values })
      .run();
    return { id };
  });
}

export function deleteReport(ctx: CallContext, input: { id: string }): Record<string, never> {
  const user = author(ctx);
  const { db, sqlite } = ctx.store;
  inTransaction(sqlite, () => {
    ownReport(ctx, user, input.id);
    db.delete(savedReports).where(eq(savedReports.id, input.id)).run();
  });
  return {};
}
