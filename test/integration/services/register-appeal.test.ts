import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { listAppeals } from '../../../electron/services/appeals/list-appeals';
import { registerAppeal, registerMany } from '../../../electron/services/appeals/register-appeal';
import { saveAppeal } from '../../../electron/services/appeals/save-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { appealListQuerySchema } from '../../../shared/appeals';
import { NATIONAL_CALENDAR } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { draft, makeTestServices, TINY_PDF } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
afterEach(() => env?.cleanup());

const list = (q: Record<string, unknown> = {}, now = new Date('2026-03-10T12:00:00+03:00')) =>
  listAppeals(env.services.store.sqlite, appealListQuerySchema.parse(q), now, NATIONAL_CALENDAR);
const count = (table: string) =>
  (env.services.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return err as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe('registration of an appeal', () => {
  it('numbers it, computes the deadline, records history and the outbox command in one go', () => {
    env = makeTestServices();
    const pdf = uploadAttachment(env.clerk, { name: 'жалоба.pdf', dataBase64: TINY_PDF.toString('base64') });
    const result = registerAppeal(env.clerk, {
      id: null,
      draft: draft({ attachments: [{ sha256: pdf.sha256, name: 'жалоба.pdf' }] }),
      expectedVersion: null,
    });
    expect(result.regNumber).toBe('ОГ-2026-1');
    expect(result.numberProvisional).toBe(false);
    // Registered 10.03.2026; 15 days from the next day → 25.03.2026 (Wednesday, a working day).
    expect(result.deadlineAt).toBe('2026-03-25T23:59:59.999+03:00');
    const card = getAppeal(env.services.store.db, result.id);
    expect(card.status).toBe('registered');
    expect(card.attachments.map((a) => a.name)).toEqual(['жалоба.pdf']);
    expect(card.attachments[0]?.type).toBe('application/pdf');
    expect(card.history.map((h) => h.action)).toEqual(['created', 'registered']);
    expect(card.history[1]?.text).toContain('ОГ-2026-1');
    expect(card.history[1]?.user).toBe('Петрова Анна Сергеевна');
    expect(count('outbox')).toBe(1);
    const second = registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    expect(second.regNumber).toBe('ОГ-2026-2');
  });

  it('refuses an invalid card with field-level Russian messages and writes nothing', () => {
    env = makeTestServices();
    const err = expectAppError(
      () =>
        registerAppeal(env.clerk, {
          id: null,
          draft: draft({ applicant: { kind: 'person', surname: 'Ивaнов', name: '', address: 'Минск' }, summary: '' }),
          expectedVersion: null,
        }),
      'VALIDATION_FAILED',
    );
    const issues = (err.details as { issues: { field: string; rule: string; position?: number }[] }).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ field: 'applicant.surname', rule: 'latin-lookalike', position: 3 }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ field: 'applicant.name', rule: 'required' }));
    expect(issues).toContainEqual(expect.objectContaining({ field: 'summary', rule: 'required' }));
    expect(count('appeals')).toBe(0);
    expect(count('outbox')).toBe(0);
    expect(count('number_sequences')).toBe(0);
  });

  it('keeps the sequence gap-free when a registration fails inside the transaction', () => {
    env = makeTestServices();
    registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    // An unknown topic code breaks the foreign key after the number was taken: all is rolled back.
    expect(() => registerMany(env.clerk, [draft(), draft({ topicCodes: ['99.999'] })])).toThrow(/FOREIGN KEY/);
    expect(count('appeals')).toBe(1);
    expect(count('outbox')).toBe(1);
    expect(registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null }).regNumber).toBe('ОГ-2026-2');
  });

  it('gives provisional numbers when numbers come from the central system', () => {
    env = makeTestServices();
    env.services.store.sqlite.prepare("UPDATE organisations SET numbering_authority = 'central'").run();
    const r = registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    expect(r.numberProvisional).toBe(true);
    expect(r.regNumber).toBe('ВР-01-2026-1');
  });

  it('edits a draft with optimistic locking and records what changed', () => {
    env = makeTestServices();
    const saved = saveAppeal(env.clerk, { id: null, draft: draft({ summary: '' }), expectedVersion: null });
    const again = saveAppeal(env.clerk, { id: saved.id, draft: draft(), expectedVersion: saved.version });
    expect(again.version).toBe(saved.version + 1);
    expectAppError(
      () => saveAppeal(env.clerk, { id: saved.id, draft: draft(), expectedVersion: saved.version }),
      'CONFLICT',
    );
    const card = getAppeal(env.services.store.db, saved.id);
    const edit = card.history.find((h) => h.action === 'edited');
    expect(edit?.changes).toContainEqual({ field: 'Краткое содержание', from: '', to: 'О протечке крыши жилого дома' });
    registerAppeal(env.clerk, { id: saved.id, draft: draft(), expectedVersion: again.version });
    expectAppError(
      () => saveAppeal(env.clerk, { id: saved.id, draft: draft(), expectedVersion: null }),
      'ILLEGAL_TRANSITION',
    );
  });

  it('refuses callers without the clerk role', () => {
    env = makeTestServices();
    const head = { ...env.clerk, session: { user: { ...env.clerk.session.user!, roles: ['head' as const] } } };
    expectAppError(() => registerAppeal(head, { id: null, draft: draft(), expectedVersion: null }), 'NOT_ALLOWED');
  });
});

describe('finding appeals', () => {
  it('finds by any word of content, applicant, or number, with filters, newest first', () => {
    env = makeTestServices();
    registerAppeal(env.clerk, {
      id: null,
      draft: draft({ content: 'Во дворе не работает уличное освещение.' }),
      expectedVersion: null,
    });
    registerAppeal(env.clerk, {
      id: null,
      draft: draft({
        kind: 'proposal',
        applicant: { kind: 'person', surname: 'Шевчук', name: 'Алёна', address: 'г. Минск' },
      }),
      expectedVersion: null,
    });
    expect(list({ query: 'освещение' }).rows.map((r) => r.regNumber)).toEqual(['ОГ-2026-1']);
    expect(list({ query: 'освещ' }).total).toBe(1);
    expect(list({ query: 'шевчук' }).rows[0]?.applicant).toBe('Шевчук Алёна');
    expect(list({ query: 'Алена' }).total).toBe(1); // ё folded to е
    expect(list({ query: 'ОГ-2026-2' }).rows[0]?.regNumber).toBe('ОГ-2026-2');
    expect(list({ query: 'крыши', kind: 'proposal' }).total).toBe(1);
    expect(list({ query: '"OR *' }).total).toBe(0); // operators in input never break the query
    expect(list({}).rows.map((r) => r.regNumber)).toEqual(['ОГ-2026-2', 'ОГ-2026-1']);
    expect(list({ sort: 'regNumber', dir: 'asc' }).rows[0]?.regNumber).toBe('ОГ-2026-1');
    expect(list({ from: '2026-03-11' }).total).toBe(0);
    expect(list({ from: '2026-03-10', to: '2026-03-10' }).total).toBe(2);
  });

  it('marks and filters running deadlines: overdue, due today, due within 3 working days', () => {
    env = makeTestServices();
    registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null }); // due 25.03.2026 23:59:59.999
    const at = (iso: string) => list({}, new Date(iso)).rows[0]?.deadlineState;
    expect(at('2026-03-19T12:00:00+03:00')).toBeNull(); // Thu; 3 working days: Fri, Mon, Tue 24.03
    expect(at('2026-03-20T12:00:00+03:00')).toBe('soon'); // Fri; Mon, Tue, Wed 25.03
    expect(at('2026-03-25T08:00:00+03:00')).toBe('today');
    expect(at('2026-03-26T00:00:00+03:00')).toBe('overdue');
    expect(list({ deadline: 'overdue' }, new Date('2026-03-26T00:00:00+03:00')).total).toBe(1);
    expect(list({ deadline: 'today' }, new Date('2026-03-26T00:00:00+03:00')).total).toBe(0);
    expect(list({ deadline: 'soon' }, new Date('2026-03-20T12:00:00+03:00')).total).toBe(1);
  });
});
