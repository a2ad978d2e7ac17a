import { v7 as uuidv7 } from 'uuid';
import { toMinskIso } from '../shared/calendar/minsk-time';
import type { FiledAppeal } from '../shared/sync/protocol';
import { MAX_FILES } from '../shared/validation/files';
import { type PortalAppeal, portalAppeals } from './simulation/portal-appeals';

export interface SimulationOptions {
  /** Appeals per minute (0 files nothing). */
  perMinute: number;
  orgId: string;
  /** Seed of the demo generator: the same seed gives the same sequence of appeals. */
  seed?: number;
  /** A tick failed (the simulation stops): default, nothing is printed. */
  onError?: (error: unknown) => void;
}

/** What the simulation needs of the server. */
export interface ApplicantSink {
  fileAppeal(orgId: string, filed: FiledAppeal): void;
  storeFile(orgId: string, bytes: Uint8Array): string;
  clock: () => Date;
}

export interface ApplicantSimulation {
  /** Files one appeal now (what every tick does); returns it. */
  fileOne(): FiledAppeal;
  stop(): void;
  /** How many appeals were filed so far. */
  readonly filed: number;
}

/** Turns a generated portal appeal into what the central system files at `now`: files stored first. */
export function toFiledAppeal(sink: ApplicantSink, orgId: string, appeal: PortalAppeal, now: Date): FiledAppeal {
  const filedAt = toMinskIso(now);
  const files = appeal.files.slice(0, MAX_FILES).map((f) => ({
    sha256: sink.storeFile(orgId, f.bytes),
    name: f.name,
    size: f.bytes.length,
  }));
  return { id: uuidv7(), filedAt, draft: { ...appeal.draft, receivedAt: filedAt }, files };
}

/**
 * Applicants filing electronic appeals on the portal (обращения.бел) to `orgId` at `perMinute`,
 * each becoming `appeal.filed` in the organisation's feed, some with a small PDF. Realistic text
 * comes from the project's demo generator (shared/demo). The timer is unref'd: it never keeps the
 * process alive on its own.
 */
export function simulateApplicants(sink: ApplicantSink, options: SimulationOptions): ApplicantSimulation {
  if (!Number.isFinite(options.perMinute) || options.perMinute < 0) {
    throw new Error(`simulateApplicants: perMinute must be a non-negative number, got ${options.perMinute}`);
  }
  const source = portalAppeals(options.seed ?? 1);
  let filed = 0;
  const fileOne = () => {
    const now = sink.clock();
    const appeal = toFiledAppeal(sink, options.orgId, source(now), now);
    sink.fileAppeal(options.orgId, appeal);
    filed += 1;
    return appeal;
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.perMinute > 0) {
    timer = setInterval(
      () => {
        try {
          fileOne();
        } catch (error) {
          clearInterval(timer);
          options.onError?.(error);
        }
      },
      Math.max(10, 60_000 / options.perMinute),
    );
    timer.unref();
  }
  return {
    fileOne,
    stop: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    get filed() {
      return filed;
    },
  };
}
