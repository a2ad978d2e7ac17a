import type { AppealStatus, Applicant, SimilarAppeal } from '../../../shared/appeals';
import { toMinskIso } from '../../../shared/calendar';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { applicantDisplay } from './appeal-row-mapping';

export interface SimilarQuery {
  id: string | null;
  applicant: Applicant;
  topicCodes: string[];
  summary: string;
}

interface Candidate {
  id: string;
  regNumber: string | null;
  registeredAt: number | null;
  status: string;
  applicant: string;
  summary: string;
  address: string;
  topics: string | null;
}

const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');
/** Addresses compared without case, punctuation and abbreviations' dots: «ул. Сурганова, 12» = «ул Сурганова 12». */
const normalAddress = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** Rough stems of the meaningful words (5 letters are enough to join «протечка»/«протечке»). */
const stems = (s: string) => new Set((fold(s).match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));

function similarWording(a: string, b: string): boolean {
  const x = stems(a);
  const y = stems(b);
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared >= 2 && shared / Math.max(1, Math.min(x.size, y.size)) >= 0.5;
}

const LIMIT = 20;
const COLUMNS = `a.id, a.reg_number AS regNumber, a.registered_at AS registeredAt, a.status,
  a.applicant_display AS applicant, a.summary, a.applicant_address AS address,
  (SELECT group_concat(t.topic_code) FROM appeal_topics t WHERE t.appeal_id = a.id) AS topics`;

/**
 * `appeals:similar`: earlier registered appeals of the same applicant — a person by full name and
 * address, an organisation by УНП — newest first; those on the same question (a shared classifier code
 * or similar wording of the summary) are flagged and listed first. Anonymous appeals have no applicant
 * to match. The clerk decides whether to mark the new card «повторное» (an appeal of the same applicant on the same question).
 */
export function findSimilarAppeals(ctx: CallContext, q: SimilarQuery): { appeals: SimilarAppeal[] } {
  requireUser(ctx);
  const { sqlite } = ctx.store;
  const a = q.applicant;
  let rows: Candidate[] = [];
  if (a.kind === 'legal' && a.unp.trim()) {
    rows = sqlite
      .prepare(`SELECT ${COLUMNS} FROM appeals a WHERE a.applicant_unp = ? AND a.reg_number IS NOT NULL AND a.id <> ?
        ORDER BY a.registered_at DESC LIMIT ${LIMIT * 5}`)
      .all(a.unp.trim(), q.id ?? '') as Candidate[];
  } else if (a.kind === 'person' && a.surname.trim() && a.address.trim()) {
    const display = applicantDisplay(a, 'individual');
    const address = normalAddress(a.address);
    rows = (
      sqlite
        .prepare(`SELECT ${COLUMNS} FROM appeals a WHERE a.applicant_display = ? AND a.reg_number IS NOT NULL AND a.id <> ?
          ORDER BY a.registered_at DESC LIMIT ${LIMIT * 5}`)
        .all(display, q.id ?? '') as Candidate[]
    ).filter((r) => normalAddress(r.address) === address);
  }
  const topics = new Set(q.topicCodes);
  const found = rows.map((r) => ({
    id: r.id,
    regNumber: r.regNumber,
    registeredAt: r.registeredAt === null ? null : toMinskIso(new Date(r.registeredAt)),
    status: r.status as AppealStatus,
    applicant: r.applicant,
    summary: r.summary,
    sameQuestion: (r.topics ?? '').split(',').some((code) => topics.has(code)) || similarWording(q.summary, r.summary),
  }));
  found.sort((x, y) => Number(y.sameQuestion) - Number(x.sameQuestion));
  return { appeals: found.slice(0, LIMIT) };
}
