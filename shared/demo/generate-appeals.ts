/**
 * Deterministic generator of realistic demo appeals (seeded PRNG, never Math.random): the same seed
 * and `now` give the same cards on every machine. Every card passes the registration validation of
 * shared/appeals/validate-appeal.ts (only Russian and Belarusian letters in the restricted fields).
 *
 * Proportions (of a district administration): electronic from the portal ≈ 58 %, written by post
 * ≈ 22 %, oral at reception ≈ 11 %; statements ≈ 68 %, complaints ≈ 24 %, proposals ≈ 8 %; ≈ 4 %
 * collective (with the participants' list), ≈ 2 % anonymous, ≈ 7 % from legal entities; ≈ 12 % of
 * persons write their name and address in Belarusian; ≈ 85 % registered, the rest recent drafts.
 */
import type { AnswerForm, AppealKind, AppealSource, AppealType, SubmissionForm } from '../appeals/enums';
import type { AppealDraft } from '../appeals/schema';
import { toMinskIso } from '../calendar';
import { generateApplicant } from './applicants';
import { composeText, type Voice, type WriterKind } from './compose-text';
import { demoAttachments, type GeneratedFile } from './demo-attachments';
import { APPLICANT_CATEGORIES } from './dictionaries';
import type { Language } from './names';
import { DISTRICTS, districtWeight } from './places';
import { createRng, deriveSeed, type Rng } from './prng';
import { textSlots } from './text-slots';
import { BE_TEXTS } from './texts-be';
import { RU_TEXTS } from './texts-ru';
import { receiptTime, registrationTime } from './timeline';
import { BELARUSIAN_LEAVES, COLLECTIVE_LEAVES, LEGAL_LEAVES, pickPrimaryTopic, pickTopics } from './topic-choice';

export type { GeneratedFile } from './demo-attachments';

export interface GenerateOptions {
  count: number;
  /** Default 1. */
  seed?: number;
  /** Receipts are spread over the two years before this moment; nothing is later than it. */
  now: Date;
  /** Users who may be the responsible head; about 70 % of registered cards get one. Default: none. */
  headIds?: readonly string[];
  /** Share of registered cards, default 0.85; the rest are recent drafts or received electronic appeals. */
  registeredShare?: number;
}

export type DemoStatus = 'registered' | 'received' | 'draft';

export interface GeneratedAppeal {
  /** Position in generation order (before sorting by time); stable for a seed. */
  index: number;
  draft: AppealDraft;
  /** `registered`: register at `registeredAt`; `received`: an electronic appeal awaiting registration; `draft`: a card in progress. */
  status: DemoStatus;
  registeredAt: Date | null;
  /** Files the draft's `attachments` refer to (same sha256), to put into the store first. */
  files: GeneratedFile[];
  /** Language of the summary and content. */
  language: Language;
}

const CHANNELS: readonly (readonly [readonly [SubmissionForm, AppealSource], number])[] = [
  [['electronic', 'portal'], 58],
  [['electronic', 'json'], 2],
  [['written', 'post'], 22],
  [['written', 'courier'], 3],
  [['oral', 'reception'], 11],
  [['oral', 'phone_line'], 4],
];
const KINDS: readonly (readonly [AppealKind, number])[] = [
  ['statement', 68],
  ['complaint', 24],
  ['proposal', 8],
];
const COLLECTIVE_SHARE: Partial<Record<AppealSource, number>> = {
  portal: 0.035,
  post: 0.07,
  reception: 0.05,
  courier: 0.05,
};
const LEGAL_SHARE: Partial<Record<AppealSource, number>> = { portal: 0.06, post: 0.1, courier: 0.45, json: 0.3 };
const DISTRICT_TABLE = DISTRICTS.map((d) => [d, districtWeight(d.code)] as const);
const NOTES = [
  'Повторное обращение',
  'Поступило из вышестоящей организации',
  'Принято на личном приёме главы администрации',
  'На контроле у главы администрации',
  'Оригинал передан в отдел жилищно-коммунального хозяйства',
];

interface Skeleton {
  index: number;
  form: SubmissionForm;
  source: AppealSource;
  receivedAt: Date;
  registeredAt: Date | null;
}

function skeleton(rng: Rng, index: number, now: Date, registeredShare: number): Skeleton {
  const [form, source] = rng.weighted(CHANNELS);
  const pending = !rng.chance(registeredShare);
  const receivedAt = receiptTime(rng, now, source, pending);
  let registeredAt = pending ? null : registrationTime(rng, receivedAt);
  if (registeredAt && registeredAt.getTime() > now.getTime()) registeredAt = null;
  return { index, form, source, receivedAt, registeredAt };
}

/** Applicant categories (dictionaries.ts codes): pensioners and working people write most. */
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  '01': 24,
  '02': 4,
  '03': 6,
  '04': 5,
  '05': 36,
  '06': 5,
  '07': 5,
  '08': 2,
  '09': 13,
};
const CATEGORY_TABLE = APPLICANT_CATEGORIES.map((c) => [c.code, CATEGORY_WEIGHTS[c.code] ?? 1] as const);

function category(rng: Rng, topic: string): string {
  if (topic === '07.001' && rng.chance(0.7)) return '06';
  if (topic.startsWith('06.') && rng.chance(0.5)) return rng.pick(['01', '02', '03', '04']);
  if (topic.startsWith('04.') && rng.chance(0.5)) return rng.pick(['04', '05', '07']);
  return rng.weighted(CATEGORY_TABLE);
}

function appeal(rng: Rng, s: Skeleton, headIds: readonly string[]): GeneratedAppeal {
  const anonymous = s.source === 'post' && rng.chance(0.1);
  const collective = !anonymous && rng.chance(COLLECTIVE_SHARE[s.source] ?? 0);
  const legal = !anonymous && !collective && rng.chance(LEGAL_SHARE[s.source] ?? 0);
  const appealType: AppealType = anonymous ? 'anonymous' : collective ? 'collective' : 'individual';
  const kind = rng.weighted(KINDS);
  const district = rng.weighted(DISTRICT_TABLE);
  const belarusian = !legal && !anonymous && rng.chance(0.12);
  const beContent = belarusian && !collective && rng.chance(0.6);
  const primary = pickPrimaryTopic(
    rng,
    legal ? LEGAL_LEAVES : collective ? COLLECTIVE_LEAVES : beContent ? BELARUSIAN_LEAVES : undefined,
  );
  const electronic = s.form === 'electronic';
  const answerForm: AnswerForm = anonymous
    ? 'post'
    : rng.chance(electronic ? 0.95 : s.form === 'oral' ? 0.3 : 0.25)
      ? 'electronic'
      : 'post';
  const wantsEmail = !anonymous && (answerForm === 'electronic' || electronic || rng.chance(0.2));
  const wantsPhone = !anonymous && rng.chance(s.form === 'oral' ? 1 : 0.88);
  const language: Language = belarusian ? 'be' : 'ru';
  const { applicant, writer } = generateApplicant(rng, {
    district,
    language,
    anonymous,
    legal,
    wantsEmail,
    wantsPhone,
  });
  const writerKind: WriterKind = anonymous ? 'anonymous' : collective ? 'collective' : legal ? 'legal' : 'person';
  const voice: Voice = legal || collective ? 2 : writer.gender === 'female' ? 1 : 0;
  const contentLanguage: Language = beContent ? 'be' : 'ru';
  const slots = textSlots(rng, { applicant, writer, district, language: contentLanguage, receivedAt: s.receivedAt });
  const { summary, content } = composeText(rng, {
    texts: contentLanguage === 'be' ? BE_TEXTS : RU_TEXTS,
    leafCode: primary,
    writer: writerKind,
    voice,
    slots,
    answerForm,
    hasPhone: applicant.phone !== '' && rng.chance(0.5),
  });
  const files = demoAttachments(rng, collective, 0.04);
  const registered = s.registeredAt !== null;
  const head = headIds.length > 0 && rng.chance(registered ? 0.7 : 0.1) ? rng.pick(headIds) : null;
  const draft: AppealDraft = {
    kind,
    appealType,
    form: s.form,
    source: s.source,
    applicant,
    applicantCategory: legal || anonymous ? '' : category(rng, primary),
    answerForm,
    summary,
    content,
    topicCodes: pickTopics(rng, primary),
    territoryCode: district.code,
    receivedAt: toMinskIso(s.receivedAt),
    needsAdditionalStudy: rng.chance(0.08),
    responsibleHeadId: head,
    notes: rng.chance(0.08) ? rng.pick(NOTES) : '',
    repeatOf: [],
    attachments: files.map((f) => f.ref),
  };
  const status: DemoStatus = registered ? 'registered' : electronic ? 'received' : 'draft';
  return { index: s.index, draft, status, registeredAt: s.registeredAt, files, language: contentLanguage };
}

/**
 * Yields the appeals in the order they happened (registration time, or receipt for unregistered
 * cards), so registration numbers come out chronological. Only the small per-card skeletons are held
 * in memory; the text is generated as each card is yielded.
 */
export function* appealStream(options: GenerateOptions): Generator<GeneratedAppeal> {
  const seed = options.seed ?? 1;
  const share = options.registeredShare ?? 0.85;
  const skeletons = Array.from({ length: options.count }, (_, i) =>
    skeleton(createRng(deriveSeed(seed, 2 * i)), i, options.now, share),
  );
  const time = (s: Skeleton) => (s.registeredAt ?? s.receivedAt).getTime();
  skeletons.sort((a, b) => time(a) - time(b) || a.index - b.index);
  for (const s of skeletons) yield appeal(createRng(deriveSeed(seed, 2 * s.index + 1)), s, options.headIds ?? []);
}

export function generateAppeals(options: GenerateOptions): GeneratedAppeal[] {
  return [...appealStream(options)];
}
