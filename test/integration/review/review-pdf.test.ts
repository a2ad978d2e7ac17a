import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAppealPdf } from '../../../electron/services/pdf/export-appeal-pdf';
import { makeReviewWorld } from './review-fixture';

let world: ReturnType<typeof makeReviewWorld>;
afterEach(() => world?.cleanup());

describe('PDF export of a reviewed appeal (card + review + history + answer file)', () => {
  it('prints the resolution, the executors’ results, the signature and the answer, and appends the answer file', async () => {
    world = makeReviewWorld();
    const { id } = world.register();
    world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    const rid =
      world.perform('head', id, {
        type: 'createResolution',
        text: 'Проверить состояние кровли',
        executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
        responsibleUserId: 'u-exec',
      }).entityId ?? '';
    world.perform('executor', id, { type: 'submitResult', resolutionId: rid, text: 'Кровля осмотрена' });
    world.perform('executor', id, { type: 'submitSummary', resolutionId: rid, text: 'Ремонт запланирован на апрель' });
    world.perform('signer', id, { type: 'signSummary', resolutionId: rid });
    world.perform('clerk', id, {
      type: 'complete',
      text: 'Сообщаем о плановом ремонте кровли',
      answerForm: 'post',
      questionResults: [{ topicCode: '01.001', result: 'supported' }],
      files: [world.upload('ответ.pdf')],
    });

    const bytes = await exportAppealPdf(world.as('clerk'), id);
    const file = join(world.dataDir, 'out.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Рассмотрение');
    expect(text).toContain('Резолюция 1 (исполнена): Проверить состояние кровли');
    expect(text).toContain('Кровля осмотрена');
    expect(text).toContain('Подписано: Карпович Игорь Владимирович');
    expect(text).toContain('Ответ заявителю');
    expect(text).toContain('Ответ заявителю: ответ.pdf');
  });
});
