import { accountsHandlers } from './accounts/handlers';
import { getAppeal } from './appeals/get-appeal';
import { listAppeals } from './appeals/list-appeals';
import { registerAppeal } from './appeals/register-appeal';
import { organisationOf, saveAppeal } from './appeals/save-appeal';
import { findSimilarAppeals } from './appeals/similar-appeals';
import { readAttachment, uploadAttachment } from './attachments/upload-attachment';
import { login, logout, requireUser, unlockSession } from './auth/auth-service';
import { dataHandlers } from './backup/handlers';
import { getCalendarYear, saveCalendarSettings } from './calendar/calendar-service';
import { organisationCalendar } from './calendar/org-calendar';
import { certLoginHandlers } from './cert-login/handlers';
import { getDictionaries } from './dictionaries';
import { encryptionHandlers } from './encryption/handlers';
import type { HandlerTable } from './handler-type';
import { exportAppealPdfFile } from './pdf/export-appeal-pdf';
import { pdfHandlers } from './pdf/handlers';
import { releaseHandlers } from './release/handlers';
import { reportsHandlers } from './reports/handlers';
import { listDirectory } from './review/directory';
import { performReview } from './review/perform-review';
import { getReview } from './review/review-view';
import { listTasks } from './review/task-lists';
import { querySecurityLog } from './security/log-query';
import { unlockAccount, verifyLog } from './security/security-admin';
import { signReviewDocument } from './signing/sign-review-document';
import { signingChoices } from './signing/signing-choices';
import { syncHandlers } from './sync/handlers';
import { syncNow, syncStatus } from './sync/sync-view';

export type { Handler, HandlerTable } from './handler-type';

/** The one handler table: both hosts (IPC and loopback HTTP) dispatch to exactly these functions. */
export const handlers: HandlerTable = {
  'app:info': (ctx) => ({
    product: 'АРМ делопроизводителя',
    version: ctx.version,
    mode: ctx.mode,
    organisation: organisationOf(ctx.store.db).name,
    demoLogin: ctx.demoLogin,
  }),
  'auth:login': (ctx, input) => login(ctx, input),
  'auth:logout': (ctx) => logout(ctx),
  'auth:unlock': (ctx, input) => unlockSession(ctx, input),
  'auth:me': (ctx) => ctx.session.user,
  'dictionaries:get': (ctx) => getDictionaries(ctx),
  'appeals:list': (ctx, input) => {
    requireUser(ctx);
    return listAppeals(ctx.store.sqlite, input, ctx.clock(), organisationCalendar(ctx.store.db));
  },
  'appeals:get': (ctx, input) => {
    requireUser(ctx);
    return getAppeal(ctx.store.db, input.id);
  },
  'appeals:save': (ctx, input) => saveAppeal(ctx, input),
  'appeals:register': (ctx, input) => registerAppeal(ctx, input),
  'appeals:similar': (ctx, input) => findSimilarAppeals(ctx, input),
  'attachments:upload': (ctx, input) => uploadAttachment(ctx, input),
  'attachments:read': (ctx, input) => readAttachment(ctx, input),
  'review:get': (ctx, input) => getReview(ctx, input.appealId),
  'review:perform': (ctx, input) => performReview(ctx, input),
  'signing:choices': (ctx) => signingChoices(ctx),
  'signing:sign': (ctx, input) => signReviewDocument(ctx, input),
  'tasks:list': (ctx, input) => listTasks(ctx, input),
  'directory:organisations': (ctx) => listDirectory(ctx),
  'sync:status': (ctx) => syncStatus(ctx),
  'sync:now': (ctx) => syncNow(ctx),
  ...syncHandlers,
  'calendar:get': (ctx, input) => getCalendarYear(ctx, input),
  'calendar:save': (ctx, input) => saveCalendarSettings(ctx, input),
  'export:appealPdf': (ctx, input) => exportAppealPdfFile(ctx, input),
  'security:unlock': (ctx, input) => unlockAccount(ctx, input),
  'security:events': (ctx, input) => querySecurityLog(ctx, input),
  'security:verify': (ctx) => verifyLog(ctx),
  ...reportsHandlers,
  ...pdfHandlers,
  ...accountsHandlers,
  ...certLoginHandlers,
  ...dataHandlers,
  ...encryptionHandlers,
  ...releaseHandlers,
};
