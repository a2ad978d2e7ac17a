import type { Change } from '../../../shared/sync/protocol';
import type { ApplyContext } from './apply-context';
import { applyFiledAppeal } from './apply-filed-appeal';
import { applyRegisteredAppeal } from './apply-registered-appeal';
import { applyReviewChange } from './apply-review-change';
import { applyStatusChange } from './apply-status-change';
import { applyTopic } from './apply-topic';
import { assignOfficialNumber } from './assign-official-number';

/** Applies one change of the feed inside the caller's transaction; returns whether it wrote anything. */
export function applyChange(ctx: ApplyContext, change: Change): boolean {
  switch (change.type) {
    case 'appeal.filed':
      return applyFiledAppeal(ctx, change.data);
    case 'appeal.registered':
      return applyRegisteredAppeal(ctx, change.data);
    case 'appeal.numbered':
      return (
        assignOfficialNumber(ctx.db, {
          appealId: change.data.appealId,
          regNumber: change.data.regNumber,
          at: ctx.now,
          userId: ctx.userId,
        }) === 'assigned'
      );
    case 'appeal.status':
      return applyStatusChange(ctx, change.data);
    case 'appeal.action':
      return applyReviewChange(ctx, change.data);
    case 'classifier.topic':
      return applyTopic(ctx, change.data);
  }
}
