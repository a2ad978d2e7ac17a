import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outbox, userCertificates } from '../../../db/schema';
import type { CallContext } from '../../../electron/services/context';
import { handlers } from '../../../electron/services/handlers';
import { exportAppealPdf } from '../../../electron/services/pdf/export-appeal-pdf';
import { verifyDetached } from '../../../electron/services/signing/cms/verify';
import { certificateFingerprint } from '../../../electron/services/signing/pki/certificate';
import { createDevelopmentKeyFile } from '../../../electron/services/signing/providers/software/development-keys';
import { openSigningKit } from '../../../electron/services/signing/signing-kit';
import type { ReviewCommand } from '../../../shared/review';
import { makeReviewWorld } from './review-fixture';

let world: ReturnType<typeof makeReviewWorld>;
afterEach(() => world?.cleanup());

/** An appeal whose resolution's summary waits for the signature, and a development key for the signer. */
async function summaryAwaitingSignature() {
  world = makeReviewWorld();
  const kit = openSigningKit(world.dataDir, world.services.clock);
  world.services.signing = kit;
  await createDevelopmentKeyFile({
    keysDir: kit.keysDir,
    owner: 'Карпович Игорь Владимирович',
    userId: 'signer',
    password: 'пароль',
    issueCertificate: kit.issueDevelopmentCertificate,
    now: new Date('2026-03-01T10:00:00+03:00'),
  });
  const { id } = world.register();
  world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
  const rid =
    world.perform('head', id, {
      type: 'createResolution',
      text: 'Проверить',
      executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
      responsibleUserId: 'u-exec',
    }).entityId ?? '';
  world.perform('executor', id, { type: 'submitResult', resolutionId: rid, text: 'Проверено' });
  world.perform('executor', id, { type: 'submitSummary', resolutionId: rid, text: 'Факты подтвердились' });
  return { id, rid, kit };
}

const choices = async (ctx: CallContext) =>
  (await handlers['signing:choices'](ctx, {})) as {
    certificates: { id: string; provider: 'software'; development: boolean; unusableReason: string | null }[];
  };

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (err) {
    return err as { code: string; details?: { code?: string } };
  }
}

describe('ЭЦП on the summary result [4.5, 5.2]', () => {
  it('signs with the signer’s development key, verifies, stores the .p7s and executes the resolution', async () => {
    const { id, rid, kit } = await summaryAwaitingSignature();
    const mine = await choices(world.as('signer'));
    expect(mine.certificates).toHaveLength(1);
    expect(mine.certificates[0]).toMatchObject({ provider: 'software', development: true, unusableReason: null });
    const certificateId = mine.certificates[0]?.id ?? '';
    const sign = (password: string) =>
      handlers['signing:sign'](world.as('signer'), {
        appealId: id,
        expectedVersion: null,
        document: { kind: 'summary', resolutionId: rid },
        provider: 'software',
        certificateId,
        password,
      }) as Promise<{ status: string }>;

    const wrong = await errorOf(sign('не тот'));
    expect(wrong).toMatchObject({ code: 'SIGNING_FAILED', details: { code: 'WRONG_PIN' } });
    expect(world.view('clerk', id).resolutions[0]?.state).toBe('awaiting_signature');

    expect((await sign('пароль')).status).toBe('executed');
    const view = world.view('clerk', id);
    expect(view.signatures).toHaveLength(1);
    const signature = view.signatures[0];
    expect(signature).toMatchObject({
      document: { kind: 'summary', resolutionId: rid },
      signer: { userId: 'u-signer' },
      development: true,
      valid: true,
    });
    // The stored document and .p7s verify on their own (what `npm run crypto -- verify` does).
    const doc = world.services.files.read(signature?.documentFile.sha256 ?? '');
    const p7s = world.services.files.read(signature?.p7sFile.sha256 ?? '');
    expect(new TextDecoder().decode(doc)).toContain('Факты подтвердились');
    expect(verifyDetached(doc, p7s, kit.trust()).valid).toBe(true);
    const tampered = new TextEncoder().encode(
      new TextDecoder().decode(doc).replace('подтвердились', 'не подтвердились'),
    );
    expect(verifyDetached(tampered, p7s, kit.trust()).valid).toBe(false);
    // The PDF for ВСЭД names the signature and its check.
    const pdf = join(world.dataDir, 'signed.pdf');
    writeFileSync(pdf, await exportAppealPdf(world.as('clerk'), id));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('ЭЦП: сводный результат — подпись верна');
    // The command carries the signature and its files to the central system.
    const command = world.db
      .select()
      .from(outbox)
      .all()
      .map((r) => JSON.parse(r.payload) as ReviewCommand)
      .find((c) => c.action?.type === 'signSummary');
    expect(command?.files.map((f) => f.type)).toEqual(['text/plain', 'application/pkcs7-signature']);
    // Issue #10: both signing attempts are in the security log, the failure with its reason.
    const logged = world.services.store.sqlite
      .prepare("SELECT login, result, details FROM security_events WHERE type = 'signing' ORDER BY id")
      .all() as { login: string; result: string; details: string }[];
    expect(logged.map((e) => ({ ...e, details: JSON.parse(e.details) }))).toEqual([
      {
        login: 'signer',
        result: 'failure',
        details: { appealId: id, document: 'summary', provider: 'software', code: 'SIGNING_FAILED' },
      },
      {
        login: 'signer',
        result: 'success',
        details: { appealId: id, document: 'summary', provider: 'software', signatureId: signature?.id },
      },
    ]);
  });

  it('refuses another user’s certificate: a signature cannot be attached as someone else’s', async () => {
    const { id, rid } = await summaryAwaitingSignature();
    const mine = await choices(world.as('signer'));
    const certificateId = mine.certificates[0]?.id ?? '';
    // Bound to another user (as if that user had signed with it before).
    const der = (await world.services.signing?.registry.get('software').listCertificates())?.[0]?.der;
    world.db
      .insert(userCertificates)
      .values({
        certSha256: certificateFingerprint(der ?? new Uint8Array()),
        userId: 'u-head',
        subject: 'x',
        boundAt: 0,
      })
      .run();
    expect((await choices(world.as('signer'))).certificates[0]?.unusableReason).toContain('закреплён за другим');
    const err = await errorOf(
      handlers['signing:sign'](world.as('signer'), {
        appealId: id,
        expectedVersion: null,
        document: { kind: 'summary', resolutionId: rid },
        provider: 'software',
        certificateId,
        password: 'пароль',
      }) as Promise<unknown>,
    );
    expect(err?.code).toBe('NOT_ALLOWED');
  });

  it('lets only the signer sign, and the answer after completion too', async () => {
    const { id, rid } = await summaryAwaitingSignature();
    const certificateId = (await choices(world.as('signer'))).certificates[0]?.id ?? '';
    const base = {
      appealId: id,
      expectedVersion: null,
      provider: 'software' as const,
      certificateId,
      password: 'пароль',
    };
    const headTry = await errorOf(
      handlers['signing:sign'](world.as('head'), {
        ...base,
        document: { kind: 'summary', resolutionId: rid },
      }) as Promise<unknown>,
    );
    expect(headTry?.code).toBe('NOT_ALLOWED');
    await handlers['signing:sign'](world.as('signer'), { ...base, document: { kind: 'summary', resolutionId: rid } });
    world.perform('clerk', id, {
      type: 'complete',
      text: 'Ответ',
      answerForm: 'electronic',
      questionResults: [{ topicCode: '01.001', result: 'explained' }],
    });
    const answer = world.view('signer', id).dispatches.find((d) => d.kind === 'answer');
    expect(world.view('signer', id).allowed).toEqual([{ type: 'signDocument', dispatchId: answer?.id }]);
    await handlers['signing:sign'](world.as('signer'), {
      ...base,
      document: { kind: 'answer', dispatchId: answer?.id ?? '' },
    });
    const view = world.view('clerk', id);
    expect(view.status).toBe('completed');
    expect(view.signatures.map((s) => [s.document.kind, s.valid])).toEqual([
      ['summary', true],
      ['answer', true],
    ]);
    expect(world.view('signer', id).allowed).toEqual([]);
  });
});
