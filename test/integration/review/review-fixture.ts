import { directoryOrganisations, userRoles, users } from '../../../db/schema';
import type { CallContext } from '../../../electron/services/context';
import { handlers } from '../../../electron/services/handlers';
import type { Role } from '../../../shared/appeals';
import type { ReviewActionInput, ReviewView } from '../../../shared/review';
import { reviewActionSchema } from '../../../shared/review';
import { draft, makeTestServices, TINY_PDF } from '../../helpers/test-services';

const STAFF = [
  ['u-exec', 'executor', 'Новик Дмитрий Олегович', ['executor']],
  ['u-exec2', 'executor2', 'Ярошевич Алина Сергеевна', ['executor']],
  ['u-signer', 'signer', 'Карпович Игорь Владимирович', ['signer']],
  ['u-auth', 'authorised', 'Радкевич Татьяна Михайловна', ['authorised']],
] as const;

/** makeTestServices plus the review roles, a directory, a movable clock and one context per user. */
export function makeReviewWorld(start = '2026-03-10T10:00:00+03:00') {
  let now = new Date(start);
  const t = makeTestServices(() => now);
  const { db } = t.services.store;
  for (const [id, login, fullName, roles] of STAFF) {
    db.insert(users).values({ id, orgId: 'org', login, fullName, passwordHash: 'x', createdAt: 0 }).run();
    for (const role of roles) db.insert(userRoles).values({ userId: id, role }).run();
  }
  db.insert(directoryOrganisations)
    .values([
      { id: 'org-state', name: 'Министерство жилищно-коммунального хозяйства', state: true, updatedAt: 0 },
      { id: 'org-private', name: 'ООО «Управляющая компания»', state: false, updatedAt: 0 },
      { id: 'org-sub', name: 'КУП «ЖЭС № 5»', state: true, subordinate: true, updatedAt: 0 },
    ])
    .run();
  const all: (readonly [string, string, string, readonly Role[]])[] = [
    ['u-clerk', 'clerk', 'Петрова Анна Сергеевна', ['clerk']],
    ['u-head', 'head', 'Ковалёв Игорь Петрович', ['head']],
    ...STAFF,
  ];
  const as = (login: string): CallContext => {
    const found = all.find((u) => u[1] === login);
    if (!found) throw new Error(login);
    const [id, , fullName, roles] = found;
    return { ...t.services, session: { user: { id, login, fullName, position: '', roles: [...roles] } } };
  };
  const register = (overrides: Parameters<typeof draft>[0] = {}) =>
    handlers['appeals:register'](as('clerk'), { id: null, draft: draft(overrides), expectedVersion: null }) as {
      id: string;
    };
  const perform = (login: string, appealId: string, action: ReviewActionInput, expectedVersion: number | null = null) =>
    handlers['review:perform'](as(login), { appealId, expectedVersion, action: reviewActionSchema.parse(action) }) as {
      version: number;
      status: string;
      entityId: string | null;
    };
  const view = (login: string, appealId: string) => handlers['review:get'](as(login), { appealId }) as ReviewView;
  const upload = (name = 'ответ.pdf') => {
    const sha256 = t.services.files.put(TINY_PDF);
    return { sha256, name };
  };
  return {
    ...t,
    db,
    as,
    register,
    perform,
    view,
    upload,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

/** The typed error code a call fails with (null when it succeeds). */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
