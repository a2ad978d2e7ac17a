import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { REDACTED, redactDeep } from '../logging/logger';
import { about } from './release-service';

/** Settings rows whose key names a credential are left out entirely. */
const SECRET_KEY = /secret|password|token|credential|private/i;
/** Per-user bookkeeping (ids of users) is not diagnostic. */
const USER_KEY = /^release\.notesSeen\./;

export interface DatabaseStatistics {
  tables: Record<string, number>;
  pageSize: number;
  pageCount: number;
  freelistCount: number;
  journalMode: string;
  integrity: string[];
}

/** Row counts of the real tables (not FTS shadow tables), page figures and the integrity check. */
export function databaseStatistics(ctx: Pick<CallContext, 'store'>): DatabaseStatistics {
  const { sqlite } = ctx.store;
  const names = (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const tables = Object.fromEntries(
    names.map((name) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n,
    ]),
  );
  const pragma = (name: string) => sqlite.pragma(name, { simple: true }) as number | string;
  return {
    tables,
    pageSize: Number(pragma('page_size')),
    pageCount: Number(pragma('page_count')),
    freelistCount: Number(pragma('freelist_count')),
    journalMode: String(pragma('journal_mode')),
    integrity: (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
  };
}

/** The `settings` table without credentials or personal keys, values redacted by key name. */
export function settingsWithoutSecrets(ctx: Pick<CallContext, 'store'>): Record<string, unknown> {
  const rows = ctx.store.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
    key: string;
    value: string;
  }[];
  const out: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (USER_KEY.test(key)) continue;
    if (SECRET_KEY.test(key)) {
      out[key] = REDACTED;
      continue;
    }
    try {
      out[key] = redactDeep(JSON.parse(value));
    } catch {
      out[key] = REDACTED;
    }
  }
  return out;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * «Сохранить диагностику» (administrator, decision 011): one ZIP for the organisation's IT with the
 * application logs (already free of personal data), versions, settings without secrets and database
 * statistics. No appeal, applicant or attachment ever goes in.
 */
export function saveDiagnostics(ctx: CallContext): { fileName: string; dataBase64: string } {
  requireUser(ctx, 'admin');
  const now = ctx.clock();
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(
      'Диагностика АРМ делопроизводителя для ИТ-службы организации.\n' +
        'versions.json — версии программы и системы; settings.json — настройки (без паролей и ключей);\n' +
        'database.json — статистика базы данных (число записей, страницы, проверка целостности);\n' +
        'logs/ — журналы работы программы (без персональных данных).\n',
    ),
    'versions.json': json({
      ...about(ctx),
      createdAt: now.toISOString(),
      os: { platform: platform(), release: release(), arch: arch() },
      sync: ctx.sync?.status() ?? null,
    }),
    'settings.json': json(settingsWithoutSecrets(ctx)),
    'database.json': json(databaseStatistics(ctx)),
  };
  if (ctx.logDir && existsSync(ctx.logDir)) {
    for (const name of readdirSync(ctx.logDir)
      .filter((f) => f.endsWith('.log'))
      .sort())
      files[`logs/${name}`] = readFileSync(join(ctx.logDir, name));
  }
  const zip = zipSync(files, { level: 6, mtime: now });
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  ctx.logger?.info({ files: Object.keys(files).length, bytes: zip.length }, 'Diagnostics saved');
  return { fileName: `arm-diagnostics-${ctx.version}-${stamp}.zip`, dataBase64: Buffer.from(zip).toString('base64') };
}
