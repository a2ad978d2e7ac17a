/**
 * Attachments of demo appeals: small generated PDFs (the participants' list of a collective appeal,
 * copies of documents, photographs). A pool of variants is reused, so 100,000 appeals need only a
 * few dozen files in the content-addressed store.
 */
import { sha256 as sha256Of } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { AttachmentRef } from '../appeals/schema';
import { minimalPdf, type PdfPage } from './minimal-pdf';
import { personName } from './names';
import { createRng, type Rng } from './prng';

export interface GeneratedFile {
  ref: AttachmentRef;
  bytes: Uint8Array;
}

export const POOL_VARIANTS = 12;

type DocumentKind = 'participants' | 'answer' | 'receipt' | 'photos' | 'contract';

const DOCUMENTS: Readonly<Record<DocumentKind, { name: string; title: string }>> = {
  participants: { name: 'Список участников.pdf', title: 'SPISOK UCHASTNIKOV KOLLEKTIVNOGO OBRASHCHENIYA' },
  answer: { name: 'Копия ответа.pdf', title: 'KOPIYA OTVETA' },
  receipt: { name: 'Копия квитанции.pdf', title: 'KOPIYA KVITANTSII' },
  photos: { name: 'Фотоматериалы.pdf', title: 'FOTOMATERIALY' },
  contract: { name: 'Копия договора.pdf', title: 'KOPIYA DOGOVORA' },
};

const capital = (word: string) => word.slice(0, 1).toUpperCase() + word.slice(1);

function page(kind: DocumentKind, variant: number): PdfPage {
  const rng = createRng(7919 * (variant + 1) + kind.length);
  const title = DOCUMENTS[kind].title;
  if (kind === 'participants') {
    const rows = Array.from({ length: 8 + variant }, (_, i) => {
      const p = personName(rng, 'ru');
      const who = `${capital(p.latin.surname)} ${p.latin.name.slice(0, 1).toUpperCase()}.`;
      return `${String(i + 1).padStart(2, ' ')}.   ${who.padEnd(40, ' ')} kv. ${rng.int(1, 120)}`;
    });
    return { title, lines: rows, grid: true };
  }
  if (kind === 'photos') return { title, lines: [`Foto 1-${2 + (variant % 3)}`], photos: 2 + (variant % 3) };
  return { title, lines: [`Nomer ${1000 + variant * 37}`, `Data 0${1 + (variant % 9)}.0${1 + (variant % 8)}`] };
}

const cache = new Map<string, GeneratedFile>();

function pooled(kind: DocumentKind, variant: number): GeneratedFile {
  const key = `${kind}:${variant}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const bytes = minimalPdf(page(kind, variant));
  const sha256 = bytesToHex(sha256Of(bytes));
  const file = { ref: { sha256, name: DOCUMENTS[kind].name, participantsList: kind === 'participants' }, bytes };
  cache.set(key, file);
  return file;
}

/** The files of one appeal: the participants' list when collective, sometimes copies or photos. */
export function demoAttachments(rng: Rng, collective: boolean, extraChance: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  if (collective) files.push(pooled('participants', rng.int(0, POOL_VARIANTS - 1)));
  if (rng.chance(extraChance)) {
    const kinds = rng.sample<DocumentKind>(['answer', 'receipt', 'photos', 'contract'], rng.int(1, 2));
    for (const kind of kinds) files.push(pooled(kind, rng.int(0, POOL_VARIANTS - 1)));
  }
  return files;
}
