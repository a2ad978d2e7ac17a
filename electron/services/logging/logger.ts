import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

/**
 * The application's structured log (decision 011): JSON lines in `<data>/logs/app.<n>.log`, rotated by
 * size and day (pino-roll), a bounded number of files kept. It is what the organisation's IT receives in
 * «Сохранить диагностику», so it must never hold personal data or secrets (Law on personal data; design.md
 * "Security"): log ids, codes, channels and counts — never names, addresses, texts or credentials. The
 * redaction below is the safety net for objects passed by mistake; free-text messages are scrubbed too.
 */
export type AppLogger = Logger;

export const LOG_FILE_BASE = 'app';
export const REDACTED = '[скрыто]';

/** Keys whose values never reach the log, at the top level and one or two levels down. */
const SENSITIVE_KEYS = [
  // Secrets and credentials.
  'password',
  'passwordHash',
  'newPassword',
  'pin',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'clientSecret',
  'secretAccessKey',
  'authorization',
  'cookie',
  'privateKey',
  'dataBase64',
  // Applicants' personal data (regulation 6.3; the card's requisites).
  'applicant',
  'applicants',
  'surname',
  'patronymic',
  'fullName',
  'applicantDisplay',
  'address',
  'phone',
  'email',
  'summary',
  'content',
  'text',
  'participants',
];

export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

const SENSITIVE = new Set(SENSITIVE_KEYS.map((k) => k.toLowerCase()));

/** A copy of `value` with every sensitive key's value (at any depth) replaced by REDACTED. */
export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? scrubText(value) : value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SENSITIVE.has(k.toLowerCase()) ? REDACTED : redactDeep(v)]),
  );
}

const SCRUBBERS: [RegExp, string][] = [
  [/\b(token|password|secret|key)=[^&\s#]+/gi, `$1=${REDACTED}`],
  [/\bBearer\s+[^\s,;]+/gi, `Bearer ${REDACTED}`],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, REDACTED],
  [/\+?375[\s(-]*\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}/g, REDACTED],
];

/** Removes credentials, e-mail addresses and Belarusian phone numbers from a free-text message. */
export function scrubText(text: string): string {
  return SCRUBBERS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

export interface LogOptions {
  /** Folder of the rotated files, normally `<data>/logs`. */
  dir: string;
  level?: pino.LevelWithSilent;
  /** Rotate when a file reaches this size (pino-roll syntax). */
  size?: string;
  /** How many rotated files to keep besides the current one. */
  keep?: number;
  /** Fields on every line (application version, mode). */
  base?: Record<string, unknown>;
}

export interface OpenedLog {
  logger: AppLogger;
  dir: string;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
}

/** The pino options shared by the file log and the tests' in-memory logs. */
export function loggerOptions(options: Pick<LogOptions, 'level' | 'base'> = {}): pino.LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: options.base ?? {},
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
    serializers: {
      // Error messages may quote input (a validation message names the offending character): keep the
      // type, code and stack frames, scrub the message.
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        return { ...serialized, message: scrubText(serialized.message), stack: scrubText(serialized.stack ?? '') };
      },
    },
  };
}

/** Opens the rotating file log in `options.dir` (created if missing). */
export async function openLog(options: LogOptions): Promise<OpenedLog> {
  mkdirSync(options.dir, { recursive: true });
  const stream = await pinoRoll({
    file: join(options.dir, LOG_FILE_BASE),
    extension: '.log',
    size: options.size ?? '5m',
    frequency: 'daily',
    limit: { count: options.keep ?? 9 },
    mkdir: true,
  });
  // A log that cannot be written (folder removed, disk full) must never stop the workstation.
  stream.on('error', () => undefined);
  const logger = pino(loggerOptions(options), stream);
  return {
    logger,
    dir: options.dir,
    close: () =>
      new Promise<void>((resolve) => {
        logger.flush(() => {
          stream.once('close', () => resolve());
          stream.end();
        });
      }),
  };
}
