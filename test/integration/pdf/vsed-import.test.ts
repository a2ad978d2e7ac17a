import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { handlers } from '../../../electron/services/handlers';
import { VSED_ANSWER_FORMAT } from '../../../shared/vsed/answer-package';
import { samplePdf } from '../../helpers/sample-files';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
let root: string;
afterEach(() => {
  env?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

const packageJson = (number: string, expansion: object, answer: object = {}) =>
  new TextEncoder().encode(
    JSON.stringify({
      format: VSED_ANSWER_FORMAT,
      appealNumber: number,
      answer: { file: 'ответ.pdf', number: '01-12/345', date: '2026-03-20', ...answer },
      expansion,
    }),
  );

describe('answer packages from a ВСЭД (regulation 4.12)', () => {
  it('completes, attaches, and reports unmatched, contradicting, invalid and refused packages', async () => {
    env = makeTestServices();
    root = mkdtempSync(join(tmpdir(), 'arm-vsed-'));
    const reg = () => registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    const [first, second] = [reg(), reg()];
    const answer = await samplePdf(1);
    const completed = {
      completed: true,
      text: 'Крыша отремонтирована',
      questions: [{ topicCode: '01.001', result: 'supported' }],
      kind: 'complaint',
      topicCodes: ['01.001'],
    };
    const dir = join(root, 'inbox');
    mkdirSync(dir);
    writeFileSync(
      join(dir, '1-complete.zip'),
      zipSync({
        'package.json': packageJson(first.regNumber ?? '', completed, { signature: 'ответ.pdf.p7s' }),
        'ответ.pdf': answer,
        'ответ.pdf.p7s': new Uint8Array([0x30, 0x82, 0x01, 0x00]),
      }),
    );
    mkdirSync(join(dir, '2-attach'));
    writeFileSync(join(dir, '2-attach', 'package.json'), packageJson(second.regNumber ?? '', { completed: false }));
    writeFileSync(join(dir, '2-attach', 'ответ.pdf'), answer);
    writeFileSync(
      join(dir, '3-unknown.zip'),
      zipSync({ 'package.json': packageJson('ОГ-2026-999', completed), 'ответ.pdf': answer }),
    );
    writeFileSync(
      join(dir, '4-contradicts.zip'),
      zipSync({
        'package.json': packageJson(second.regNumber ?? '', { ...completed, kind: 'proposal', topicCodes: ['01'] }),
        'ответ.pdf': answer,
      }),
    );
    writeFileSync(join(dir, '5-broken.zip'), zipSync({ 'package.json': new TextEncoder().encode('{ not json') }));
    writeFileSync(
      join(dir, '6-again.zip'),
      zipSync({ 'package.json': packageJson(first.regNumber ?? '', completed), 'ответ.pdf': answer }),
    );
    writeFileSync(
      join(dir, '7-no-file.zip'),
      zipSync({ 'package.json': packageJson(second.regNumber ?? '', completed) }),
    );
    writeFileSync(join(dir, 'readme.txt'), 'not a package');

    const { items } = await handlers['vsed:importAnswers'](env.clerk, { path: dir });
    expect(items.map((i) => [i.source, i.outcome])).toEqual([
      ['1-complete.zip', 'completed'],
      ['2-attach', 'attached'],
      ['3-unknown.zip', 'unmatched'],
      ['4-contradicts.zip', 'contradicts'],
      ['5-broken.zip', 'invalid'],
      ['6-again.zip', 'refused'],
      ['7-no-file.zip', 'invalid'],
    ]);
    expect(items[0]?.messages.join('\n')).toContain('подпись «ответ.pdf.p7s» сохранена');
    expect(items[3]?.messages.join('\n')).toMatch(/вид обращения: в пакете «предложение», в карточке «жалоба»/);
    expect(items[3]?.messages.join('\n')).toContain('тематика: в пакете 01, в карточке 01.001');
    expect(items[4]?.messages[0]).toBe('package.json — не JSON');
    expect(items[6]?.messages[0]).toBe('нет файла ответа «ответ.pdf»');

    // The completion went through the review process: status, history, outbox, the answer in the review.
    expect(getAppeal(env.services.store.db, first.id).status).toBe('completed');
    expect(getAppeal(env.services.store.db, second.id).status).toBe('registered');
    const review = await handlers['review:get'](env.clerk, { appealId: first.id });
    const dispatch = review.dispatches.find((d) => d.kind === 'answer');
    expect(dispatch?.text).toBe('Ответ из ВСЭД № 01-12/345 от 2026-03-20. Крыша отремонтирована');
    expect(dispatch?.files.map((f) => f.name)).toEqual(['ответ.pdf']);
    const outbox = env.services.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ReviewAction' AND appeal_id = ?")
      .get(first.id) as { n: number };
    expect(outbox.n).toBe(1);

    // One ZIP on its own is a package too.
    const single = await handlers['vsed:importAnswers'](env.clerk, { path: join(dir, '3-unknown.zip') });
    expect(single.items).toHaveLength(1);
  });
});
