import { useTranslation } from 'react-i18next';
import type { ReviewView } from '../../../../../shared/review/view';
import { formatDate, formatDateTime } from '../../../lib/minsk-date';
import { Requisite } from '../Requisite';
import { TopicName } from './TopicName';

type Term = NonNullable<ReviewView['redirectTerm']>;

function TermValue({ term, testId }: { term: Term; testId: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`review-term term-${term.state}`}
      data-testid={testId}
      data-state={term.state}
      title={term.state === 'expired' ? term.explanation : undefined}
    >
      <strong>{formatDateTime(term.deadlineAt)}</strong>{' '}
      <span className={`term-badge term-badge-${term.state}`}>{t(`review.termState.${term.state}`)}</span>
      {/* A passed term matters no more: its explanation stays in the tooltip. */}
      {term.explanation && term.state !== 'expired' && <span className="deadline-explanation">{term.explanation}</span>}
    </span>
  );
}

/** The appeal's questions: who answers each, its result, or where it was redirected. */
function Questions({ questions }: { questions: ReviewView['questions'] }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list review-questions">
      {questions.map((q) => {
        const about = q.redirectedTo
          ? t('review.questions.redirectedTo', { org: q.redirectedTo })
          : [q.executor?.name, q.result ? t(`review.questionResult.${q.result}`) : ''].filter(Boolean).join('; ');
        return (
          <li key={q.topicCode} data-testid="review-question" data-code={q.topicCode} data-result={q.result ?? ''}>
            <TopicName code={q.topicCode} />
            {about && <span className="muted"> — {about}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** Who answers for the appeal, whether it is on control, and the terms that run from registration. */
export function ReviewOverview({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const { control, redirectTerm, noticeTerm } = view;
  return (
    <>
      {redirectTerm?.state === 'last_day' && (
        <p className="banner banner-warn" role="alert" data-testid="review-redirect-last-day">
          {t('review.redirectLastDay')}
        </p>
      )}
      {noticeTerm?.state === 'last_day' && (
        <p className="banner banner-warn" data-testid="review-notice-last-day">
          {t('review.noticeLastDay')}
        </p>
      )}
      <dl className="requisites">
        <Requisite label={t('review.responsibleHead')} testId="review-responsible-head">
          {view.responsibleHead?.name ?? <span className="muted">{t('review.notAssigned')}</span>}
        </Requisite>
        <Requisite label={t('review.control')} testId="review-control">
          {control ? (
            <>
              {t('review.controlLine', { controller: control.controller.name, date: formatDate(control.dueAt) })}
              {control.note && <div className="muted small long-text">{control.note}</div>}
            </>
          ) : (
            <span className="muted">{t('review.noControl')}</span>
          )}
        </Requisite>
        {view.questions.length > 0 && (
          <Requisite label={t('review.questions.title')}>
            <Questions questions={view.questions} />
          </Requisite>
        )}
        {redirectTerm && (
          <Requisite label={t('review.redirectTerm')}>
            <TermValue term={redirectTerm} testId="review-redirect-term" />
          </Requisite>
        )}
        {noticeTerm && (
          <Requisite label={t('review.noticeTerm')}>
            <TermValue term={noticeTerm} testId="review-notice-term" />
          </Requisite>
        )}
      </dl>
    </>
  );
}
