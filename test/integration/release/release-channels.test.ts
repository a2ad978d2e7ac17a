import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readMigrationJournal } from '../../../db/open';
import { userRoles, users } from '../../../db/schema';
import { dispatch } from '../../../electron/host/dispatch';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import type { AppServices, Session } from '../../../electron/services/context';
import { openLog } from '../../../electron/services/logging/logger';
import { changelogSection, recordRunningVersion } from '../../../electron/services/release/release-service';
import type { UpdateService } from '../../../electron/services/release/update-service';
import { initialUpdateStatus } from '../../../electron/services/release/update-service';
import { writeSetting } from '../../../electron/services/settings-store';
import { draft, makeTestServices } from '../../helpers/test-services';

const t = makeTestServices();
const journal = readMigrationJournal();
afterAll(() => t.cleanup());
// Every call re-reads the session's account (issue #10): the administrator exists in the database.
t.services.store.db
  .insert(users)
  .values({ id: 'u-admin', orgId: 'org', login: 'admin', fullName: 'Администратор', passwordHash: 'x', createdAt: 0 })
  .run();
t.services.store.db.insert(userRoles).values({ userId: 'u-admin', role: 'admin' }).run();
const admin: Session = {
  user: { id: 'u-admin', login: 'admin', fullName: 'Администратор', position: '', roles: ['admin'] },
};
const clerk: Session = { user: t.clerk.session.user };
const call = async (services: AppServices, session: Session, channel: string, input: unknown = {}) => {
  const result = await dispatch(services, session, channel, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as never;
};

/** An UpdateService that records what the handlers asked. */
class RecordingUpdates implements UpdateService {
  configured: [string | null, boolean][] = [];
  state = initialUpdateStatus('test', null);
  status() {
    return this.state;
  }
  configure(feedUrl: string | null, autoDownload: boolean) {
    this.configured.push([feedUrl, autoDownload]);
    this.state = { ...this.state, feedUrl };
  }
  async check() {
    this.state = { ...this.state, phase: 'available' as const };
    return this.state;
  }
  async download() {
    this.state = { ...this.state, phase: 'downloaded' as const };
    return this.state;
  }
  installed = 0;
  installNow() {
    if (this.state.phase !== 'downloaded') return false;
    this.installed++;
    return true;
  }
}

describe('«О программе» and update settings', () => {
  it('browser mode reports versions, the schema and that updates are Electron-only', async () => {
    const about = await call(t.services, clerk, 'release:about');
    expect(about).toMatchObject({
      product: 'АРМ делопроизводителя',
      version: 'test',
      mode: 'browser',
      updatesSupported: false,
      update: null,
      settings: { feedUrl: null, autoDownload: false },
      schema: { latest: journal.at(-1)?.tag, applied: journal.length },
    });
    expect((about as { versions: { sqlite: string } }).versions.sqlite).toMatch(/^3\./);
    const check = await call(t.services, clerk, 'release:check');
    expect(check).toMatchObject({ phase: 'error', error: expect.stringMatching(/Electron/) });
  });

  it('only the administrator changes the update server; the updater follows the settings', async () => {
    const updates = new RecordingUpdates();
    const services = { ...t.services, updates };
    const settings = { feedUrl: 'https://updates.organisation.by/arm', autoDownload: true };
    await expect(call(services, clerk, 'release:saveSettings', settings)).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await expect(
      call(services, admin, 'release:saveSettings', { feedUrl: 'ftp://x', autoDownload: false }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await call(services, admin, 'release:saveSettings', settings);
    expect(updates.configured).toEqual([[settings.feedUrl, true]]);
    const about = await call(services, clerk, 'release:about');
    expect(about).toMatchObject({ updatesSupported: true, settings, update: { feedUrl: settings.feedUrl } });
  });

  it('check, download, install on demand (refused before the download)', async () => {
    const updates = new RecordingUpdates();
    const services = { ...t.services, updates };
    await expect(call(services, clerk, 'release:install')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await call(services, clerk, 'release:check')).toMatchObject({ phase: 'available' });
    expect(await call(services, clerk, 'release:download')).toMatchObject({ phase: 'downloaded' });
    await call(services, clerk, 'release:install');
    expect(updates.installed).toBe(1);
  });
});

describe('release notes after an update', () => {
  it('are shown once per user after the version changed, never on a new installation', async () => {
    const { store } = t.services;
    recordRunningVersion(store, '0.1.0', new Date());
    const v1 = { ...t.services, version: '0.1.0' };
    expect(await call(v1, clerk, 'release:notes')).toMatchObject({ version: '0.1.0', unseen: false });
    recordRunningVersion(store, '0.1.0', new Date());
    // The update: the same data folder opened by the next version.
    recordRunningVersion(store, '0.2.0', new Date());
    const v2 = { ...t.services, version: '0.2.0' };
    expect(await call(v2, clerk, 'release:notes')).toMatchObject({ version: '0.2.0', unseen: true });
    await call(v2, clerk, 'release:notesSeen');
    expect(await call(v2, clerk, 'release:notes')).toMatchObject({ unseen: false });
    expect(await call(v2, admin, 'release:notes')).toMatchObject({ unseen: true });
  });

  it('take the version section of CHANGELOG.md', () => {
    const md = '# Changelog\n\n## 0.2.0\n\n- Новое\n- Ещё\n\n## 0.1.0\n\n- Первое\n';
    expect(changelogSection(md, '0.2.0')).toBe('- Новое\n- Ещё');
    expect(changelogSection(md, '0.1.0')).toBe('- Первое');
    expect(changelogSection(md, '0.1')).toBeNull();
  });
});

describe('«Сохранить диагностику»', () => {
  it('is a ZIP of logs, versions, settings without secrets and database statistics — no personal data', async () => {
    await registerAppeal(t.clerk, { id: null, draft: draft(), expectedVersion: null });
    const logDir = join(t.dataDir, 'logs-diag');
    mkdirSync(logDir, { recursive: true });
    const log = await openLog({ dir: logDir });
    log.logger.info({ channel: 'appeals:register', applicant: { surname: 'Иванов' } }, 'Registered');
    await log.close();
    writeFileSync(join(logDir, 'notes.txt'), 'not a log');
    writeSetting(t.services.store.db, 'sync.clientSecret', 'very-secret-value', new Date());
    writeSetting(t.services.store.db, 'integration', { url: 'https://x.by', token: 'tok-123' }, new Date());
    const services = { ...t.services, logDir };

    await expect(call(services, clerk, 'release:diagnostics')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const { fileName, dataBase64 } = (await call(services, admin, 'release:diagnostics')) as {
      fileName: string;
      dataBase64: string;
    };
    expect(fileName).toMatch(/^arm-diagnostics-test-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.zip$/);
    const files = unzipSync(Buffer.from(dataBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'database.json', 'logs/app.1.log', 'settings.json', 'versions.json'].sort(),
    );
    const database = JSON.parse(strFromU8(files['database.json']!));
    expect(database.integrity).toEqual(['ok']);
    expect(database.tables.appeals).toBe(1);
    expect(database.tables.users).toBe(3); // clerk, head, admin
    expect(database.pageCount).toBeGreaterThan(0);
    expect(Object.keys(database.tables).some((n: string) => n.startsWith('appeals_fts'))).toBe(false);
    const versions = JSON.parse(strFromU8(files['versions.json']!));
    expect(versions).toMatchObject({ version: 'test', mode: 'browser', schema: { applied: journal.length } });
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const personal of ['Иванов', 'Сурганова', 'протечке', '123-45-67', 'very-secret-value', 'tok-123'])
      expect(everything, personal).not.toContain(personal);
    const settings = JSON.parse(strFromU8(files['settings.json']!));
    expect(settings['sync.clientSecret']).toBe('[скрыто]');
    expect(settings.integration).toEqual({ url: 'https://x.by', token: '[скрыто]' });
  });
});
