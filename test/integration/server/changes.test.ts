import { afterEach, describe, expect, it } from 'vitest';
import { changeSchema, changesPageSchema } from '../../../shared/sync/protocol';
import {
  filedAppeal,
  type Harness,
  harness,
  ORG_B,
  registerCommand,
  registeredCard,
  TINY_PDF,
} from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

async function page(after: number | string, limit?: number | string, token?: string) {
  const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
  const res = await h.call('GET', `/api/v1/changes?${query}`, token ? { token } : {});
  expect(res.statusCode, res.body).toBe(200);
  return changesPageSchema.parse(res.json());
}

describe('GET /api/v1/changes', () => {
  it('pages through the feed with a cursor that only grows, no change lost or repeated', async () => {
    h = await harness();
    const filed = Array.from({ length: 250 }, () => filedAppeal());
    for (const f of filed) h.server.fileAppeal('org-a', f);
    const seen: number[] = [];
    const ids: string[] = [];
    let after = 0;
    const sizes: number[] = [];
    const remaining: (number | undefined)[] = [];
    for (;;) {
      const p = await page(after, 100);
      sizes.push(p.changes.length);
      remaining.push(p.remaining);
      for (const raw of p.changes) {
        const change = changeSchema.parse(raw);
        seen.push(change.seq);
        if (change.type === 'appeal.filed') ids.push(change.data.id);
      }
      expect(p.next).toBeGreaterThanOrEqual(after);
      after = p.next;
      if (!p.hasMore) break;
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(remaining).toEqual([150, 50, 0]);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(250);
    expect(after).toBe(seen.at(-1));
    expect(ids).toEqual(filed.map((f) => f.id));
    // Nothing new: the cursor stays.
    expect(await page(after)).toEqual({ changes: [], next: after, hasMore: false, remaining: 0 });
    // New changes arrive after the stored cursor.
    h.server.fileAppeal('org-a', filedAppeal());
    const next = await page(after);
    expect(next.changes).toHaveLength(1);
    expect(next.next).toBeGreaterThan(after);
  });

  it('defaults to 100 changes and caps the limit at 500', async () => {
    h = await harness();
    for (let i = 0; i < 520; i++)
      h.server.publishTopic('org-a', { code: `99.${i}`, parentCode: '99', name: `Тема ${i}` });
    expect((await page(0)).changes).toHaveLength(100);
    const capped = await page(0, 10_000);
    expect(capped.changes).toHaveLength(500);
    expect(capped.hasMore).toBe(true);
    const rest = await page(capped.next, 500);
    expect(rest).toMatchObject({ hasMore: false });
    expect(rest.changes).toHaveLength(20);
  });

  it('refuses a malformed cursor or limit with 400', async () => {
    h = await harness();
    for (const query of ['after=-1', 'after=abc', 'after=1.5', 'limit=0', 'limit=x', 'after=']) {
      const res = await h.call('GET', `/api/v1/changes?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('carries every change type in protocol shape: filed, status, classifier, registered, numbered', async () => {
    h = await harness();
    const sha256 = h.server.storeFile('org-a', TINY_PDF);
    const filed = filedAppeal([{ sha256, name: 'фото.pdf', size: TINY_PDF.length }]);
    h.server.fileAppeal('org-a', filed);
    h.server.setAppealStatus('org-a', filed.id, 'withdrawn', 'Отозвано заявителем');
    h.server.publishTopic('org-a', { code: '01.001', parentCode: '01', name: 'Оплата жилищно-коммунальных услуг' });
    await h.call('POST', '/api/v1/commands', { body: { commands: [registerCommand(registeredCard())] } });
    const changes = (await page(0)).changes.map((c) => changeSchema.parse(c));
    expect(changes.map((c) => c.type)).toEqual([
      'appeal.filed',
      'appeal.status',
      'classifier.topic',
      'appeal.registered',
      'appeal.numbered',
    ]);
    expect(changes[0]).toMatchObject({ data: { id: filed.id, files: [{ sha256 }], draft: { form: 'electronic' } } });
    expect(changes[1]).toMatchObject({
      data: { appealId: filed.id, status: 'withdrawn', note: 'Отозвано заявителем' },
    });
    expect(changes[2]).toMatchObject({ data: { code: '01.001', parentCode: '01', removed: false } });
    // The filed appeal's file is downloadable by the organisation.
    const file = await h.call('GET', `/api/v1/files/${sha256}`);
    expect(file.rawPayload.equals(TINY_PDF)).toBe(true);
  });

  it('shows each organisation only its own feed', async () => {
    h = await harness();
    h.server.fileAppeal('org-a', filedAppeal());
    h.server.fileAppeal('org-b', filedAppeal());
    h.server.fileAppeal('org-a', filedAppeal());
    const a = await page(0);
    const b = await page(0, 100, await h.token(ORG_B));
    expect(a.changes).toHaveLength(2);
    expect(b.changes).toHaveLength(1);
    expect(b.next).toBe(2);
    expect(a.next).toBe(3);
  });

  it('fileAppeal refuses an appeal whose files are not stored, a duplicate id, an unknown organisation', async () => {
    h = await harness();
    const filed = filedAppeal();
    h.server.fileAppeal('org-a', filed);
    expect(() => h.server.fileAppeal('org-a', filed)).toThrow(/already exists/);
    expect(() => h.server.fileAppeal('nowhere', filedAppeal())).toThrow(/unknown organisation/);
    expect(() =>
      h.server.fileAppeal('org-a', filedAppeal([{ sha256: 'c'.repeat(64), name: 'x.pdf', size: 1 }])),
    ).toThrow(/not stored/);
    expect((await page(0)).changes).toHaveLength(1);
  });
});
