import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import type { CallContext } from '../../../electron/services/context';
import { handlers } from '../../../electron/services/handlers';
import { parseCertificate } from '../../../electron/services/signing/pki';
import type { SigningKit } from '../../../electron/services/signing/signing-kit';
import { VSED_ANSWER_FORMAT } from '../../../shared/vsed/answer-package';
import { samplePdf } from '../../helpers/sample-files';
import { draft, makeTestServices } from '../../helpers/test-services';
import { sign, testPki } from '../../unit/services/signing/pki-fixture';

let env: ReturnType<typeof makeTestServices>;
let root: string;
afterEach(() => {
  env?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The clerk's context on a workstation that trusts the fixture's development root. */
function trusting(ctx: CallContext): CallContext {
  const roots = [parseCertificate(testPki().root.der)];
  return {
    ...ctx,
    signing: { trust: () => ({ roots, intermediates: [], crls: [], skipped: [] }) } as unknown as SigningKit,
  };
}

function signedPackage(file: string, number: string, answer: Uint8Array, p7s: Uint8Array) {
  const json = {
    format: VSED_ANSWER_FORMAT,
    appealNumber: number,
    answer: { file: 'ответ.pdf', signature: 'ответ.pdf.p7s' },
    expansion: {
      completed: true,
      text: 'Крыша отремонтирована',
      questions: [{ topicCode: '01.001', result: 'supported' }],
    },
  };
  writeFileSync(
    file,
    zipSync({
      'package.json': new TextEncoder().encode(JSON.stringify(json)),
      'ответ.pdf': answer,
      'ответ.pdf.p7s': p7s,
    }),
  );
}

describe('signed answer packages from a ВСЭД', () => {
  it('verifies the answer signature: applies a valid one, reports and skips one that does not verify', async () => {
    env = makeTestServices();
    root = mkdtempSync(join(tmpdir(), 'arm-vsed-sig-'));
    const reg = () => registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    const [good, tampered, unchecked] = [reg(), reg(), reg()];
    const answer = await samplePdf(1);
    const pki = testPki();
    const p7s = await sign(pki.user, { content: answer });
    signedPackage(join(root, 'good.zip'), good.regNumber ?? '', answer, p7s);
    // Signed over another document: the digest does not match the answer in the package.
    signedPackage(join(root, 'tampered.zip'), tampered.regNumber ?? '', answer, await sign(pki.user));
    const foreign = await sign(pki.foreignUser, { content: answer, withChain: false });
    signedPackage(join(root, 'foreign.zip'), tampered.regNumber ?? '', answer, foreign);

    const ctx = trusting(env.clerk);
    const [ok] = (await handlers['vsed:importAnswers'](ctx, { path: join(root, 'good.zip') })).items;
    expect(ok?.outcome).toBe('completed');
    expect(ok?.messages.join('\n')).toMatch(
      /подпись «ответ\.pdf\.p7s» верна: .+, сертификат № .+, выдан .+, подписано /,
    );
    expect(getAppeal(env.services.store.db, good.id).status).toBe('completed');

    for (const [file, reason] of [
      ['tampered.zip', /Документ изменён после подписания/],
      ['foreign.zip', /не прошла проверку: .+/],
    ] as const) {
      const [bad] = (await handlers['vsed:importAnswers'](ctx, { path: join(root, file) })).items;
      expect(bad?.outcome).toBe('invalid');
      expect(bad?.messages[0]).toMatch(/^подпись «ответ\.pdf\.p7s» не прошла проверку: /);
      expect(bad?.messages[0]).toMatch(reason);
      expect(bad?.messages[1]).toBe('пакет не применён: ответ не сохранён, рассмотрение не завершено');
    }
    expect(getAppeal(env.services.store.db, tampered.id).status).toBe('registered');

    // Without trusted roots the signature is stored unchecked, and the report says so.
    signedPackage(join(root, 'unchecked.zip'), unchecked.regNumber ?? '', answer, p7s);
    const [plain] = (await handlers['vsed:importAnswers'](env.clerk, { path: join(root, 'unchecked.zip') })).items;
    expect(plain?.outcome).toBe('completed');
    expect(plain?.messages).toContain(
      'подпись «ответ.pdf.p7s» не проверена: на этом рабочем месте нет доверенных корневых сертификатов',
    );
  });
});
