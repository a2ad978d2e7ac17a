import { asc, eq } from 'drizzle-orm';
import { applicantCategories, territories, topics, userRoles, users } from '../../db/schema';
import type { Role } from '../../shared/appeals';
import { requireUser } from './auth/auth-service';
import type { CallContext } from './context';

/** Classifier, territories, applicant categories, the heads a card can be assigned to, and the staff. */
export function getDictionaries(ctx: CallContext) {
  requireUser(ctx);
  const { db } = ctx.store;
  return {
    topics: db.select().from(topics).orderBy(asc(topics.code)).all(),
    territories: db.select().from(territories).orderBy(asc(territories.code)).all(),
    categories: db
      .select()
      .from(applicantCategories)
      .orderBy(asc(applicantCategories.code))
      .all()
      .map((c) => ({ ...c, parentCode: null })),
    heads: db
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(eq(userRoles.role, 'head'))
      .orderBy(asc(users.fullName))
      .all(),
    staff: staffOf(ctx),
  };
}

/** Active users with their roles (executors, signers, controllers are picked from them). */
function staffOf(ctx: CallContext) {
  const { db } = ctx.store;
  const people = db
    .select({ id: users.id, name: users.fullName, position: users.position })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.fullName))
    .all();
  const roles = new Map<string, Role[]>();
  for (const r of db.select().from(userRoles).all())
    roles.set(r.userId, [...(roles.get(r.userId) ?? []), r.role as Role]);
  return people.map((p) => ({ ...p, roles: roles.get(p.id) ?? [] }));
}
