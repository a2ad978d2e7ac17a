import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { securityEvents } from '../../../db/schema';
import { addDays } from '../../../shared/calendar/local-date';
import { formatMinsk, minskDayStart } from '../../../shared/calendar/minsk-time';
import type { SecurityEvent, SecurityLogFilter } from '../../../shared/security/schema';
import { SECURITY_RESULT_NAMES, securityEventName } from '../../../shared/security/vocabulary-ru';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordSecurityEvent } from './record-event';

/** The log viewer's filters as SQL: Minsk days [from 00:00, to+1 00:00), exact type/result, login part. */
function whereOf(filter: SecurityLogFilter): SQL | undefined {
  const login = filter.login?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    filter.from ? gte(securityEvents.at, minskDayStart(filter.from).getTime()) : undefined,
    filter.to ? lt(securityEvents.at, minskDayStart(addDays(filter.to, 1)).getTime()) : undefined,
    filter.type ? eq(securityEvents.type, filter.type) : undefined,
    filter.result ? eq(securityEvents.result, filter.result) : undefined,
    login ? like(securityEvents.login, `%${login}%`) : undefined,
  );
}

function parseDetails(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The filtered log, newest first (administrator only). */
export function querySecurityLog(
  ctx: CallContext,
  input: SecurityLogFilter & { limit: number; offset: number },
): { total: number; entries: SecurityEvent[] } {
  requireUser(ctx, 'admin');
  const where = whereOf(input);
  const total = ctx.store.db.select({ n: count() }).from(securityEvents).where(where).get()?.n ?? 0;
  const rows = ctx.store.db
    .select()
    .from(securityEvents)
    .where(where)
    .orderBy(desc(securityEvents.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return {
    total,
    entries: rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      result: r.result === 'success' ? 'success' : 'failure',
      details: parseDetails(r.details),
    })),
  };
}

const CSV_HEADER = ['№', 'Дата и время (Минск)', 'Событие', 'Учётная запись', 'Рабочее место', 'Адрес', 'Результат'];
const CSV_EXTRA = ['Подробности', 'Хеш предыдущей записи', 'Хеш записи'];

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `security:exportCsv`: the filtered log for the administrator (UTF-8 with BOM and `;`, as Excel in
 * ru-BY opens it), with each entry's hashes so the export can be checked against the database. The
 * export itself is recorded in the log.
 */
export function exportSecurityLogCsv(ctx: CallContext, filter: SecurityLogFilter) {
  const admin = requireUser(ctx, 'admin');
  const where = whereOf(filter);
  const rows = ctx.store.db.select().from(securityEvents).where(where).orderBy(desc(securityEvents.id)).all();
  const lines = [[...CSV_HEADER, ...CSV_EXTRA].map(csvField).join(';')];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        formatMinsk(new Date(r.at)),
        securityEventName(r.type),
        r.login,
        r.workstation,
        r.address,
        r.result === 'success' ? SECURITY_RESULT_NAMES.success : SECURITY_RESULT_NAMES.failure,
        r.details,
        r.prevHash,
        r.hash,
      ]
        .map(csvField)
        .join(';'),
    );
  }
  inTransaction(ctx.store.sqlite, () =>
    recordSecurityEvent(ctx, {
      type: 'security-log-exported',
      login: admin.login,
      userId: admin.id,
      result: 'success',
      details: { rows: rows.length, filter },
    }),
  );
  const stamp = formatMinsk(ctx.clock()).slice(0, 10);
  return { fileName: `Журнал безопасности ${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: rows.length };
}
