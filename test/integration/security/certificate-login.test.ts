import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userRoles, users } from '../../../db/schema';
import { dispatch } from '../../../electron/host/dispatch';
import { completeCertificateLogin, issueChallenge } from '../../../electron/services/cert-login/certificate-login';
import type { CallContext, Session } from '../../../electron/services/context';
import { developmentCa, ROOTS_FOLDER } from '../../../electron/services/signing/development-ca';
import { issueCrl } from '../../../electron/services/signing/pki';
import { createDevelopmentKeyFile } from '../../../electron/services/signing/providers/software/development-keys';
import { openSigningKit, type SigningKit } from '../../../electron/services/signing/signing-kit';
import { makeTestServices } from '../../helpers/test-services';

/**
 * Issue #10: «Войти по ЭЦП» — the administrator binds a certificate to an account; the login signs a
 * single-use challenge with the development key (as the e2e does), verifies it in software and maps the
 * certificate to the account, with the password login's rules (disabled, lockout, log).
 */

const SIGNER = 'Карпович Игорь Владимирович';
const OTHER = 'Новик Дмитрий Олегович';
let now = new Date('2026-03-10T10:00:00+03:00').getTime();
let env: ReturnType<typeof makeTestServices>;
let kit: SigningKit;

beforeEach(async () => {
  now = new Date('2026-03-10T10:00:00+03:00').getTime();
  env = makeTestServices(() => new Date(now));
  kit = openSigningKit(env.dataDir, () => new Date(now));
  env.services.signing = kit;
  const { db } = env.services.store;
  for (const [id, login, fullName, role] of [
    ['u-signer', 'signer', SIGNER, 'signer'],
    ['u-exec', 'executor', OTHER, 'executor'],
  ] as const) {
    db.insert(users).values({ id, orgId: 'org', login, fullName, passwordHash: 'x', createdAt: 0 }).run();
    db.insert(userRoles).values({ userId: id, role }).run();
  }
  db.insert(userRoles).values({ userId: 'u-head', role: 'admin' }).run();
  for (const [owner, userId] of [
    [SIGNER, 'signer'],
    [OTHER, 'executor'],
  ]) {
    await createDevelopmentKeyFile({
      keysDir: kit.keysDir,
      owner: owner ?? '',
      userId,
      password: 'пароль',
      issueCertificate: kit.issueDevelopmentCertificate,
      now: new Date('2026-03-01T10:00:00+03:00'),
      validityDays: 60,
      iterations: 10_000,
    });
  }
});
afterEach(() => env.cleanup());

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };
const call = (session: Session, channel: string, input: unknown) =>
  dispatch(env.services, session, channel, input) as Promise<Reply>;
const adminSession = (): Session => ({
  user: { id: 'u-head', login: 'head', fullName: 'Ковалёв Игорь Петрович', position: '', roles: ['head', 'admin'] },
});

async function certificateOf(subject: string) {
  const all = await kit.registry.get('software').listCertificates();
  const cert = all.find((c) => c.subject === subject);
  if (!cert) throw new Error(subject);
  return cert;
}

const bind = (session: Session, certificateId: string) =>
  call(session, 'accounts:bindCertificate', { userId: 'u-signer', provider: 'software', certificateId });

async function bindSigner() {
  const cert = await certificateOf(SIGNER);
  expect(await bind(adminSession(), cert.id)).toEqual({ ok: true, value: {} });
  return cert;
}

async function challenge(session: Session) {
  const reply = await call(session, 'auth:certificateChallenge', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as {
    challengeId: string;
    certificates: { id: string; subject: string; unusableReason: string | null }[];
  };
}

async function loginBy(session: Session, subject: string, password = 'пароль', challengeId?: string) {
  const cert = await certificateOf(subject);
  const id = challengeId ?? (await challenge(session)).challengeId;
  return call(session, 'auth:certificateLogin', {
    challengeId: id,
    provider: 'software',
    certificateId: cert.id,
    password,
  });
}

function events(type = 'login-certificate') {
  return env.services.store.sqlite
    .prepare('SELECT login, result, details FROM security_events WHERE type = ? ORDER BY id')
    .all(type)
    .map((r) => {
      const row = r as { login: string; result: string; details: string };
      return { login: row.login, result: row.result, details: JSON.parse(row.details) as Record<string, unknown> };
    });
}

const failedLogins = () =>
  (
    env.services.store.sqlite.prepare("SELECT failed_logins AS n FROM users WHERE id = 'u-signer'").get() as {
      n: number;
    }
  ).n;

describe('binding a certificate to an account («Пользователи» → «Привязать сертификат»)', () => {
  it('offers only the certificate naming the person, binds it, logs it, and only administrators may', async () => {
    const listed = await call(adminSession(), 'accounts:certificates', { userId: 'u-signer' });
    expect(listed.ok).toBe(true);
    const value = (listed as { value: { certificates: { subject: string; unusableReason: string | null }[] } }).value;
    expect(value.certificates.find((c) => c.subject === SIGNER)?.unusableReason).toBeNull();
    expect(value.certificates.find((c) => c.subject === OTHER)?.unusableReason).toContain('Сертификат выдан на');

    const other = await certificateOf(OTHER);
    expect(
      await call(adminSession(), 'accounts:bindCertificate', {
        userId: 'u-signer',
        provider: 'software',
        certificateId: other.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const clerk: Session = { user: env.clerk.session.user };
    expect(
      await call(clerk, 'accounts:bindCertificate', {
        userId: 'u-signer',
        provider: 'software',
        certificateId: other.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    const cert = await bindSigner();
    const after = (await call(adminSession(), 'accounts:certificates', { userId: 'u-exec' })) as {
      value: {
        bindings: { login: string; serialNumber: string }[];
        certificates: { subject: string; unusableReason: string | null }[];
      };
    };
    expect(after.value.bindings).toEqual([
      expect.objectContaining({ login: 'signer', serialNumber: cert.serialNumber }),
    ]);
    expect(events('certificate-bound')).toEqual([
      expect.objectContaining({ login: 'signer', result: 'success', details: expect.objectContaining({ by: 'head' }) }),
    ]);
    expect(await call(adminSession(), 'accounts:unbindCertificate', { userId: 'u-signer' })).toEqual({
      ok: true,
      value: {},
    });
    expect(events('certificate-unbound')).toHaveLength(1);
  });
});

describe('«Войти по ЭЦП»', () => {
  it('logs in with the bound certificate and a single-use challenge; a replay is refused', async () => {
    await bindSigner();
    const session: Session = { user: null };
    const first = await challenge(session);
    expect(first.certificates.find((c) => c.subject === OTHER)?.unusableReason).toContain('не привязан');
    const ok = await loginBy(session, SIGNER, 'пароль', first.challengeId);
    expect(ok).toMatchObject({ ok: true, value: { login: 'signer', fullName: SIGNER } });
    expect(session.user?.id).toBe('u-signer');

    const replay = await loginBy({ user: null }, SIGNER, 'пароль', first.challengeId);
    expect(replay).toMatchObject({
      ok: false,
      error: { code: 'CERT_LOGIN_CHALLENGE_INVALID', details: { reason: 'unknown' } },
    });
    const again = await loginBy(session, SIGNER, 'пароль', first.challengeId);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CERT_LOGIN_CHALLENGE_INVALID', details: { reason: 'replayed' } },
    });
    expect(events().map((e) => [e.login, e.result, e.details.reason])).toEqual([
      ['signer', 'success', undefined],
      ['', 'failure', 'challenge-unknown'],
      ['', 'failure', 'challenge-replayed'],
    ]);
  });

  it('refuses an expired challenge', async () => {
    await bindSigner();
    const session: Session = { user: null };
    const { challengeId } = await challenge(session);
    now += 3 * 60_000;
    expect(await loginBy(session, SIGNER, 'пароль', challengeId)).toMatchObject({
      ok: false,
      error: { code: 'CERT_LOGIN_CHALLENGE_INVALID', details: { reason: 'expired' } },
    });
    expect(session.user).toBeNull();
  });

  it('refuses a certificate bound to no account', async () => {
    await bindSigner();
    const session: Session = { user: null };
    expect(await loginBy(session, OTHER)).toMatchObject({ ok: false, error: { code: 'CERT_LOGIN_NOT_BOUND' } });
    expect(events().at(-1)).toMatchObject({ result: 'failure', details: { reason: 'not-bound', certificate: OTHER } });
    expect(session.user).toBeNull();
  });

  it('refuses a challenge signed with another certificate or altered, and counts both as failures', async () => {
    const cert = await bindSigner();
    const other = await certificateOf(OTHER);
    const ctx: CallContext = { ...env.services, session: { user: null } };
    const errorOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { code: string; details?: unknown }) => e,
      );

    const foreign = await errorOf(
      completeCertificateLogin(ctx, issueChallenge(ctx).bytes, cert, (data) =>
        kit.registry.signDetached(other, data, { password: 'пароль', signingTime: new Date(now) }),
      ),
    );
    expect(foreign).toMatchObject({ code: 'CERT_LOGIN_SIGNATURE_INVALID', details: { code: 'OTHER_CERTIFICATE' } });

    const altered = await errorOf(
      completeCertificateLogin(ctx, issueChallenge(ctx).bytes, cert, () =>
        kit.registry.signDetached(cert, new TextEncoder().encode('другой запрос'), {
          password: 'пароль',
          signingTime: new Date(now),
        }),
      ),
    );
    expect(altered).toMatchObject({ code: 'CERT_LOGIN_SIGNATURE_INVALID', details: { code: 'DIGEST_MISMATCH' } });
    expect(ctx.session.user).toBeNull();
    expect(failedLogins()).toBe(2);
  });

  it('locks the account after 6 failures (wrong key password) and then refuses the right one', async () => {
    await bindSigner();
    const session: Session = { user: null };
    for (let i = 1; i <= 5; i++) {
      expect(await loginBy(session, SIGNER, `не тот ${i}`)).toMatchObject({
        ok: false,
        error: { code: 'SIGNING_FAILED', details: { code: 'WRONG_PIN' } },
      });
    }
    expect(await loginBy(session, SIGNER, 'не тот 6')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(await loginBy(session, SIGNER)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(session.user).toBeNull();
    expect(events('account-locked')).toHaveLength(1);
    expect(events().at(-1)).toMatchObject({ login: 'signer', result: 'failure', details: { reason: 'locked' } });

    now += 16 * 60_000;
    expect(await loginBy(session, SIGNER)).toMatchObject({ ok: true });
    expect(failedLogins()).toBe(0);
  });

  it('refuses a disabled account and an expired certificate', async () => {
    await bindSigner();
    env.services.store.sqlite.prepare("UPDATE users SET disabled = 1 WHERE id = 'u-signer'").run();
    expect(await loginBy({ user: null }, SIGNER)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(events().at(-1)).toMatchObject({ details: { reason: 'disabled' } });

    env.services.store.sqlite.prepare("UPDATE users SET disabled = 0 WHERE id = 'u-signer'").run();
    now = new Date('2026-06-01T10:00:00+03:00').getTime(); // the development certificate ended on 30 April
    expect(await loginBy({ user: null }, SIGNER)).toMatchObject({
      ok: false,
      error: { code: 'CERT_LOGIN_CERTIFICATE_INVALID', details: { code: 'CERT_EXPIRED' } },
    });
    expect(failedLogins()).toBe(1);
  });

  it('refuses a revoked certificate (a CRL of the roots folder) and counts it', async () => {
    const cert = await bindSigner();
    const crl = issueCrl(developmentCa(env.dataDir, new Date(now)), {
      thisUpdate: new Date(now - 86_400_000),
      revoked: [{ certificate: cert.serialNumber, revokedAt: new Date(now - 3_600_000) }],
    });
    writeFileSync(join(env.dataDir, ROOTS_FOLDER, 'development.crl'), crl);
    expect(await loginBy({ user: null }, SIGNER)).toMatchObject({
      ok: false,
      error: { code: 'CERT_LOGIN_CERTIFICATE_INVALID', details: { code: 'CERT_REVOKED' } },
    });
    expect(events().at(-1)).toMatchObject({ login: 'signer', result: 'failure', details: { reason: 'CERT_REVOKED' } });
    expect(failedLogins()).toBe(1);
  });
});
