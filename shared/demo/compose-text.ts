/** Builds the summary and the ~1,500-character content of a demo appeal from sentence templates. */
import type { Rng } from './prng';
import type { LanguageTexts } from './texts-types';

/** 0: a man writes, 1: a woman, 2: several people or an organisation. */
export type Voice = 0 | 1 | 2;
export type Slots = Readonly<Record<string, string>>;
export type WriterKind = 'person' | 'collective' | 'legal' | 'anonymous';

const SLOT = /\{(\w+)\}/g;
const CHOICE = /\[([^\]]+)\]/g;

/** First-person singular verbs that become plural when several people or an organisation write. */
const PLURAL: Readonly<Record<string, string>> = {
  Прошу: 'Просим',
  прошу: 'просим',
  Считаю: 'Считаем',
  Надеюсь: 'Надеемся',
  благодарю: 'благодарим',
  Прашу: 'Просім',
  прашу: 'просім',
  Лічу: 'Лічым',
  Спадзяюся: 'Спадзяёмся',
  дзякую: 'дзякуем',
};
const PLURAL_WORDS = new RegExp(`(?<!\\p{L})(${Object.keys(PLURAL).join('|')})(?!\\p{L})`, 'gu');

export function fillTemplate(template: string, slots: Slots, voice: Voice): string {
  const filled = template
    .replace(SLOT, (_, key: string) => {
      const value = slots[key];
      if (value === undefined) throw new Error(`demo text: no value for slot {${key}} in «${template}»`);
      return value;
    })
    .replace(CHOICE, (_, options: string) => {
      const parts = options.split('|');
      const index = parts.length === 3 ? voice : voice === 2 ? 1 : 0;
      return parts[index] ?? parts[0] ?? '';
    });
  return voice === 2 ? filled.replace(PLURAL_WORDS, (word) => PLURAL[word] ?? word) : filled;
}

export interface ComposeInput {
  texts: LanguageTexts;
  leafCode: string;
  writer: WriterKind;
  voice: Voice;
  slots: Slots;
  answerForm: 'electronic' | 'post';
  hasPhone: boolean;
}

export interface ComposedText {
  summary: string;
  content: string;
}

const length = (paragraphs: readonly (readonly string[])[]) =>
  paragraphs.reduce((sum, p) => sum + p.reduce((s, sentence) => s + sentence.length + 1, 0) + 1, 0);

export function composeText(rng: Rng, input: ComposeInput): ComposedText {
  const { texts, leafCode, writer, voice, slots } = input;
  const section = texts.sections[leafCode.slice(0, 2)];
  const topic = section?.leaves[leafCode];
  if (!section || !topic) throw new Error(`demo text: no templates for topic ${leafCode}`);
  const fill = (template: string) => fillTemplate(template, slots, voice);
  const withBody = { ...slots, body: fillTemplate(rng.pick(section.bodies), slots, voice) };

  const opening: string[] = [];
  if (writer === 'person') opening.push(texts.intro.person[0] ?? '', rng.pick(texts.intro.person.slice(1)));
  else opening.push(...texts.intro[writer]);

  const problems = topic.problems.filter((_, i) => i === 0 || rng.chance(0.8));
  problems.push(...rng.sample(section.problems, rng.int(1, 3)));

  const history = rng.sample(texts.history, rng.int(1, 2)).map((t) => fillTemplate(t, withBody, voice));
  const requests = [rng.pick(topic.requests)];
  if (writer === 'collective') requests.push(texts.collectiveList);

  const closing: string[] = [];
  if (writer !== 'anonymous') closing.push(texts.answer[input.answerForm]);
  closing.push(rng.pick(texts.closing));
  if (input.hasPhone) closing.push(texts.phone);
  const signed = (writer === 'person' || writer === 'legal') && rng.chance(0.5);

  const paragraphs = [opening, problems, history, requests, closing].map((p) => p.map((s) => fill(s)));
  const target = rng.int(1250, 1650);
  const body = paragraphs[2] ?? [];
  for (const filler of rng.sample(texts.fillers, texts.fillers.length)) {
    if (length(paragraphs) >= target) break;
    body.push(fill(filler));
  }
  const greeting = rng.chance(0.3) ? `${rng.pick(texts.greetings)}\n\n` : '';
  const signature = signed ? `\n${fill(texts.signature)}` : '';
  return {
    summary: fill(rng.pick(topic.summaries)),
    content: `${greeting}${paragraphs.map((p) => p.join(' ')).join('\n')}${signature}`,
  };
}
