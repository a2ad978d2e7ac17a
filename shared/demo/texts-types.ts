/**
 * Sentence templates of demo appeals. Slots in braces are filled per appeal ({house}, {street}, {date},
 * …, see compose-text.ts); `[a|b|c]` picks by the writer's voice: a man, a woman, several people or an
 * organisation (`[a|b]` is singular | plural).
 */
export interface LeafText {
  /** One-sentence summaries (краткое содержание). */
  summaries: readonly string[];
  /** Sentences describing the problem, in a sensible order. */
  problems: readonly string[];
  /** What the applicant asks for. */
  requests: readonly string[];
}

export interface SectionText {
  /** Where the applicant already turned (accusative: «обращался в …»). */
  bodies: readonly string[];
  /** Sentences that fit every topic of the section. */
  problems: readonly string[];
  leaves: Readonly<Record<string, LeafText>>;
}

export interface LanguageTexts {
  sections: Readonly<Record<string, SectionText>>;
  greetings: readonly string[];
  intro: {
    person: readonly string[];
    collective: readonly string[];
    legal: readonly string[];
    anonymous: readonly string[];
  };
  history: readonly string[];
  fillers: readonly string[];
  answer: { electronic: string; post: string };
  closing: readonly string[];
  signature: string;
  phone: string;
  collectiveList: string;
}

export const leaf = (
  summaries: readonly string[],
  problems: readonly string[],
  requests: readonly string[],
): LeafText => ({
  summaries,
  problems,
  requests,
});
