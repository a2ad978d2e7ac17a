import { PDFDocument } from 'pdf-lib';
import type { AppealCard, Attachment } from '../../../shared/appeals';
import type { ReviewView } from '../../../shared/review';
import { getAppeal } from '../appeals/get-appeal';
import { organisationOf } from '../appeals/save-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { getReview } from '../review/review-view';
import { recordUserEvent } from '../security/record-event';
import {
  appendAttachments,
  attachmentPageCount,
  type PlanOptions,
  placementProblems,
  planAttachments,
} from './attachments-pages';
import { KIND_NAMES } from './card-labels';
import { type CardNames, resolveCardNames } from './card-lookups';
import { drawCardPages } from './card-page';
import { attachFile } from './embedded-file';
import { embedCardFonts, type FontMode } from './fonts';
import { stampPages } from './page-stamp';
import { deflateContentStreams, OutsideRepertoire } from './prepared-font';
import { reviewAttachments } from './review-section';

const PRODUCT = 'АРМ делопроизводителя';

function numberOf(card: AppealCard): string {
  if (!card.regNumber) return 'без номера';
  return card.numberProvisional ? `${card.regNumber} (предв.)` : card.regNumber;
}

/** One appeal's PDF with what the batch manifest and reports need. */
export interface AppealPdf {
  bytes: Uint8Array;
  card: AppealCard;
  pages: number;
  cardPages: number;
  attachmentPages: number;
  /** What could not be included as pages, and why (also printed on the card). */
  problems: string[];
  /** 'prepared' normally; 'subset' when the text needed characters outside the prepared font. */
  fonts: FontMode;
  /** The embedded card.json, for the ВСЭД package. */
  cardJson: string;
  /** The card's and the review's files, in the order the card lists them. */
  attachments: Attachment[];
}

/** The schema id of the embedded card.json (docs/vsed-package.md, "card.json"). */
export const CARD_JSON_SCHEMA = 'arm-appeals/card@1';

async function render(
  ctx: CallContext,
  card: AppealCard,
  review: ReviewView | null,
  names: CardNames,
  organisation: string,
  mode: FontMode,
  options: PlanOptions,
): Promise<AppealPdf> {
  const at = ctx.clock();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedCardFonts(doc, mode);
  const files = review ? [...card.attachments, ...reviewAttachments(review)] : card.attachments;
  const planned = await planAttachments(doc, ctx.files, files, options);
  const cardPages = drawCardPages(doc, fonts, card, names, planned, at, review).length;
  await appendAttachments(doc, fonts, planned, at);
  const json = JSON.stringify({ schema: CARD_JSON_SCHEMA, ...card, review }, null, 2);
  attachFile(doc, Buffer.from(json, 'utf8'), 'card.json', {
    mimeType: 'application/json',
    description: 'Регистрационно-контрольная карточка (AppealCard) для машинной обработки',
    at,
  });
  stampPages(doc, fonts, `Обращение ${numberOf(card)}`);

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
  deflateContentStreams(doc);
  const bytes = await doc.save({ useObjectStreams: false });
  return {
    bytes,
    card,
    pages: doc.getPageCount(),
    cardPages,
    attachmentPages: attachmentPageCount(planned),
    problems: placementProblems(planned),
    fonts: mode,
    cardJson: json,
    attachments: files,
  };
}

/**
 * One PDF per appeal for ВСЭД (design.md, "PDF export"): the registration card pages, then the
 * attachments in order (PDF pages merged, JPEG/PNG/TIFF as A4 pages, office files converted by
 * LibreOffice when installed, other or damaged files embedded and named on the card), the card as
 * embedded `card.json`, document metadata, and the number and «стр. N из M» on every page.
 * Any logged-in user may export (regulation 3.3: the head of a unit views and exports too).
 */
export async function renderAppealPdf(
  ctx: CallContext,
  appealId: string,
  options: PlanOptions & { fonts?: FontMode } = {},
): Promise<AppealPdf> {
  requireUser(ctx);
  const card = getAppeal(ctx.store.db, appealId);
  const organisation = organisationOf(ctx.store.db).name;
  const names = resolveCardNames(ctx.store.db, card, organisation);
  const review = card.status === 'draft' ? null : getReview(ctx, appealId);
  try {
    return await render(ctx, card, review, names, organisation, options.fonts ?? 'prepared', options);
  } catch (err) {
    if (!(err instanceof OutsideRepertoire)) throw err;
    return render(ctx, card, review, names, organisation, 'subset', options);
  }
}

export async function exportAppealPdf(ctx: CallContext, appealId: string): Promise<Uint8Array> {
  return (await renderAppealPdf(ctx, appealId)).bytes;
}

/** The file name the export is offered under: the number, without characters file systems refuse. */
export function exportFileName(card: Pick<AppealCard, 'regNumber' | 'id'>): string {
  const base = card.regNumber ? `Обращение ${card.regNumber}` : `Обращение ${card.id.slice(0, 8)}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}.pdf`;
}

/** The `export:appealPdf` channel: the PDF as base64 with the name to save it under. */
export async function exportAppealPdfFile(ctx: CallContext, input: { id: string }) {
  const pdf = await renderAppealPdf(ctx, input.id);
  // Issue #10: exports are security events (what left the workstation, by whom).
  recordUserEvent(ctx, 'export', 'success', { format: 'pdf', appealId: pdf.card.id, regNumber: pdf.card.regNumber });
  return { fileName: exportFileName(pdf.card), dataBase64: Buffer.from(pdf.bytes).toString('base64') };
}
