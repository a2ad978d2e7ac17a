import { useTranslation } from 'react-i18next';
import type { AppealCard } from '../../../../shared/appeals';
import { useDictionaries } from '../../app/session';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { RegNumber } from '../../components/RegNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { knownDeadlineState } from '../../lib/deadline-states';
import { formatDateTime } from '../../lib/minsk-date';
import { routeHash } from '../../lib/router';
import { Requisite } from './Requisite';

function ApplicantBlock({ card }: { card: AppealCard }) {
  const { t } = useTranslation();
  const { categoryByCode } = useDictionaries();
  const a = card.applicant;
  return (
    <section className="card-block">
      <h2>{t('card.sections.applicant')}</h2>
      <dl className="requisites">
        <Requisite label={t('fields.applicant.kind')}>{t(`enums.applicantKind.${a.kind}`)}</Requisite>
        {a.kind === 'person' ? (
          <Requisite
            label={`${t('fields.applicant.surname')}, ${t('fields.applicant.name')}, ${t('fields.applicant.patronymic')}`}
            testId="card-applicant"
          >
            {[a.surname, a.name, a.patronymic].filter(Boolean).join(' ')}
          </Requisite>
        ) : (
          <>
            <Requisite label={t('fields.applicant.orgName')} testId="card-applicant">
              {a.orgName}
            </Requisite>
            <Requisite label={t('fields.applicant.unp')}>{a.unp}</Requisite>
            <Requisite label={t('fields.applicant.signer')}>{a.signer}</Requisite>
          </>
        )}
        <Requisite label={t('fields.applicant.address')}>{a.address}</Requisite>
        <Requisite label={t('fields.applicant.phone')}>{a.phone}</Requisite>
        <Requisite label={t('fields.applicant.email')}>{a.email}</Requisite>
        <Requisite label={t('fields.applicantCategory')}>
          {categoryByCode.get(card.applicantCategory)?.name ?? card.applicantCategory}
        </Requisite>
      </dl>
    </section>
  );
}

function RegistrationBlock({ card }: { card: AppealCard }) {
  const { t } = useTranslation();
  const { headById } = useDictionaries();
  const head = card.responsibleHeadId ? (headById.get(card.responsibleHeadId) ?? card.responsibleHeadId) : '';
  // Before registration the term running is the registration one (regulation 4.4), afterwards the review term.
  const registration = card.status === 'draft' || card.status === 'received';
  const state = knownDeadlineState(card);
  return (
    <section className="card-block">
      <h2>{t('card.sections.registration')}</h2>
      <dl className="requisites">
        <Requisite label={t('card.numberLabel')}>
          {card.regNumber ? (
            <RegNumber number={card.regNumber} provisional={card.numberProvisional} />
          ) : (
            t('card.notRegistered')
          )}
        </Requisite>
        <Requisite label={t('card.status')}>
          <StatusBadge status={card.status} />
        </Requisite>
        <Requisite label={t('fields.receivedAt')}>{formatDateTime(card.receivedAt)}</Requisite>
        <Requisite label={t('fields.registeredAt')}>{formatDateTime(card.registeredAt)}</Requisite>
        <Requisite label={registration ? t('card.registrationDeadline') : t('card.deadline')} testId="card-deadline">
          {card.deadlineAt ? (
            <>
              <strong>{formatDateTime(card.deadlineAt)}</strong>
              {state && <DeadlineBadge state={state} />}
              {card.deadlineExplanation && (
                <div className="deadline-explanation" data-testid="card-deadline-explanation">
                  {card.deadlineExplanation}
                </div>
              )}
            </>
          ) : (
            t('card.noDeadline')
          )}
        </Requisite>
        <Requisite label={t('fields.responsibleHeadId')}>{head}</Requisite>
        {card.repeats.length > 0 && (
          <Requisite label={t('fields.repeatOf')}>
            <span data-testid="card-repeats">
              {card.repeats.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <a href={routeHash({ screen: 'card', id: r.id })}>№ {r.regNumber ?? r.id.slice(0, 8)}</a>
                </span>
              ))}
            </span>
          </Requisite>
        )}
      </dl>
    </section>
  );
}

function AppealBlock({ card }: { card: AppealCard }) {
  const { t } = useTranslation();
  const { topicByCode, territoryByCode } = useDictionaries();
  const territory = territoryByCode.get(card.territoryCode);
  return (
    <section className="card-block">
      <h2>{t('card.sections.appeal')}</h2>
      <dl className="requisites">
        <Requisite label={t('fields.kind')}>{t(`enums.kind.${card.kind}`)}</Requisite>
        <Requisite label={t('fields.appealType')}>{t(`enums.appealType.${card.appealType}`)}</Requisite>
        <Requisite label={t('fields.form')}>{t(`enums.form.${card.form}`)}</Requisite>
        <Requisite label={t('fields.source')}>{t(`enums.source.${card.source}`)}</Requisite>
        <Requisite label={t('fields.answerForm')}>{t(`enums.answerForm.${card.answerForm}`)}</Requisite>
        <Requisite label={t('fields.topicCodes')}>
          {card.topicCodes.length > 0 && (
            <ul className="plain-list">
              {card.topicCodes.map((code) => (
                <li key={code}>
                  <span className="code">{code}</span> {topicByCode.get(code)?.name ?? ''}
                </li>
              ))}
            </ul>
          )}
        </Requisite>
        <Requisite label={t('fields.territoryCode')}>{territory ? territory.name : card.territoryCode}</Requisite>
        <Requisite label={t('card.needsStudy')}>{card.needsAdditionalStudy ? t('app.yes') : t('app.no')}</Requisite>
      </dl>
    </section>
  );
}

/** All requisites of the card in two columns, then the text of the appeal. */
export function CardRequisites({ card }: { card: AppealCard }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="card-columns">
        <div>
          <ApplicantBlock card={card} />
          <AppealBlock card={card} />
        </div>
        <div>
          <RegistrationBlock card={card} />
        </div>
      </div>
      <section className="card-block">
        <h2>{t('card.sections.content')}</h2>
        <dl className="requisites">
          <Requisite label={t('fields.summary')} testId="card-summary">
            {card.summary}
          </Requisite>
          <Requisite label={t('fields.content')}>
            {card.content && <div className="long-text">{card.content}</div>}
          </Requisite>
          <Requisite label={t('fields.notes')}>{card.notes && <div className="long-text">{card.notes}</div>}</Requisite>
        </dl>
      </section>
    </>
  );
}
