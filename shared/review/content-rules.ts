import type { Role } from '../appeals/enums';
import { endOfMinskDay, formatRuDate, type LocalDate, minskDateOf, type WorkingCalendar } from '../calendar';
import { redirectDeadline } from '../deadlines';
import { AppError, type ValidationIssue, validationError } from '../errors';
import type { ReviewAction } from './actions';
import type { ReviewFacts } from './permissions';
import { termState } from './terms';
import type { DirectoryOrganisation } from './view';

/** What the content rules need to know beyond the appeal (the service reads it from the store). */
export interface ReviewWorld {
  now: Date;
  calendar: WorkingCalendar;
  /** Minsk form of the appeal: the answer file rule depends on it [4.5]. */
  form: 'oral' | 'written' | 'electronic';
  registeredAt: Date | null;
  deadlineAt: Date | null;
  rolesOf(userId: string): readonly Role[] | undefined;
  organisation(id: string): DirectoryOrganisation | undefined;
}

const issue = (field: string, rule: string, message: string): ValidationIssue => ({ field, rule, message });

/** A due date must not be in the past nor later than the appeal's review deadline (Law 300-З art. 17) [4.5, 4.7]. */
function dueDateIssues(field: string, due: LocalDate, world: ReviewWorld): ValidationIssue[] {
  const today = minskDateOf(world.now);
  if (due < today) return [issue(field, 'past', `Срок ${formatRuDate(due)} уже прошёл`)];
  if (world.deadlineAt) {
    const last = minskDateOf(world.deadlineAt);
    if (due > last)
      return [
        issue(
          field,
          'after-deadline',
          `Срок ${formatRuDate(due)} позже срока рассмотрения обращения ${formatRuDate(last)}`,
        ),
      ];
  }
  return [];
}

function organisationIssues(orgId: string, world: ReviewWorld, need: 'state' | 'subordinate' | 'any') {
  const org = world.organisation(orgId);
  if (!org) return [issue('orgId', 'unknown-org', 'Организации нет в справочнике системы обращений')];
  if (need === 'state' && !org.state)
    return [
      issue(
        'orgId',
        'not-state',
        `«${org.name}» — не государственная организация: электронные обращения перенаправляются только государственным органам и организациям, зарегистрированным в системе`,
      ),
    ];
  if (need === 'subordinate' && !org.subordinate)
    return [issue('orgId', 'not-subordinate', `«${org.name}» не является подчинённой организацией`)];
  return [];
}

function issuesOf(facts: ReviewFacts, action: ReviewAction, world: ReviewWorld): ValidationIssue[] {
  switch (action.type) {
    case 'assignResponsible':
      return world.rolesOf(action.headId)?.includes('head')
        ? []
        : [issue('headId', 'not-head', 'Ответственным можно назначить только пользователя с ролью «Руководитель»')];
    case 'createResolution': {
      const out: ValidationIssue[] = [];
      if (action.reviewDeadline) {
        const registered = world.registeredAt ? minskDateOf(world.registeredAt) : null;
        if (registered && action.reviewDeadline <= registered)
          out.push(
            issue('reviewDeadline', 'before-registration', 'Новый срок рассмотрения должен быть позже дня регистрации'),
          );
        out.push(...dueDateIssues('reviewDeadline', action.reviewDeadline, { ...world, deadlineAt: null }));
      }
      // The executors' dates are checked against the new term when the resolution sets one.
      const term = action.reviewDeadline ? { ...world, deadlineAt: endOfMinskDay(action.reviewDeadline) } : world;
      const seen = new Set<string>();
      action.executors.forEach((e, i) => {
        const unknown = e.topicCodes.filter((c) => !facts.topicCodes.includes(c));
        if (unknown.length > 0)
          out.push(
            issue(
              `executors.${i}.topicCodes`,
              'unknown-topic',
              `В обращении нет вопросов с кодами ${unknown.join(', ')}`,
            ),
          );
        if (seen.has(e.userId)) out.push(issue(`executors.${i}.userId`, 'duplicate', 'Исполнитель указан дважды'));
        seen.add(e.userId);
        if (!world.rolesOf(e.userId)?.includes('executor'))
          out.push(
            issue(
              `executors.${i}.userId`,
              'not-executor',
              'Исполнителем можно указать только пользователя с ролью «Исполнитель»',
            ),
          );
        out.push(...dueDateIssues(`executors.${i}.dueDate`, e.dueDate, term));
      });
      if (!seen.has(action.responsibleUserId))
        out.push(
          issue('responsibleUserId', 'not-executor', 'Ответственный исполнитель должен быть среди исполнителей'),
        );
      return out;
    }
    case 'complete': {
      // "Проставление только отметки «ответ направлен почтовым отправлением» без прикрепления файла
      // ответа не допускается" [4.5].
      const out =
        action.answerForm === 'post' && action.files.length === 0
          ? [issue('files', 'answer-file', 'Ответ направляется почтой: прикрепите электронную копию ответа')]
          : [];
      // Every question still here gets its result (the reports count questions by result).
      const redirected = new Set(facts.redirectedCodes ?? []);
      const answered = new Set(action.questionResults.map((q) => q.topicCode));
      const open = facts.topicCodes.filter((c) => !redirected.has(c) && !answered.has(c));
      if (open.length > 0)
        out.push(
          issue('questionResults', 'question-result', `Укажите результат рассмотрения вопросов: ${open.join(', ')}`),
        );
      const foreign = [...answered].filter((c) => !facts.topicCodes.includes(c));
      if (foreign.length > 0)
        out.push(issue('questionResults', 'unknown-topic', `В обращении нет вопросов с кодами ${foreign.join(', ')}`));
      return out;
    }
    case 'sendMessage':
      // An electronic appeal's message carries the answer file [4.5].
      return world.form === 'electronic' && action.files.length === 0
        ? [issue('files', 'message-file', 'Для электронного обращения прикрепите файл сообщения')]
        : [];
    case 'redirect': {
      const out = organisationIssues(action.orgId, world, 'state');
      const unknown = action.topicCodes.filter((c) => !facts.topicCodes.includes(c));
      const already = action.topicCodes.filter((c) => facts.redirectedCodes?.includes(c));
      if (already.length > 0)
        out.push(issue('topicCodes', 'already-redirected', `Вопросы ${already.join(', ')} уже перенаправлены`));
      if (unknown.length > 0)
        out.push(issue('topicCodes', 'unknown-topic', `В обращении нет вопросов с кодами ${unknown.join(', ')}`));
      if (action.onControl && action.controlDueDate)
        out.push(...dueDateIssues('controlDueDate', action.controlDueDate, { ...world, deadlineAt: null }));
      return out;
    }
    case 'sendRequest':
      return [
        ...organisationIssues(action.orgId, world, 'any'),
        ...(action.dueDate ? dueDateIssues('dueDate', action.dueDate, world) : []),
      ];
    case 'sendInstruction':
      return [
        ...organisationIssues(action.orgId, world, 'subordinate'),
        ...dueDateIssues('dueDate', action.dueDate, world),
      ];
    case 'controlInstruction':
      // The receiving organisation's term is its own: only a date still to come [4.9].
      return dueDateIssues('dueDate', action.dueDate, { ...world, deadlineAt: null });
    case 'setControl': {
      const roles = world.rolesOf(action.controllerId) ?? [];
      const out = roles.some((r) => r === 'clerk' || r === 'head' || r === 'signer')
        ? []
        : [issue('controllerId', 'not-controller', 'Контролёром может быть делопроизводитель или руководитель')];
      return [...out, ...dueDateIssues('dueDate', action.dueDate, world)];
    }
    default:
      return [];
  }
}

/**
 * The rules about what an action carries (regulation 4.5–4.9): executors hold the executor role, due
 * dates lie within the appeal's term, a posted answer has its file, redirects go only to state
 * organisations of the directory and only within 5 working days of registration (Law 300-З art. 10
 * p. 3: the term is a limit, so after it the redirect is refused — the appeal is then answered on the
 * merits or with an explanation). Throws VALIDATION_FAILED / TERM_EXPIRED.
 */
export function assertReviewContent(facts: ReviewFacts, action: ReviewAction, world: ReviewWorld): void {
  const issues = issuesOf(facts, action, world);
  if (issues.length > 0) throw validationError(issues);
  if (action.type === 'redirect' && world.registeredAt) {
    const term = redirectDeadline(world.registeredAt, world.calendar);
    if (termState(term, world.now) === 'expired')
      throw new AppError('TERM_EXPIRED', `Срок перенаправления истёк. ${term.explanation}`, {
        deadlineAt: term.deadline.toISOString(),
      });
  }
}
