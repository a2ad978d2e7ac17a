/**
 * Fills an empty data folder with the demo organisation, its staff, the dictionaries and N generated
 * appeals. Registered cards go through the registration service (`registerInTx`: validation, number,
 * deadline, history, outbox, FTS), the rest through `upsertCardInTx`, one transaction per batch.
 */
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { inTransaction, type WorkingCopy } from '../../../db/open';
import { applicantCategories, organisations, territories, topics, userRoles, users } from '../../../db/schema';
import type { Role } from '../../../shared/appeals/enums';
import type { User } from '../../../shared/appeals/schema';
import { validateAppealDraft } from '../../../shared/appeals/validate-appeal';
import { DEMO_ORGANISATION, DEMO_USERS } from '../../../shared/demo/demo-organisation';
import { APPLICANT_CATEGORIES, TERRITORIES, TOPICS } from '../../../shared/demo/dictionaries';
import { appealStream, type GeneratedAppeal } from '../../../shared/demo/generate-appeals';
import { AppError, validationError } from '../../../shared/errors';
import { describeAttachments } from '../appeals/attachment-facts';
import { checkRegistrable, registerInTx } from '../appeals/register-appeal';
import { upsertCardInTx } from '../appeals/save-appeal';
import type { AttachmentStore } from '../attachments/attachment-store';
import { hashPassword } from '../auth/password';
import type { CallContext } from '../context';
import { seedReviewScenarios } from './seed-review';

export interface SeedOptions {
  appeals: number;
  /** Default 1. */
  seed?: number;
  now: Date;
  /** Cards per transaction, default 2,000. */
  batchSize?: number;
  /** Also take some appeals through the review process (the app's demo; not the benchmarks). */
  review?: boolean;
}

export interface SeedResult {
  users: { login: string; password: string; roles: string[] }[];
  appeals: { registered: number; received: number; draft: number; attachments: number };
  /** Milliseconds: password hashing and dictionaries, text generation, validation + writing of the cards. */
  timings: { setupMs: number; generateMs: number; writeMs: number };
}

export const ALREADY_SEEDED =
  'В папке данных уже есть организация: демонстрационные данные загружаются только в пустую папку данных';

/** Fixed namespace of the demo staff's ids (uuid v5 of «arm-appeals:demo-users» in the URL namespace). */
const DEMO_USER_NAMESPACE = 'a01a6f32-c478-5bda-a50e-eb4381ee4e3e';

/**
 * A demo user's id: the same on every workstation seeded with the demo (uuid v5 of `demo-user:<login>`),
 * so the review actions one demo workstation sends name executors and authors the others know.
 */
export const demoUserId = (login: string): string => uuidv5(`demo-user:${login}`, DEMO_USER_NAMESPACE);

const hasOrganisation = (store: WorkingCopy) =>
  store.db.select({ id: organisations.id }).from(organisations).get() !== undefined;

function insertReferenceData(
  store: WorkingCopy,
  hashes: readonly string[],
  now: Date,
): { orgId: string; ids: string[] } {
  const { db } = store;
  const orgId = uuidv7();
  db.insert(organisations)
    .values({ id: orgId, ...DEMO_ORGANISATION })
    .run();
  const ids = DEMO_USERS.map((user, i) => {
    const id = demoUserId(user.login);
    db.insert(users)
      .values({
        id,
        orgId,
        login: user.login,
        fullName: user.fullName,
        position: user.position,
        passwordHash: hashes[i] ?? '',
        createdAt: now.getTime(),
      })
      .run();
    for (const role of user.roles) db.insert(userRoles).values({ userId: id, role }).run();
    return id;
  });
  db.insert(topics)
    .values([...TOPICS])
    .run();
  db.insert(territories)
    .values([...TERRITORIES])
    .run();
  db.insert(applicantCategories)
    .values([...APPLICANT_CATEGORIES])
    .run();
  return { orgId, ids };
}

/** Checks each card as the services would: registration control, or the draft check for unregistered ones. */
function validate(ctx: CallContext, item: GeneratedAppeal, now: Date): void {
  if (item.registeredAt) {
    checkRegistrable(ctx, item.draft, item.registeredAt);
    return;
  }
  const issues = validateAppealDraft(item.draft, {
    mode: 'draft',
    files: describeAttachments(ctx.files, item.draft.attachments),
    registeredAt: now,
  });
  if (issues.length > 0) throw validationError(issues);
}

function writeCard(ctx: CallContext, item: GeneratedAppeal, now: Date): void {
  const input = { id: null, draft: item.draft, expectedVersion: null };
  if (item.registeredAt) {
    registerInTx(ctx, input, item.registeredAt);
    return;
  }
  upsertCardInTx(ctx, input, draftCreatedAt(item, now), 'edit', { status: item.status });
}

/** The demo organisation, its staff and dictionaries, and the clerk's context the cards are written as. */
export async function startSeed(store: WorkingCopy, files: AttachmentStore, now: Date) {
  if (hasOrganisation(store)) throw new AppError('CONFLICT', ALREADY_SEEDED);
  const started = performance.now();
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.login)));
  const { ids } = inTransaction(store.sqlite, () => {
    if (hasOrganisation(store)) throw new AppError('CONFLICT', ALREADY_SEEDED);
    return insertReferenceData(store, hashes, now);
  });
  const userId = (login: string) => ids[DEMO_USERS.findIndex((u) => u.login === login)] ?? '';
  const clerk = DEMO_USERS[0];
  const clerkUser: User = {
    id: userId('clerk'),
    login: 'clerk',
    fullName: clerk?.fullName ?? '',
    position: clerk?.position ?? '',
    roles: ['clerk'],
  };
  const ctx: CallContext = {
    store,
    files,
    clock: () => now,
    mode: 'browser',
    version: 'demo',
    sync: null,
    demoLogin: null,
    session: { user: clerkUser },
  };
  const headIds = DEMO_USERS.filter((u) => u.roles.includes('head')).map((u) => userId(u.login));
  const staff = DEMO_USERS.map((u) => ({ ...u, id: userId(u.login), roles: [...u.roles] as Role[] }));
  return { ctx, headIds, staff, setupMs: performance.now() - started };
}

/**
 * Generates the cards batch by batch, puts their files into the store and hands each batch to `write`
 * (which checks and writes it in one transaction); counts the cards and times generation and writing.
 */
export function seedInBatches(
  files: AttachmentStore,
  options: SeedOptions & { headIds: readonly string[]; setupMs: number; defaultBatch: number },
  write: (batch: GeneratedAppeal[]) => void,
): Pick<SeedResult, 'appeals' | 'timings'> {
  const timings = { setupMs: options.setupMs, generateMs: 0, writeMs: 0 };
  const counts = { registered: 0, received: 0, draft: 0, attachments: 0 };
  const { now, headIds } = options;
  const stream = appealStream({ count: options.appeals, seed: options.seed ?? 1, now, headIds });
  const batchSize = options.batchSize ?? options.defaultBatch;
  for (;;) {
    const t0 = performance.now();
    const batch: GeneratedAppeal[] = [];
    for (let next = stream.next(); !next.done; next = stream.next()) {
      batch.push(next.value);
      if (batch.length >= batchSize) break;
    }
    const t1 = performance.now();
    timings.generateMs += t1 - t0;
    if (batch.length === 0) break;
    for (const item of batch) for (const file of item.files) if (!files.has(file.ref.sha256)) files.put(file.bytes);
    write(batch);
    for (const item of batch) {
      counts[item.status]++;
      counts.attachments += item.files.length;
    }
    timings.writeMs += performance.now() - t1;
    if (batch.length < batchSize) break;
  }
  return { appeals: counts, timings };
}

/** When an unregistered card was created: ten minutes after its receipt, never after now. */
export const draftCreatedAt = (item: GeneratedAppeal, now: Date) =>
  new Date(Math.min(Date.parse(item.draft.receivedAt) + 10 * 60_000, now.getTime()));

export const seedUsers = () =>
  DEMO_USERS.map((u) => ({ login: u.login, password: u.login, roles: [...u.roles] as Role[] }));

export async function seedDemo(store: WorkingCopy, files: AttachmentStore, options: SeedOptions): Promise<SeedResult> {
  const { now } = options;
  const { ctx, headIds, staff, setupMs } = await startSeed(store, files, now);
  const written = seedInBatches(files, { ...options, headIds, setupMs, defaultBatch: 2000 }, (batch) => {
    for (const item of batch) validate(ctx, item, now);
    inTransaction(store.sqlite, () => {
      for (const item of batch) writeCard(ctx, item, now);
    });
  });
  if (options.review) seedReviewScenarios(ctx, staff);
  return {
    users: seedUsers(),
    ...written,
  };
}
