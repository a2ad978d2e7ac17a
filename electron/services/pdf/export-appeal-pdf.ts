import { PDFDocument } from 'pdf-lib';
import type { AppealCard } from '../../../shared/appeals';
import { getAppeal } from '../appeals/get-appeal';
import { organisationOf } from '../appeals/save-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { getReview } from '../review/review-view';
import { recordUserEvent } from '../security/record-event';
import { appendAttachments, planAttachments } from './attachments-pages';
import { KIND_NAMES } from './card-labels';
import { resolveCardNames } from './card-lookups';
import { drawCardPages } from './card-page';
import { embedCardFonts } from './fonts';
import { stampPages } from './page-stamp';
import { reviewAttachments } from './review-section';

const PRODUCT = 'АРМ делопроизводителя';

function numberOf(card: AppealCard): string {
  if (!card.regNumber) return 'без номера';
  return card.numberProvisional ? `${card.regNumber} (предв.)` : card.regNumber;
}

/**
 * One PDF per appeal for ВСЭД (design.md, "PDF export"): the registration card pages, then the
 * attachments in order (PDF pages merged, images as A4 pages, other files embedded), the card as
 * embedded `card.json`, document metadata, and the number and «стр. N из M» on every page.
 * Any logged-in user may export (regulation 3.3: the head of a unit views and exports too).
 */
export async function exportAppealPdf(ctx: CallContext, appealId: string): Promise<Uint8Array> {
  requireUser(ctx);
  const card = getAppeal(ctx.store.db, appealId);
  const organisation = organisationOf(ctx.store.db).name;
  const names = resolveCardNames(ctx.store.db, card, organisation);
  const at = ctx.clock();

  const doc = await PDFDocument.create();
  const fonts = await embedCardFonts(doc);
  const review = card.status === 'draft' ? null : getReview(ctx, appealId);
  const files = review ? [...card.attachments, ...reviewAttachments(review)] : card.attachments;
  const planned = await planAttachments(ctx.files, files);
  drawCardPages(doc, fonts, card, names, planned, at, review);
  await appendAttachments(doc, fonts, planned, at);
  await doc.attach(new TextEncoder().encode(JSON.stringify({ ...card, review }, null, 2)), 'card.json', {
    mimeType: 'application/json',
    description: 'Регистрационно-контрольная карточка (AppealCard) для машинной обработки',
    creationDate: at,
    modificationDate: at,
  });
  stampPages(doc, fonts, numberOf(card));

  doc.setTitle(`Обращение ${card.regNumber ?? 'без номера'}`);
  doc.setAuthor(organisation);
  doc.setSubject(card.summary);
  doc.setKeywords(
    [card.regNumber ?? '', KIND_NAMES[card.kind], ...card.topicCodes.map((c) => names.topics.get(c) ?? c)].filter(
      Boolean,
    ),
  );
  doc.setCreator(PRODUCT);
  doc.setProducer(`${PRODUCT} (pdf-lib)`);
  doc.setLanguage('ru-BY');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  return doc.save();
}

/** The file name the export is offered under: the number, without characters file systems refuse. */
export function exportFileName(card: Pick<AppealCard, 'regNumber' | 'id'>): string {
  const base = card.regNumber ? `Обращение ${card.regNumber}` : `Обращение ${card.id.slice(0, 8)}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}.pdf`;
}

/** The `export:appealPdf` channel: the PDF as base64 with the name to save it under. */
export async function exportAppealPdfFile(ctx: CallContext, input: { id: string }) {
  const bytes = await exportAppealPdf(ctx, input.id);
  const card = getAppeal(ctx.store.db, input.id);
  const fileName = exportFileName(card);
  // Issue #10: exports are security events (what left the workstation, by whom).
  recordUserEvent(ctx, 'export', 'success', { format: 'pdf', appealId: card.id, regNumber: card.regNumber });
  return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
}
