/**
 * The fast path of the demo seed for large counts (benchmarks, `npm run seed -- --bulk`): the same
 * generated cards as `seedDemo` and exactly the rows its services write — the appeal row
 * (`newCardRow`, `registrationState`), questions, attachments, history (`CREATED_HISTORY`,
 * `registeredHistory`), the `RegisterAppeal` command (`registeredCard`) and the number sequences — built
 * by the same helpers, but written with plain prepared statements, thousands of cards per transaction,
 * without the per-card checks (the generator only makes valid cards: `seedDemo` validates the same ones)
 * and without repeat links (the generator makes none).
 *
 * A batch's appeals go in with ONE statement (`INSERT … SELECT … FROM json_each`), so the full-text
 * trigger fills FTS5's pending terms for the whole batch and FTS5 writes them as one segment: inserted
 * card by card, every following statement's savepoint makes FTS5 flush a one-card segment.
 */
import { getTableColumns } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type WorkingCopy } from '../../../db/open';
import { appeals } from '../../../db/schema';
import { minskYear } from '../../../shared/calendar';
import type { GeneratedAppeal } from '../../../shared/demo/generate-appeals';
import { describeAttachments } from '../appeals/attachment-facts';
import { numberScope, registeredCard, registeredHistory, registrationState } from '../appeals/register-appeal';
import { type AppealRowInsert, CREATED_HISTORY, newCardRow, organisationOf } from '../appeals/save-appeal';
import type { AttachmentStore } from '../attachments/attachment-store';
import { historyDetails } from '../history/record-history';
import { draftCreatedAt, type SeedOptions, type SeedResult, seedInBatches, seedUsers, startSeed } from './seed-demo';
import { seedReviewScenarios } from './seed-review';

type Value = string | number | null;
const sqlValue = (v: unknown): Value => (typeof v === 'boolean' ? Number(v) : (v as Value));

export async function bulkSeedDemo(
  store: WorkingCopy,
  files: AttachmentStore,
  options: SeedOptions,
): Promise<SeedResult> {
  const { now } = options;
  const { ctx, headIds, staff, setupMs } = await startSeed(store, files, now);
  const { db, sqlite } = store;
  const userId = ctx.session?.user?.id ?? '';
  const org = organisationOf(db);
  const scope = numberScope(org);

  const columns = Object.entries(getTableColumns(appeals)).filter(([key]) => key !== 'localId');
  const insertAppeals = sqlite.prepare(
    `INSERT INTO appeals (${columns.map(([, c]) => c.name).join(', ')})
     SELECT ${columns.map((_, i) => `value ->> '$[${i}]'`).join(', ')} FROM json_each(?)`,
  );
  const insertTopic = sqlite.prepare('INSERT INTO appeal_topics (appeal_id, topic_code, position) VALUES (?, ?, ?)');
  const insertAttachment = sqlite.prepare(
    `INSERT INTO attachments (appeal_id, sha256, name, size, type, participants_list, position, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHistory = sqlite.prepare(
    'INSERT INTO history (appeal_id, user_id, at, action, details) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCommand = sqlite.prepare(
    `INSERT INTO outbox (command_id, type, appeal_id, payload, created_at) VALUES (?, 'RegisterAppeal', ?, ?, ?)`,
  );
  const bumpSequence = sqlite.prepare(
    `INSERT INTO number_sequences (org_id, year, scope, last) VALUES (?, ?, ?, ?)
     ON CONFLICT (org_id, year, scope) DO UPDATE SET last = excluded.last`,
  );
  const sequences = new Map<number, number>();

  /** One card's rows, in the order the services write them. */
  const write = (item: GeneratedAppeal, rows: Value[][], after: (() => void)[]) => {
    const { draft } = item;
    const id = uuidv7();
    const at = item.registeredAt ?? draftCreatedAt(item, now);
    const year = minskYear(at);
    const seq = item.registeredAt ? (sequences.get(year) ?? 0) + 1 : 0;
    if (item.registeredAt) sequences.set(year, seq);
    const registration = item.registeredAt ? registrationState(db, org, draft, at, seq) : null;
    const row: AppealRowInsert = newCardRow(
      db,
      draft,
      { id, userId, now: at },
      registration ?? { status: item.status },
    );
    rows.push(columns.map(([key]) => sqlValue(row[key as keyof AppealRowInsert])));
    const facts = describeAttachments(files, draft.attachments);
    after.push(() => {
      insertHistory.run(id, userId, at.getTime(), CREATED_HISTORY.action, historyDetails(CREATED_HISTORY.text));
      for (const [position, code] of draft.topicCodes.entries()) insertTopic.run(id, code, position);
      for (const [position, f] of facts.entries()) {
        const { sha256, name, size, type, participantsList } = f;
        insertAttachment.run(id, sha256, name, size, type, Number(participantsList), position, at.getTime(), userId);
      }
      if (!registration) return;
      const entry = registeredHistory(registration);
      insertHistory.run(id, userId, at.getTime(), entry.action, historyDetails(entry.text, entry.changes));
      const card = registeredCard(draft, registration, { id, version: 1, files: facts });
      insertCommand.run(uuidv7(), id, JSON.stringify(card), at.getTime());
    });
  };

  const written = seedInBatches(files, { ...options, headIds, setupMs, defaultBatch: 5000 }, (batch) =>
    inTransaction(sqlite, () => {
      const rows: Value[][] = [];
      const after: (() => void)[] = [];
      for (const item of batch) write(item, rows, after);
      insertAppeals.run(JSON.stringify(rows));
      for (const f of after) f();
      for (const [year, last] of sequences) bumpSequence.run(org.id, year, scope, last);
    }),
  );
  if (options.review) seedReviewScenarios(ctx, staff);
  return { users: seedUsers(), ...written };
}
