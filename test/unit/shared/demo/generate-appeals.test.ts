import { describe, expect, it } from 'vitest';
import { validateAppealDraft } from '../../../../shared/appeals/validate-appeal';
import { minskDateOf, NATIONAL_CALENDAR, toMinsk } from '../../../../shared/calendar';
import { APPLICANT_CATEGORIES, LEAF_TOPIC_CODES, TERRITORIES, TOPICS } from '../../../../shared/demo/dictionaries';
import { type GeneratedAppeal, generateAppeals } from '../../../../shared/demo/generate-appeals';
import { minimalPdf } from '../../../../shared/demo/minimal-pdf';
import { DISTRICTS } from '../../../../shared/demo/places';
import { checkCyrillicText, detectFileType } from '../../../../shared/validation';

const NOW = new Date('2026-03-10T12:00:00+03:00');
const HEADS = ['head-1', 'head-2', 'head-3'];
const sample = generateAppeals({ count: 4000, seed: 42, now: NOW, headIds: HEADS });

const share = (predicate: (a: GeneratedAppeal) => boolean) => sample.filter(predicate).length / sample.length;
const filesOf = (a: GeneratedAppeal) =>
  a.files.map((f) => ({
    name: f.ref.name,
    size: f.bytes.length,
    head: f.bytes.subarray(0, 64),
    participantsList: f.ref.participantsList,
  }));

describe('demo appeal generator', () => {
  it('is deterministic: the same seed and moment give the same cards, another seed other cards', () => {
    const a = generateAppeals({ count: 200, seed: 7, now: NOW, headIds: HEADS });
    const b = generateAppeals({ count: 200, seed: 7, now: NOW, headIds: HEADS });
    const c = generateAppeals({ count: 200, seed: 8, now: NOW, headIds: HEADS });
    expect(b).toEqual(a);
    expect(c.map((x) => x.draft.content)).not.toEqual(a.map((x) => x.draft.content));
    // A prefix of a run is not a different run: card i depends only on the seed and i.
    const small = generateAppeals({ count: 50, seed: 7, now: NOW, headIds: HEADS });
    const byIndex = new Map(a.map((x) => [x.index, x.draft]));
    for (const x of small) expect(byIndex.get(x.index)).toEqual(x.draft);
  });

  it('every card passes the registration validation of the regulation [4.2–4.4]', () => {
    const failures = sample
      .map((a) => ({
        a,
        issues: validateAppealDraft(a.draft, {
          mode: 'register',
          files: filesOf(a),
          registeredAt: a.registeredAt ?? NOW,
        }),
      }))
      .filter((x) => x.issues.length > 0);
    expect(failures.slice(0, 3).map((f) => ({ issues: f.issues, draft: f.a.draft }))).toEqual([]);
  });

  it('has no Latin letters in any restricted field (e-mail excepted)', () => {
    for (const { draft } of sample) {
      const a = draft.applicant;
      for (const value of [
        a.surname,
        a.name,
        a.patronymic,
        a.address,
        a.orgName,
        a.signer,
        draft.summary,
        draft.content,
      ]) {
        expect(value).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('keeps the intended proportions', () => {
    expect(share((a) => a.status === 'registered')).toBeGreaterThan(0.8);
    expect(share((a) => a.status === 'registered')).toBeLessThan(0.9);
    expect(share((a) => a.draft.source === 'portal')).toBeGreaterThan(0.5);
    expect(share((a) => a.draft.source === 'post')).toBeGreaterThan(0.16);
    expect(share((a) => a.draft.source === 'reception')).toBeGreaterThan(0.07);
    expect(share((a) => a.draft.kind === 'statement')).toBeGreaterThan(0.6);
    expect(share((a) => a.draft.kind === 'complaint')).toBeGreaterThan(0.17);
    expect(share((a) => a.draft.kind === 'proposal')).toBeGreaterThan(0.04);
    expect(share((a) => a.draft.appealType === 'collective')).toBeGreaterThan(0.02);
    expect(share((a) => a.draft.appealType === 'anonymous')).toBeGreaterThan(0.01);
    expect(share((a) => a.draft.applicant.kind === 'legal')).toBeGreaterThan(0.04);
    expect(share((a) => a.draft.applicant.kind === 'legal')).toBeLessThan(0.12);
    expect(share((a) => /[іў]/.test(a.draft.applicant.surname + a.draft.applicant.name))).toBeGreaterThan(0.04);
    expect(share((a) => a.language === 'be')).toBeGreaterThan(0.02);
    expect(share((a) => a.draft.territoryCode === 'MN.04')).toBeGreaterThan(0.35);
    expect(share((a) => a.draft.responsibleHeadId !== null)).toBeGreaterThan(0.5);
    expect(share((a) => a.draft.topicCodes[0]?.startsWith('01.') ?? false)).toBeGreaterThan(0.2);
    const lengths = sample.map((a) => a.draft.content.length).sort((x, y) => x - y);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(1300);
    expect(median).toBeLessThan(1700);
  });

  it('uses the dictionaries: 1–3 leaf topics, known territory and category, answer form with an e-mail', () => {
    const territories = new Set(TERRITORIES.map((t) => t.code));
    const categories = new Set(['', ...APPLICANT_CATEGORIES.map((c) => c.code)]);
    for (const { draft } of sample) {
      expect(draft.topicCodes.length).toBeGreaterThanOrEqual(1);
      expect(draft.topicCodes.length).toBeLessThanOrEqual(3);
      expect(new Set(draft.topicCodes).size).toBe(draft.topicCodes.length);
      for (const code of draft.topicCodes) expect(LEAF_TOPIC_CODES).toContain(code);
      expect(territories.has(draft.territoryCode)).toBe(true);
      expect(categories.has(draft.applicantCategory)).toBe(true);
      if (draft.appealType === 'collective') expect(draft.attachments.some((f) => f.participantsList)).toBe(true);
      if (draft.answerForm === 'electronic') expect(draft.applicant.email).toMatch(/@/);
      if (draft.applicant.kind === 'legal') expect(draft.applicant.unp).toMatch(/^\d{9}$/);
    }
  });

  it('spreads receipts over two years, registers after receipt, mostly in working hours, in time order', () => {
    const twoYears = NOW.getTime() - 731 * 86_400_000;
    let working = 0;
    let registered = 0;
    let previous = 0;
    for (const a of sample) {
      const received = Date.parse(a.draft.receivedAt);
      expect(received).toBeLessThanOrEqual(NOW.getTime());
      expect(received).toBeGreaterThan(twoYears);
      const event = a.registeredAt?.getTime() ?? received;
      expect(event).toBeGreaterThanOrEqual(previous);
      previous = event;
      if (!a.registeredAt) continue;
      registered++;
      expect(a.registeredAt.getTime()).toBeGreaterThanOrEqual(received);
      expect(a.registeredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const { date, msOfDay } = toMinsk(a.registeredAt);
      if (NATIONAL_CALENDAR.isWorkingDay(date).working && msOfDay >= 8 * 3_600_000 && msOfDay <= 18 * 3_600_000)
        working++;
    }
    expect(working / registered).toBeGreaterThan(0.95);
    const months = new Set(sample.map((a) => minskDateOf(new Date(a.draft.receivedAt)).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(24);
  });
});

describe('demo dictionaries', () => {
  it('a two-level classifier subset of about sixty entries', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(55);
    expect(TOPICS.length).toBeLessThanOrEqual(70);
    for (const t of TOPICS) {
      expect(t.code).toMatch(t.parentCode === null ? /^\d{2}$/ : /^\d{2}\.\d{3}$/);
      if (t.parentCode) expect(t.code.startsWith(`${t.parentCode}.`)).toBe(true);
    }
  });

  it('Minsk and the six oblasts with at least four districts each; every place has a territory', () => {
    const regions = TERRITORIES.filter((t) => t.parentCode === null);
    expect(regions.map((r) => r.code)).toEqual(['MN', 'BR', 'VI', 'HO', 'HR', 'MI', 'MA']);
    for (const r of regions)
      expect(TERRITORIES.filter((t) => t.parentCode === r.code).length).toBeGreaterThanOrEqual(4);
    const codes = new Set(TERRITORIES.map((t) => t.code));
    for (const d of DISTRICTS) expect(codes.has(d.code)).toBe(true);
    expect(APPLICANT_CATEGORIES).toHaveLength(9);
  });

  it('names are valid Russian/Belarusian text', () => {
    for (const { name } of [...TOPICS, ...TERRITORIES, ...APPLICANT_CATEGORIES]) {
      expect(checkCyrillicText('name', 'Наименование', name)).toEqual([]);
    }
  });
});

describe('minimal PDF', () => {
  it('is recognised as PDF and its cross-reference table points at its objects', () => {
    const bytes = minimalPdf({ title: 'SPISOK (test)', lines: ['1. Ivanov I.'], grid: true });
    expect(detectFileType(bytes)).toBe('application/pdf');
    const text = new TextDecoder().decode(bytes);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
  });
});
