import type { LeaveGround, QuestionResult, ReviewActionType } from './actions';
import type { DispatchKind, ResolutionState, TaskState } from './view';

/** Names of the review actions as buttons and history show them. */
export const REVIEW_ACTION_NAMES: Record<ReviewActionType, string> = {
  assignResponsible: 'Назначить ответственного руководителя',
  createResolution: 'Создать резолюцию',
  approveResolution: 'Утвердить проект резолюции',
  submitResult: 'Внести результат исполнения',
  acceptResult: 'Принять результат',
  rejectResult: 'Отклонить результат',
  submitSummary: 'Внести сводный результат',
  signSummary: 'Подписать сводный результат',
  returnSummary: 'Вернуть на доработку',
  signDocument: 'Подписать ЭЦП',
  complete: 'Завершить процесс рассмотрения',
  sendMessage: 'Отправить сообщение заявителю',
  redirect: 'Перенаправить',
  sendRequest: 'Направить запрос',
  sendInstruction: 'Направить поручение',
  leaveWithoutConsideration: 'Оставить без рассмотрения',
  withdraw: 'Отметить отзыв обращения',
  controlInstruction: 'Поручение с новым сроком',
  setControl: 'Поставить на контроль',
  removeControl: 'Снять с контроля',
};

/**
 * Grounds of Law 300-З art. 15 with the standard notice texts (editable before sending). The first is
 * the regulation's own text for appeals outside the Law's scope [4.5].
 */
export const LEAVE_GROUND_TEXTS: Record<LeaveGround, { name: string; text: string }> = {
  out_of_scope: {
    name: 'Обращение не попадает под сферу действия Закона',
    text:
      'Обращение не попадает под сферу действия Закона Республики Беларусь от 18 июля 2011 г. № 300-З ' +
      '«Об обращениях граждан и юридических лиц» и рассматривается в ином порядке.',
  },
  no_requisites: {
    name: 'Не соблюдены требования к обращению (ст. 12 Закона)',
    text:
      'Обращение оставлено без рассмотрения по существу, так как не соответствует требованиям, ' +
      'установленным пунктами 1–5 статьи 12 Закона Республики Беларусь «Об обращениях граждан и юридических лиц».',
  },
  court_matter: {
    name: 'Вопрос подлежит разрешению в суде',
    text:
      'Обращение оставлено без рассмотрения по существу, так как изложенные в нём вопросы подлежат ' +
      'разрешению в порядке, установленном законодательством о конституционном судопроизводстве, ' +
      'гражданским, гражданским процессуальным законодательством или иными актами.',
  },
  obscene: {
    name: 'Нецензурные или оскорбительные слова',
    text:
      'Обращение оставлено без рассмотрения по существу, так как содержит нецензурные либо оскорбительные ' +
      'слова или выражения (абзац пятый пункта 1 статьи 15 Закона).',
  },
  term_missed: {
    name: 'Пропущен срок подачи жалобы',
    text:
      'Обращение оставлено без рассмотрения по существу, так как пропущен срок подачи жалобы ' +
      'и отсутствуют уважительные причины его пропуска.',
  },
  repeat_no_new: {
    name: 'Повторное обращение без новых обстоятельств',
    text:
      'Обращение оставлено без рассмотрения по существу, так как в нём не содержится новых обстоятельств, ' +
      'а на предыдущее обращение по тем же вопросам дан ответ.',
  },
  correspondence_ended: {
    name: 'Переписка с заявителем прекращена',
    text:
      'Обращение оставлено без рассмотрения по существу, так как с заявителем прекращена переписка ' +
      'по изложенным в обращении вопросам.',
  },
  other: { name: 'Иное основание статьи 15 Закона', text: '' },
};

export const RESOLUTION_STATE_NAMES: Record<ResolutionState, string> = {
  draft: 'проект, на утверждении',
  in_progress: 'на исполнении',
  awaiting_signature: 'на подписи',
  executed: 'исполнена',
};

export const TASK_STATE_NAMES: Record<TaskState, string> = {
  assigned: 'на исполнении',
  submitted: 'результат внесён',
  accepted: 'результат принят',
  rejected: 'на доработке',
};

export const DISPATCH_KIND_NAMES: Record<DispatchKind, string> = {
  answer: 'Ответ заявителю',
  message: 'Сообщение заявителю',
  redirect: 'Перенаправление',
  request: 'Запрос',
  instruction: 'Поручение',
  notice: 'Уведомление об оставлении без рассмотрения',
  interim: 'Промежуточный ответ',
};

export const QUESTION_RESULT_NAMES: Record<QuestionResult, string> = {
  supported: 'поддержано (решено положительно)',
  not_supported: 'не поддержано (отказано)',
  explained: 'разъяснено',
};
