import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appliedMigrations, inTransaction, readMigrationJournal, type WorkingCopy } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import {
  type About,
  type UpdateSettings,
  type UpdateStatus,
  updateSettingsSchema,
} from '../../../shared/release/schema';
import { requireUser } from '../auth/auth-service';
import type { AppServices, CallContext } from '../context';
import { readSettingText, writeSetting } from '../settings-store';

export const PRODUCT = 'АРМ делопроизводителя';
const UPDATES_KEY = 'updates';
const VERSION_KEY = 'release.version';
const seenKey = (userId: string) => `release.notesSeen.${userId}`;

function readJson<T>(ctx: Pick<AppServices, 'store'>, key: string): T | null {
  const text = readSettingText(ctx.store.db, key);
  return text === null ? null : (JSON.parse(text) as T);
}

export function readUpdateSettings(store: WorkingCopy): UpdateSettings {
  return updateSettingsSchema.parse(readJson({ store }, UPDATES_KEY) ?? {});
}

/**
 * Remembers which version runs on this data folder and which ran before it: the release notes of an
 * update are shown once per user after the version changed (a new installation shows none).
 */
export function recordRunningVersion(store: WorkingCopy, version: string, now: Date): void {
  const stored = readJson<{ current: string; previous: string | null }>({ store }, VERSION_KEY);
  if (stored?.current === version) return;
  inTransaction(store.sqlite, () =>
    writeSetting(store.db, VERSION_KEY, { current: version, previous: stored?.current ?? null }, now),
  );
}

/** The section of CHANGELOG.md for `version` (the text under `## <version>`), or null. */
export function changelogSection(markdown: string, version: string): string | null {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^##\\s+\\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`).test(l));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  return body || null;
}

/** CHANGELOG.md: in the package's resources (extraResources), next to the bundle, or the source tree. */
export function readChangelog(candidates = changelogCandidates()): string | null {
  const found = candidates.find((p) => existsSync(p));
  return found ? readFileSync(found, 'utf8') : null;
}

function changelogCandidates(): string[] {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return [
    ...(resources ? [join(resources, 'CHANGELOG.md')] : []),
    ...(typeof __dirname === 'string' ? [join(__dirname, '..', '..', 'CHANGELOG.md')] : []),
    join(process.cwd(), 'CHANGELOG.md'),
  ];
}

function unsupported(ctx: CallContext): UpdateStatus {
  return {
    phase: 'error',
    currentVersion: ctx.version,
    feedUrl: readUpdateSettings(ctx.store).feedUrl,
    available: null,
    progress: null,
    error: 'Обновления устанавливает настольное приложение (Electron); в режиме браузера они недоступны.',
    checkedAt: null,
  };
}

export function about(ctx: CallContext): About {
  requireUser(ctx);
  const journal = readMigrationJournal(ctx.migrationsFolder);
  const sqlite = ctx.store.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string };
  return {
    product: PRODUCT,
    version: ctx.version,
    mode: ctx.mode,
    platform: `${process.platform} ${process.arch}`,
    versions: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      sqlite: sqlite.v,
    },
    schema: { applied: appliedMigrations(ctx.store.sqlite).length, latest: journal.at(-1)?.tag ?? '' },
    updatesSupported: ctx.updates !== undefined,
    update: ctx.updates?.status() ?? null,
    settings: readUpdateSettings(ctx.store),
  };
}

export function saveUpdateSettings(ctx: CallContext, input: UpdateSettings): UpdateSettings {
  requireUser(ctx, 'admin');
  inTransaction(ctx.store.sqlite, () => writeSetting(ctx.store.db, UPDATES_KEY, input, ctx.clock()));
  ctx.updates?.configure(input.feedUrl, input.autoDownload);
  ctx.logger?.info({ feedUrl: input.feedUrl, autoDownload: input.autoDownload }, 'Update settings saved');
  return input;
}

export function updateStatus(ctx: CallContext): UpdateStatus {
  requireUser(ctx);
  return ctx.updates?.status() ?? unsupported(ctx);
}

/** `release:check` / `release:download`: the updater's step, logged (browser mode: Electron-only). */
export async function runUpdateStep(ctx: CallContext, step: 'check' | 'download'): Promise<UpdateStatus> {
  requireUser(ctx);
  if (!ctx.updates) return unsupported(ctx);
  const status = step === 'check' ? await ctx.updates.check() : await ctx.updates.download();
  ctx.logger?.info({ step, phase: status.phase, version: status.available?.version ?? null }, 'Update step');
  return status;
}

export function installUpdate(ctx: CallContext): Record<string, never> {
  requireUser(ctx);
  if (!ctx.updates?.installNow())
    throw new AppError('CONFLICT', 'Обновление ещё не загружено: сначала проверьте и загрузите его.');
  ctx.logger?.info('Update install on demand');
  return {};
}

export function releaseNotes(ctx: CallContext) {
  const user = requireUser(ctx);
  const history = readJson<{ current: string; previous: string | null }>(ctx, VERSION_KEY);
  const updated = history !== null && history.current === ctx.version && history.previous !== null;
  const seen = readJson<string>(ctx, seenKey(user.id));
  const changelog = readChangelog();
  return {
    version: ctx.version,
    notes: changelog ? changelogSection(changelog, ctx.version) : null,
    unseen: updated && seen !== ctx.version,
  };
}

export function markReleaseNotesSeen(ctx: CallContext): Record<string, never> {
  const user = requireUser(ctx);
  inTransaction(ctx.store.sqlite, () => writeSetting(ctx.store.db, seenKey(user.id), ctx.version, ctx.clock()));
  return {};
}
