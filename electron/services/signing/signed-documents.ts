import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { reviewFiles } from '../../../db/schema';
import { formatMinskRu } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import type { SignedDocument } from '../../../shared/signing/schema';
import type { ReviewRows } from '../review/review-facts';

/**
 * The exact text a signer signs (issue «ЭЦП»): a plain UTF-8 document naming the organisation's appeal,
 * what is signed and every file it refers to by sha-256 — kept with the .p7s, so anyone can check the
 * signature later with `npm run crypto -- verify document.txt document.txt.p7s`.
 */
export interface DocumentToSign {
  name: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

function filesOf(db: Db, owner: string): string[] {
  return db
    .select({ name: reviewFiles.name, sha256: reviewFiles.sha256 })
    .from(reviewFiles)
    .where(eq(reviewFiles.owner, owner))
    .orderBy(asc(reviewFiles.position))
    .all()
    .map((f) => `  ${f.name} (sha-256 ${f.sha256})`);
}

type Lines = string | Lines[];
function compose(lines: Lines[]): Uint8Array {
  const flat = (l: Lines): string[] => (typeof l === 'string' ? [l] : l.flatMap(flat));
  return encoder.encode(`${lines.flatMap(flat).join('\n')}\n`);
}

export function documentToSign(
  db: Db,
  rows: ReviewRows,
  document: SignedDocument,
  organisation: string,
): DocumentToSign {
  const { row } = rows;
  const number = row.regNumber ?? row.id;
  const header = [
    organisation,
    `Обращение № ${number} от ${formatMinskRu(new Date(row.registeredAt ?? row.receivedAt))}`,
    `Заявитель: ${row.applicantDisplay}`,
    '',
  ];
  if (document.kind === 'summary') {
    const resolution = rows.resolutionRows.find((r) => r.id === document.resolutionId);
    if (!resolution?.summaryText) throw new AppError('NOT_FOUND', 'Сводный результат не найден');
    const files = filesOf(db, `summary:${resolution.id}`);
    return {
      name: `Сводный результат ${number}.txt`.replace(/[\\/:*?"<>|]/g, '_'),
      bytes: compose([
        header,
        'СВОДНЫЙ РЕЗУЛЬТАТ ИСПОЛНЕНИЯ РЕЗОЛЮЦИИ',
        `Резолюция: ${resolution.text}`,
        '',
        resolution.summaryText,
        files.length > 0 ? ['', 'Файлы:', files] : [],
      ]),
    };
  }
  const dispatch = rows.dispatchRows.find((d) => d.id === document.dispatchId);
  const expected = document.kind === 'answer' ? 'answer' : 'notice';
  if (!dispatch || dispatch.kind !== expected) throw new AppError('NOT_FOUND', 'Документ для подписи не найден');
  const files = filesOf(db, `dispatch:${dispatch.id}`);
  const title =
    document.kind === 'answer' ? 'ОТВЕТ НА ОБРАЩЕНИЕ' : 'РЕШЕНИЕ ОБ ОСТАВЛЕНИИ ОБРАЩЕНИЯ БЕЗ РАССМОТРЕНИЯ ПО СУЩЕСТВУ';
  return {
    name: `${document.kind === 'answer' ? 'Ответ' : 'Решение'} ${number}.txt`.replace(/[\\/:*?"<>|]/g, '_'),
    bytes: compose([header, title, '', dispatch.text, files.length > 0 ? ['', 'Файлы:', files] : []]),
  };
}
