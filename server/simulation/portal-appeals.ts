import type { AppealDraft } from '../../shared/appeals/schema';
import { appealStream, type GeneratedAppeal } from '../../shared/demo/generate-appeals';
import { minimalPdf } from '../../shared/demo/minimal-pdf';
import { createRng, deriveSeed } from '../../shared/demo/prng';
import { MAX_FILES } from '../../shared/validation/files';

/** An electronic appeal an applicant is about to file on the portal, with its files' bytes. */
export interface PortalAppeal {
  draft: Omit<AppealDraft, 'attachments'>;
  files: { name: string; bytes: Uint8Array }[];
}

const BATCH = 64;
/** Share of appeals the applicant adds a scanned document to (besides the generator's own files). */
const SCAN_SHARE = 0.3;

function scan(seed: number, index: number): { name: string; bytes: Uint8Array } {
  const rng = createRng(deriveSeed(seed, 1_000_000 + index));
  const number = rng.int(100, 9999);
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const month = String(rng.int(1, 12)).padStart(2, '0');
  return {
    name: rng.pick(['Копия документа.pdf', 'Скан квитанции.pdf', 'Фото.pdf']),
    bytes: minimalPdf({
      title: 'KOPIYA DOKUMENTA',
      lines: [`Nomer ${number}`, `Data ${day}.${month}`],
      photos: rng.int(0, 2),
    }),
  };
}

function toPortal(generated: GeneratedAppeal, seed: number, index: number): PortalAppeal {
  const { attachments: _refs, ...draft } = generated.draft;
  const files = generated.files.map((f) => ({ name: f.ref.name, bytes: f.bytes }));
  if (files.length < MAX_FILES && createRng(deriveSeed(seed, 2_000_000 + index)).chance(SCAN_SHARE)) {
    files.push(scan(seed, index));
  }
  return { draft, files };
}

/**
 * An endless, seeded source of realistic portal appeals (form 'electronic', source 'portal'; the
 * answer mostly electronic, to the applicant's e-mail) from the project's demo generator
 * (shared/demo): batches of generated appeals, keeping the portal ones.
 */
export function portalAppeals(seed: number): (now: Date) => PortalAppeal {
  let batch = 0;
  let produced = 0;
  let pending: GeneratedAppeal[] = [];
  return (now) => {
    while (pending.length === 0) {
      const generated = appealStream({ count: BATCH, seed: deriveSeed(seed, batch), now, registeredShare: 0 });
      pending = [...generated].filter((a) => a.draft.form === 'electronic' && a.draft.source === 'portal');
      batch += 1;
    }
    const next = pending.shift();
    if (!next) throw new Error('portalAppeals: empty batch');
    produced += 1;
    return toPortal(next, seed, produced);
  };
}
