import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarAppeal } from '../../../../shared/appeals';
import { api } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/minsk-date';
import { useDebounced } from '../../lib/use-debounced';
import { useForm } from './form-context';

/**
 * Earlier appeals of the same applicant (full name + address, or УНП), looked up while the clerk types;
 * those on the same question come first. The clerk ticks the ones this appeal repeats — the decision
 * is the clerk's, nothing is marked automatically.
 */
export function RepeatsSection() {
  const { t } = useTranslation();
  const { state, update, saved } = useForm();
  const query = useMemo(
    () => ({ id: saved.id, applicant: state.applicant, topicCodes: state.topicCodes, summary: state.summary }),
    [saved.id, state.applicant, state.topicCodes, state.summary],
  );
  const debounced = useDebounced(query, 400);
  const [found, setFound] = useState<SimilarAppeal[]>([]);

  useEffect(() => {
    let alive = true;
    api.call('appeals:similar', debounced).then(
      (r) => alive && setFound(r.appeals),
      () => alive && setFound([]),
    );
    return () => {
      alive = false;
    };
  }, [debounced]);

  if (found.length === 0 && state.repeatOf.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    update('repeatOf', on ? [...state.repeatOf, id] : state.repeatOf.filter((x) => x !== id));
  return (
    <fieldset className="form-section repeats" data-testid="repeats-section">
      <legend>{t('form.repeats.title', { count: found.length })}</legend>
      <p className="muted small">{t('form.repeats.hint')}</p>
      <ul className="repeat-list">
        {found.map((a) => (
          <li key={a.id} data-testid="repeat-candidate" data-id={a.id} data-same-question={a.sameQuestion}>
            <label>
              <input
                type="checkbox"
                checked={state.repeatOf.includes(a.id)}
                onChange={(e) => toggle(a.id, e.target.checked)}
                data-testid="repeat-mark"
              />{' '}
              <strong>№ {a.regNumber}</strong> {t('form.repeats.of')} {formatDate(a.registeredAt)}{' '}
              <StatusBadge status={a.status} /> {a.summary}
              {a.sameQuestion && (
                <span className="note-tag" data-testid="repeat-same-question">
                  {t('form.repeats.sameQuestion')}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
