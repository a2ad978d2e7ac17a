import { eq } from 'drizzle-orm';
import type { WorkingCopy } from '../../../db/open';
import { userRoles, users } from '../../../db/schema';
import { createDevelopmentKeyFile } from '../signing/providers/software/development-keys';
import type { SigningKit } from '../signing/signing-kit';

/**
 * The demo's signers get a development key each (the software key store, labelled «Ключ разработчика»
 * everywhere), password = login like their accounts — so «Подписать» works on a machine without AVEST.
 */
export async function createDemoSigningKeys(store: WorkingCopy, kit: SigningKit, now: Date): Promise<number> {
  const signers = store.db
    .select({ id: users.id, login: users.login, fullName: users.fullName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, 'signer'))
    .all();
  for (const s of signers) {
    await createDevelopmentKeyFile({
      keysDir: kit.keysDir,
      owner: s.fullName,
      userId: s.login,
      password: s.login,
      issueCertificate: kit.issueDevelopmentCertificate,
      now,
    });
  }
  return signers.length;
}
