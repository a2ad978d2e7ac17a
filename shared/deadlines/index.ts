export type { Deadline } from './deadline';
export {
  DEADLINE_STATES,
  type DeadlineState,
  deadlineState,
  deadlineWindows,
  SOON_WORKING_DAYS,
} from './deadline-state';
export { clampDueDate, type DueDateCheck } from './due-date';
export { extendedReviewDeadline, MAX_CLERK_TERM_DAYS } from './extension';
export { registrationDeadline } from './registration-deadline';
export { isReviewTerm, REVIEW_TERMS, type ReviewTerm, reviewDeadline } from './review-deadline';
export { leaveWithoutConsiderationNoticeDeadline, NOTICE_WORKING_DAYS, redirectDeadline } from './working-day-terms';
