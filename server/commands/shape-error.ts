import type { z } from 'zod';

/**
 * Short Russian description of a payload's shape error: the first few paths and zod's messages.
 * `subject` names the payload («Карточка обращения»), `whole` an issue about the payload as a whole.
 */
export function describeShapeError(error: z.ZodError, subject: string, whole: string): string {
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || whole}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (и ещё ошибок: ${error.issues.length - 3})` : '';
  return `${subject} не соответствует формату: ${parts.join('; ')}${more}`;
}
