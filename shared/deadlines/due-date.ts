import { formatMinskRu } from '../calendar';

export interface DueDateCheck {
  /** The due date to store: the requested one, or the appeal's deadline when it was later. */
  due: Date;
  clamped: boolean;
  explanation: string;
}

/**
 * A resolution's, instruction's or control due date (regulation 4.5, 4.7, 4.9) must not be later
 * than the appeal's review deadline (Law 300-З art. 17): otherwise it is clamped to the deadline.
 */
export function clampDueDate(due: Date, appealDeadline: Date): DueDateCheck {
  const dueText = formatMinskRu(due);
  const deadlineText = formatMinskRu(appealDeadline);
  if (due.getTime() <= appealDeadline.getTime())
    return {
      due,
      clamped: false,
      explanation: `Срок исполнения ${dueText} не позже срока рассмотрения обращения ${deadlineText}.`,
    };
  return {
    due: appealDeadline,
    clamped: true,
    explanation:
      `Срок исполнения ${dueText} позже срока рассмотрения обращения ${deadlineText}; ` +
      `установлен срок рассмотрения обращения — ${deadlineText}.`,
  };
}
