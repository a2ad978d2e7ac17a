import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { appeals } from '../../../db/schema';
import { KIND_NAMES } from '../../../shared/appeals/vocabulary-ru';
import { AppError } from '../../../shared/errors';
import { reviewActionSchema } from '../../../shared/review';
import { checkSingleFile } from '../../../shared/validation';
import {
  type VsedAnswerPackage,
  type VsedImportItem,
  vsedAnswerPackageSchema,
} from '../../../shared/vsed/answer-package';
import { getAppeal } from '../appeals/get-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { performReview } from '../review/perform-review';
import { verifyDetached } from '../signing/cms/verify';

/** A package's files by name: a ZIP is read whole (packages are small), a folder file by file. */
interface PackageFiles {
  source: string;
  read(name: string): Uint8Array | null;
}

function zipPackage(path: string): PackageFiles {
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  return { source: path, read: (name) => entries[name] ?? null };
}

function folderPackage(path: string): PackageFiles {
  return {
    source: path,
    read: (name) => {
      const file = join(path, name);
      return existsSync(file) && statSync(file).isFile() ? new Uint8Array(readFileSync(file)) : null;
    },
  };
}

/**
 * The packages a path names: a `.zip` file, a folder with `package.json`, or a folder of such ZIPs and
 * folders (one level), in name order.
 */
export function findPackages(path: string): Array<() => PackageFiles> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `Нет файла или папки «${path}»`);
  if (statSync(path).isFile()) return [() => zipPackage(path)];
  if (existsSync(join(path, 'package.json'))) return [() => folderPackage(path)];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.zip')) return [() => zipPackage(child)];
      if (entry.isDirectory() && existsSync(join(child, 'package.json'))) return [() => folderPackage(child)];
      return [];
    });
}

function parsePackage(files: PackageFiles): VsedAnswerPackage | string {
  const raw = files.read('package.json');
  if (!raw) return 'в пакете нет package.json';
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return 'package.json — не JSON';
  }
  const parsed = vsedAnswerPackageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `package.json не по формату: ${issue?.path.join('.') || '—'}: ${issue?.message ?? ''}`;
  }
  return parsed.data;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/** Where the package and the card disagree: such a package is reported, never applied. */
function contradictions(pkg: VsedAnswerPackage, card: ReturnType<typeof getAppeal>): string[] {
  const out: string[] = [];
  const zone = pkg.expansion;
  if (zone.kind && zone.kind !== card.kind)
    out.push(`вид обращения: в пакете «${KIND_NAMES[zone.kind]}», в карточке «${KIND_NAMES[card.kind]}»`);
  if (zone.topicCodes && !sameSet(zone.topicCodes, card.topicCodes))
    out.push(
      `тематика: в пакете ${zone.topicCodes.join(', ') || '—'}, в карточке ${card.topicCodes.join(', ') || '—'}`,
    );
  for (const q of zone.questions)
    if (!card.topicCodes.includes(q.topicCode))
      out.push(`результат по вопросу ${q.topicCode}, которого нет в карточке`);
  return out;
}

function answerText(pkg: VsedAnswerPackage): string {
  const reference = [pkg.answer.number && `№ ${pkg.answer.number}`, pkg.answer.date && `от ${pkg.answer.date}`]
    .filter(Boolean)
    .join(' ');
  const head = `Ответ из ВСЭД${reference ? ` ${reference}` : ''}`;
  return pkg.expansion.text.trim() ? `${head}. ${pkg.expansion.text.trim()}` : head;
}

/**
 * The answer's detached signature (.p7s, bign) checked like the review's own signatures: the digest,
 * the signature, and the signer's certificate chained to this workstation's trusted roots at the
 * signing time (CRLs included). `ok: false` only when it was checked and does not verify.
 */
function checkAnswerSignature(
  ctx: CallContext,
  name: string,
  answer: Uint8Array,
  p7s: Uint8Array,
): { ok: boolean; line: string } {
  const trust = ctx.signing?.trust() ?? null;
  if (!trust || trust.roots.length === 0)
    return {
      ok: true,
      line: `подпись «${name}» не проверена: на этом рабочем месте нет доверенных корневых сертификатов`,
    };
  const result = verifyDetached(answer, p7s, trust);
  if (!result.valid) return { ok: false, line: `подпись «${name}» не прошла проверку: ${result.reason}` };
  const who = result.signer
    ? `${result.signer.subject}, сертификат № ${result.signer.serialNumber}, выдан ${result.signer.issuer}`
    : '';
  return {
    ok: true,
    line: `подпись «${name}» верна: ${who}${result.signedAt ? `, подписано ${result.signedAt}` : ''}`,
  };
}

function importOne(ctx: CallContext, files: PackageFiles): VsedImportItem {
  const item: VsedImportItem = {
    source: basename(files.source),
    outcome: 'invalid',
    appealNumber: null,
    appealId: null,
    messages: [],
  };
  const pkg = parsePackage(files);
  if (typeof pkg === 'string') return { ...item, messages: [pkg] };
  item.appealNumber = pkg.appealNumber;
  const answer = files.read(pkg.answer.file);
  const signature = pkg.answer.signature ? files.read(pkg.answer.signature) : null;
  const missing = [
    ...(answer ? [] : [`нет файла ответа «${pkg.answer.file}»`]),
    ...(pkg.answer.signature && !signature ? [`нет файла подписи «${pkg.answer.signature}»`] : []),
  ];
  if (missing.length > 0) return { ...item, messages: missing };
  const issues = checkSingleFile('answer', {
    name: pkg.answer.file,
    size: answer?.length ?? 0,
    head: (answer ?? new Uint8Array()).subarray(0, 64),
  });
  if (issues.length > 0) return { ...item, messages: issues.map((i) => i.message) };

  const row = ctx.store.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(eq(appeals.regNumber, pkg.appealNumber))
    .get();
  if (!row) return { ...item, outcome: 'unmatched', messages: [`обращение № ${pkg.appealNumber} не найдено`] };
  item.appealId = row.id;
  const card = getAppeal(ctx.store.db, row.id);
  const conflicts = contradictions(pkg, card);
  if (conflicts.length > 0) return { ...item, outcome: 'contradicts', messages: conflicts };
  const checked = signature
    ? checkAnswerSignature(ctx, pkg.answer.signature ?? '', answer ?? new Uint8Array(), signature)
    : null;
  if (checked && !checked.ok)
    return { ...item, messages: [checked.line, 'пакет не применён: ответ не сохранён, рассмотрение не завершено'] };

  const sha256 = ctx.files.put(answer ?? new Uint8Array());
  const stored = [`файл ответа «${pkg.answer.file}» сохранён (SHA-256 ${sha256})`];
  if (signature) stored.push(`подпись «${pkg.answer.signature}» сохранена (SHA-256 ${ctx.files.put(signature)})`);
  if (checked) stored.push(checked.line);
  if (!pkg.expansion.completed)
    return { ...item, outcome: 'attached', messages: [...stored, 'зона «Expansion» не завершает рассмотрение'] };
  // The review's own completion action: its permissions, content rules, history and outbox.
  const action = reviewActionSchema.parse({
    type: 'complete',
    text: answerText(pkg),
    answerForm: pkg.expansion.answerForm ?? card.answerForm,
    questionResults: pkg.expansion.questions,
    files: [{ sha256, name: pkg.answer.file }],
  });
  try {
    performReview(ctx, { appealId: row.id, expectedVersion: null, action });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...item, outcome: 'refused', messages: [...stored, `рассмотрение не завершено: ${message}`] };
  }
  return { ...item, outcome: 'completed', messages: [...stored, 'рассмотрение завершено ответом из ВСЭД'] };
}

/**
 * `vsed:importAnswers` (regulation 4.12): reads answer packages from ZIP files or folders, matches each
 * to its appeal by the unique number, checks the «Expansion» zone against the card, stores the answer
 * and completes the review through `performReview` when the zone says so. A signed answer is verified
 * first: one whose signature does not verify is reported and not applied. Every package gets a line
 * in the report; one that fails never stops the others.
 */
export function importVsedAnswers(ctx: CallContext, input: { path: string }): { items: VsedImportItem[] } {
  requireUser(ctx);
  const items: VsedImportItem[] = [];
  for (const open of findPackages(input.path)) {
    try {
      items.push(importOne(ctx, open()));
    } catch (err) {
      items.push({
        source: input.path,
        outcome: 'invalid',
        appealNumber: null,
        appealId: null,
        messages: [err instanceof Error ? `пакет не читается: ${err.message}` : 'пакет не читается'],
      });
    }
  }
  return { items };
}
