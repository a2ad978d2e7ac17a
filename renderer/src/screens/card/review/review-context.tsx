import { createContext, useContext } from 'react';
import type { AppealCard } from '../../../../../shared/appeals';
import type { ReviewActionType } from '../../../../../shared/review/actions';
import type { AllowedAction, ReviewView } from '../../../../../shared/review/view';

/** What the review section's blocks and action dialogs share: the card, its review view and the dialog state. */
export interface ReviewContextValue {
  card: AppealCard;
  view: ReviewView;
  /** Opens the dialog of an allowed action. */
  start(target: AllowedAction): void;
  /** Closes the open dialog without doing anything. */
  close(): void;
  /** After a successful action: closes the dialog, tells the user, reloads the card and the view. */
  done(type: ReviewActionType): void;
  /** Reloads the card and the view (after a CONFLICT), keeping the dialog open. */
  refresh(): void;
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

export function useReview(): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview outside the review section');
  return value;
}
