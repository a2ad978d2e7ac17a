import { asc, eq } from 'drizzle-orm';
import { applicantCategories, territories, topics, userRoles, users } from '../../db/schema';
import { requireUser } from './auth/auth-service';
import type { CallContext } from './context';

/** Classifier, territories, applicant categories and the heads a card can be assigned to. */
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
  };
}
