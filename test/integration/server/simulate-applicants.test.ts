import { afterEach, describe, expect, it } from 'vitest';
import { createCentralServer } from '../../../server/create-server';
import { changeSchema, type FiledAppeal } from '../../../shared/sync/protocol';
import { type Harness, harness, ORG_A, registerCommand, registeredCard } from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

const filedOf = async (): Promise<FiledAppeal[]> => {
  const res = await h.call('GET', '/api/v1/changes?limit=500');
  return (res.json() as { changes: unknown[] }).changes.flatMap((c) => {
    const change = changeSchema.parse(c);
    return change.type === 'appeal.filed' ? [change.data] : [];
  });
};

describe('simulateApplicants', () => {
  it('files realistic electronic portal appeals into the feed, some with a PDF in the file store', async () => {
    h = await harness();
    const sim = h.server.simulateApplicants({ perMinute: 0, orgId: ORG_A.orgId, seed: 7 });
    for (let i = 0; i < 40; i++) {
      sim.fileOne();
      h.clock.advance(60_000);
    }
    expect(sim.filed).toBe(40);
    const filed = await filedOf();
    expect(filed).toHaveLength(40);
    for (const f of filed) {
      expect(f.draft).toMatchObject({ form: 'electronic', source: 'portal' });
      expect(f.draft.receivedAt).toBe(f.filedAt);
      expect(f.draft.content).toMatch(/[а-яёіў]/i);
    }
    const electronicAnswers = filed.filter((f) => f.draft.answerForm === 'electronic');
    expect(electronicAnswers.length).toBeGreaterThan(30);
    for (const f of electronicAnswers) expect(f.draft.applicant.email).toMatch(/@/);
    const withFiles = filed.filter((f) => f.files.length > 0);
    expect(withFiles.length).toBeGreaterThan(3);
    const file = withFiles[0]?.files[0];
    const bytes = await h.call('GET', `/api/v1/files/${file?.sha256}`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.rawPayload.length).toBe(file?.size);
  });

  it('is deterministic for a seed', async () => {
    const texts = async (seed: number) => {
      const server = createCentralServer({
        dataDir: null,
        clock: () => new Date('2026-03-10T12:00:00+03:00'),
        clients: [ORG_A],
      });
      const sim = server.simulateApplicants({ perMinute: 0, orgId: ORG_A.orgId, seed });
      const out = Array.from({ length: 5 }, () => sim.fileOne().draft.summary);
      await server.close();
      return out;
    };
    expect(await texts(3)).toEqual(await texts(3));
    expect(await texts(3)).not.toEqual(await texts(4));
  });

  it('its appeals pass the server’s own registration checks', async () => {
    h = await harness();
    const sim = h.server.simulateApplicants({ perMinute: 0, orgId: ORG_A.orgId, seed: 11 });
    const filed = Array.from({ length: 25 }, () => sim.fileOne());
    h.clock.advance(3_600_000);
    const commands = filed.map((f) =>
      registerCommand(
        registeredCard({
          ...f.draft,
          id: f.id,
          registeredAt: '2026-03-10T13:00:00+03:00',
          attachments: f.files.map((file) => ({
            ...file,
            type: 'application/pdf',
            participantsList: file.name.startsWith('Список'),
          })),
        }),
      ),
    );
    const res = await h.call('POST', '/api/v1/commands', { body: { commands } });
    const results = (res.json() as { results: { outcome: string; reason?: { message: string } }[] }).results;
    expect(results.filter((r) => r.outcome !== 'applied').map((r) => r.reason?.message)).toEqual([]);
  });

  it('runs on an unref’d timer at the given rate and stops on close', async () => {
    h = await harness();
    const sim = h.server.simulateApplicants({ perMinute: 6_000, orgId: ORG_A.orgId, seed: 1 });
    await new Promise((r) => setTimeout(r, 250));
    expect(sim.filed).toBeGreaterThanOrEqual(3);
    await h.server.close();
    const after = sim.filed;
    await new Promise((r) => setTimeout(r, 60));
    expect(sim.filed).toBe(after);
  });

  it('refuses an unknown organisation or a negative rate', () => {
    const server = createCentralServer({ dataDir: null, clients: [ORG_A] });
    expect(() => server.simulateApplicants({ perMinute: 1, orgId: 'nowhere' })).toThrow(/unknown organisation/);
    expect(() => server.simulateApplicants({ perMinute: -1, orgId: ORG_A.orgId })).toThrow(/perMinute/);
    return server.close();
  });
});
