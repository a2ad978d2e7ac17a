import type { OutboxRow } from './outbox-rows';

interface FileRef {
  sha256?: unknown;
}

const shaOf = (refs: readonly FileRef[] | undefined): string[] =>
  (refs ?? []).map((f) => f.sha256).filter((sha): sha is string => typeof sha === 'string');

/**
 * The sha256 of every file a command refers to, uploaded before the command is sent (design.md,
 * "Push"): a RegisterAppeal card's attachments [4.3]; a ReviewAction's `files` — results, summaries,
 * answers, letters [4.5–4.8] — and, should a file be missing from that list, the action's own.
 */
export function filesOfCommand(row: Pick<OutboxRow, 'type' | 'payload'>): string[] {
  const payload = JSON.parse(row.payload) as Record<string, unknown> | null;
  switch (row.type) {
    case 'RegisterAppeal':
      return shaOf((payload as { attachments?: FileRef[] } | null)?.attachments);
    case 'ReviewAction': {
      const command = payload as { files?: FileRef[]; action?: { files?: FileRef[] } } | null;
      return [...new Set([...shaOf(command?.files), ...shaOf(command?.action?.files)])];
    }
    default:
      return [];
  }
}
