import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Timestamps are epoch milliseconds (UTC); calendar logic converts to Minsk time in shared/calendar. */
const ms = (name: string) => integer(name);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unp: text('unp').notNull().default(''),
  /** Registration index used by the numbering pattern, e.g. «ОГ». */
  regIndex: text('reg_index').notNull().default('ОГ'),
  /** Tokens: {index} {year} {yy} {seq} {seq:N} (zero-padded) {kind} (З/П/Ж). */
  numberingPattern: text('numbering_pattern').notNull().default('{index}-{year}-{seq}'),
  /** 'local': this workstation assigns official numbers; 'central': numbers are provisional until sync. */
  numberingAuthority: text('numbering_authority').notNull().default('local'),
  workstationCode: text('workstation_code').notNull().default('01'),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  orgId: text('org_id')
    .notNull()
    .references(() => organisations.id),
  login: text('login').notNull().unique(),
  fullName: text('full_name').notNull(),
  position: text('position').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: ms('created_at').notNull(),
  /** Consecutive failed logins (regulation 6.3); reset by a successful login or an unlock. */
  failedLogins: integer('failed_logins').notNull().default(0),
  /** The account is locked until this instant (ms); null = not locked. */
  lockedUntil: ms('locked_until'),
  /** Set for accounts created or reset by the administrator: the first login must change the password. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: ms('password_changed_at'),
});

/** Earlier password hashes of an account: a new password may not repeat one of them. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    changedAt: ms('changed_at').notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId)],
);

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Unified classifier of appeals (Council of Ministers res. No. 269 of 09.04.2018), a subset. */
export const topics = sqliteTable('topics', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  name: text('name').notNull(),
});

export const territories = sqliteTable('territories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  name: text('name').notNull(),
});

export const applicantCategories = sqliteTable('applicant_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const appeals = sqliteTable(
  'appeals',
  {
    /** Local integer key: the FTS5 index's content rowid (stable across VACUUM). */
    localId: integer('local_id').primaryKey({ autoIncrement: true }),
    /** Global id (UUIDv7), used by sync and the API. */
    id: text('id').notNull().unique(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    kind: text('kind').notNull(),
    appealType: text('appeal_type').notNull(),
    form: text('form').notNull(),
    source: text('source').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantSurname: text('applicant_surname').notNull().default(''),
    applicantName: text('applicant_name').notNull().default(''),
    applicantPatronymic: text('applicant_patronymic').notNull().default(''),
    applicantOrgName: text('applicant_org_name').notNull().default(''),
    applicantUnp: text('applicant_unp').notNull().default(''),
    applicantSigner: text('applicant_signer').notNull().default(''),
    applicantAddress: text('applicant_address').notNull().default(''),
    applicantPhone: text('applicant_phone').notNull().default(''),
    applicantEmail: text('applicant_email').notNull().default(''),
    /** «Фамилия И. О.» or the organisation's name: what lists show, sort by and search. */
    applicantDisplay: text('applicant_display').notNull().default(''),
    applicantCategory: text('applicant_category').notNull().default(''),
    answerForm: text('answer_form').notNull(),
    summary: text('summary').notNull().default(''),
    content: text('content').notNull().default(''),
    territoryCode: text('territory_code').notNull().default(''),
    needsAdditionalStudy: integer('needs_additional_study', { mode: 'boolean' }).notNull().default(false),
    receivedAt: ms('received_at').notNull(),
    registeredAt: ms('registered_at'),
    regNumber: text('reg_number'),
    regYear: integer('reg_year'),
    regSeq: integer('reg_seq'),
    numberProvisional: integer('number_provisional', { mode: 'boolean' }).notNull().default(false),
    responsibleHeadId: text('responsible_head_id').references(() => users.id),
    deadlineAt: ms('deadline_at'),
    deadlineExplanation: text('deadline_explanation'),
    /** Control inside the organisation [4.9]: the controller, the control date and a note. */
    controlBy: text('control_by'),
    controlDueAt: ms('control_due_at'),
    controlNote: text('control_note').notNull().default(''),
    /** When the appeal reached a final status (shared/status FINAL_STATUSES); reports measure terms by it [4.10]. */
    closedAt: ms('closed_at'),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // List indexes (bench/README.md, list figures). Each sort has an index that also carries local_id
    // (the tie-break, so ORDER BY col, local_id is read straight from it) and the low-selectivity
    // filter columns, so a filtered page walks the sort index without touching table rows.
    index('appeals_received_idx').on(t.receivedAt, t.localId, t.status, t.form, t.kind),
    index('appeals_registered_idx').on(t.registeredAt, t.localId, t.status, t.form, t.kind),
    index('appeals_deadline_idx').on(t.deadlineAt, t.localId, t.status, t.form, t.kind),
    index('appeals_applicant_idx').on(t.applicantDisplay, t.localId, t.status, t.form, t.kind),
    index('appeals_number_order_idx').on(t.regYear, t.regSeq, t.localId, t.status, t.form, t.kind),
    // Filter-first indexes: for counts and for the selective filters.
    index('appeals_status_received_idx').on(t.status, t.receivedAt),
    index('appeals_form_received_idx').on(t.form, t.receivedAt),
    index('appeals_kind_received_idx').on(t.kind, t.receivedAt),
    index('appeals_responsible_idx').on(t.responsibleHeadId, t.receivedAt),
    // Reports [4.10] (docs/reports.md): every appeal-level dimension and measure of a period, read from
    // the index alone (the rows carry the long texts); `id` joins the questions.
    index('appeals_report_idx').on(
      t.registeredAt,
      t.status,
      t.kind,
      t.appealType,
      t.form,
      t.source,
      t.territoryCode,
      t.applicantCategory,
      t.responsibleHeadId,
      t.deadlineAt,
      t.closedAt,
      t.id,
    ),
    // Appeals that came redirected from another organisation (the central system's note) [4.8]: the
    // reports' redirect dimension probes it by local_id instead of reading the notes of every appeal.
    index('appeals_redirected_in_idx')
      .on(t.localId)
      .where(sql`substr(${t.notes}, 1, 32) = 'Перенаправлено по компетенции из'`),
    // Earlier appeals of the same legal entity (repeat detection by УНП).
    index('appeals_unp_idx').on(t.applicantUnp),
    uniqueIndex('appeals_reg_number_uq').on(t.orgId, t.regNumber),
  ],
);

export const appealTopics = sqliteTable(
  'appeal_topics',
  {
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    topicCode: text('topic_code')
      .notNull()
      .references(() => topics.code),
    position: integer('position').notNull(),
    /** Each question has its own executor and result [4.5; classifier of res. No. 269]. */
    executorId: text('executor_id'),
    /** '' (open) | supported | not_supported | explained (shared/review QUESTION_RESULTS) */
    result: text('result').notNull().default(''),
    /** The organisation the question was redirected to (a partial redirect) [4.8]. */
    redirectedTo: text('redirected_to'),
  },
  (t) => [
    primaryKey({ columns: [t.appealId, t.topicCode] }),
    index('appeal_topics_topic_idx').on(t.topicCode),
    // The reports' questions (unit «вопрос»): every column a report reads of a question, so the join
    // per appeal never reads the table (bench/README.md, "Reports").
    index('appeal_topics_report_idx').on(t.appealId, t.position, t.topicCode, t.result, t.executorId),
    // Questions redirected elsewhere (a partial redirect), probed per appeal by the reports.
    index('appeal_topics_redirected_idx').on(t.appealId).where(sql`${t.redirectedTo} IS NOT NULL`),
  ],
);

/** Links between appeals: `repeat` = this appeal repeats the linked earlier one (the clerk decided). */
export const appealLinks = sqliteTable(
  'appeal_links',
  {
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    linkedId: text('linked_id').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.linkedId, t.kind] }), index('appeal_links_linked_idx').on(t.linkedId)],
);

/** Files are stored content-addressed (sha256) in the data folder; this row links one to a card. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    participantsList: integer('participants_list', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull(),
    addedAt: ms('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [index('attachments_appeal_idx').on(t.appealId)],
);

export const history = sqliteTable(
  'history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    userId: text('user_id').notNull(),
    action: text('action').notNull(),
    /** JSON: { text, changes: [{ field, from, to }] } */
    details: text('details').notNull(),
  },
  (t) => [index('history_appeal_idx').on(t.appealId, t.at)],
);

/** Transactional outbox (design.md, "Data and sync"): each local command, appended with its change. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    commandId: text('command_id').notNull().unique(),
    type: text('type').notNull(),
    appealId: text('appeal_id'),
    payload: text('payload').notNull(),
    createdAt: ms('created_at').notNull(),
    /** pending | sent | applied | rejected */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the server settled the command (applied, duplicate or rejected); null while pending. */
    settledAt: ms('settled_at'),
  },
  /** The sync engine reads pending commands in order and lists rejected ones ("needs attention"). */
  (t) => [index('outbox_state_seq_idx').on(t.state, t.seq)],
);

/** Key-value sync state: the pull cursor, last sync time. Written in the same transaction as a page. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Gap-free registration sequence per organisation and year (incremented inside the registering transaction). */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    orgId: text('org_id').notNull(),
    year: integer('year').notNull(),
    scope: text('scope').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.scope] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ms('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
});

/**
 * Security event log (regulation 6.3): append-only (triggers in the migration refuse UPDATE/DELETE) and
 * tamper-evident: `hash` = sha256 of the row's canonical fields and `prev_hash` (the previous row's hash).
 */
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: ms('at').notNull(),
    type: text('type').notNull(),
    login: text('login').notNull(),
    userId: text('user_id'),
    /** Workstation host name. */
    workstation: text('workstation').notNull(),
    address: text('address').notNull(),
    /** 'success' | 'failure' */
    result: text('result').notNull(),
    /** JSON object. */
    details: text('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('security_events_at_idx').on(t.at)],
);

/** Resolutions of the review process [4.5]: created by the responsible head, signed by the deputy/head. */
export const resolutions = sqliteTable(
  'resolutions',
  {
    id: text('id').primaryKey(),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull(),
    text: text('text').notNull(),
    /** in_progress | awaiting_signature | executed (shared/review RESOLUTION_STATES) */
    state: text('state').notNull(),
    createdAt: ms('created_at').notNull(),
    summaryText: text('summary_text'),
    summaryAt: ms('summary_at'),
    summaryBy: text('summary_by'),
    /** The signer's remark when the summary was returned for rework ('' = none). */
    returnReason: text('return_reason').notNull().default(''),
    signedBy: text('signed_by'),
    signedAt: ms('signed_at'),
  },
  (t) => [index('resolutions_appeal_idx').on(t.appealId), index('resolutions_state_idx').on(t.state)],
);

/** One executor of a resolution: their due date, result and its check by the responsible executor [4.5]. */
export const resolutionTasks = sqliteTable(
  'resolution_tasks',
  {
    resolutionId: text('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'cascade' }),
    executorId: text('executor_id').notNull(),
    appealId: text('appeal_id').notNull(),
    responsible: integer('responsible', { mode: 'boolean' }).notNull(),
    position: integer('position').notNull(),
    dueAt: ms('due_at').notNull(),
    /** assigned | submitted | accepted | rejected (shared/review TASK_STATES) */
    state: text('state').notNull(),
    resultText: text('result_text').notNull().default(''),
    resultAt: ms('result_at'),
    rejectReason: text('reject_reason').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.resolutionId, t.executorId] }),
    index('resolution_tasks_executor_idx').on(t.executorId, t.state),
    index('resolution_tasks_appeal_idx').on(t.appealId),
  ],
);

/**
 * Outgoing correspondence of an appeal [4.5–4.8]: the answer, messages and notices to the applicant,
 * redirects, requests and instructions to other organisations (a redirect or instruction may be on control).
 */
export const dispatches = sqliteTable(
  'dispatches',
  {
    id: text('id').primaryKey(),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Receiving organisation (null = the applicant); the name is kept as it was when sent. */
    orgId: text('org_id'),
    orgName: text('org_name'),
    text: text('text').notNull(),
    answerForm: text('answer_form'),
    /** JSON array of classifier codes (a partial redirect). */
    topicCodes: text('topic_codes').notNull().default('[]'),
    dueAt: ms('due_at'),
    onControl: integer('on_control', { mode: 'boolean' }).notNull().default(false),
    createdAt: ms('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('dispatches_appeal_idx').on(t.appealId), index('dispatches_control_idx').on(t.onControl, t.dueAt)],
);

/**
 * Files of the review process (resolution, result, summary, dispatch), content-addressed in the same
 * store as card attachments. `owner` is `resolution:<id>`, `result:<resolutionId>:<executorId>`,
 * `summary:<resolutionId>` or `dispatch:<id>`.
 */
export const reviewFiles = sqliteTable(
  'review_files',
  {
    owner: text('owner').notNull(),
    position: integer('position').notNull(),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    addedAt: ms('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.position] }), index('review_files_appeal_idx').on(t.appealId)],
);

/** Every review command applied to this working copy (own or another workstation's): applied once. */
export const reviewEvents = sqliteTable('review_events', {
  commandId: text('command_id').primaryKey(),
  appealId: text('appeal_id').notNull(),
  appliedAt: ms('applied_at').notNull(),
});

/** The central directory of organisations (redirects, requests, instructions) [4.6–4.8], refreshed by sync. */
export const directoryOrganisations = sqliteTable('directory_organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unp: text('unp').notNull().default(''),
  state: integer('state', { mode: 'boolean' }).notNull(),
  /** Subordinate to this organisation: may receive instructions [4.7]. */
  subordinate: integer('subordinate', { mode: 'boolean' }).notNull().default(false),
  updatedAt: ms('updated_at').notNull(),
});

/**
 * ЭЦП made in the review process (issue «ЭЦП»): who signed which document with which certificate, and
 * the signed document and its detached CMS as files (review_files owner `signature:<id>`).
 */
export const signatures = sqliteTable(
  'signatures',
  {
    id: text('id').primaryKey(),
    appealId: text('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    /** summary | answer | decision */
    documentKind: text('document_kind').notNull(),
    /** The resolution (summary) or the dispatch (answer, decision). */
    documentId: text('document_id').notNull(),
    userId: text('user_id').notNull(),
    signerName: text('signer_name').notNull(),
    certSubject: text('cert_subject').notNull(),
    certIssuer: text('cert_issuer').notNull(),
    certSerial: text('cert_serial').notNull(),
    certNotAfter: text('cert_not_after').notNull(),
    certSha256: text('cert_sha256').notNull(),
    signedAt: ms('signed_at').notNull(),
    development: integer('development', { mode: 'boolean' }).notNull(),
    documentSha256: text('document_sha256').notNull(),
    documentName: text('document_name').notNull(),
    p7sSha256: text('p7s_sha256').notNull(),
    p7sName: text('p7s_name').notNull(),
  },
  (t) => [index('signatures_appeal_idx').on(t.appealId), index('signatures_document_idx').on(t.documentId)],
);

/**
 * Which user a signing certificate belongs to: bound on its first use, so a signature made with one
 * user's certificate can never be attached as another user's.
 */
export const userCertificates = sqliteTable('user_certificates', {
  certSha256: text('cert_sha256').primaryKey(),
  userId: text('user_id').notNull(),
  subject: text('subject').notNull(),
  boundAt: ms('bound_at').notNull(),
});

/**
 * Report settings saved by a report author [4.10]: the definition (shared/reports) without a period, so
 * every saved report can be re-run for a new one; `shared` = visible to everyone who may view reports.
 */
export const savedReports = sqliteTable(
  'saved_reports',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** JSON of shared/reports reportDefinitionSchema. */
    definition: text('definition').notNull(),
    ownerId: text('owner_id').notNull(),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [index('saved_reports_owner_idx').on(t.ownerId)],
);
