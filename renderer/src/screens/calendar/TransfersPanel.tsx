import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BELARUS_TRANSFERS, formatRuDate, isLocalDate } from '../../../../shared/calendar';
import { ActionLinks } from '../../components/ActionLinks';
import type { OrgTransfer } from './calendar-model';

interface Props {
  year: number;
  /** Transfers stored by the organisation (all years). */
  transfers: readonly OrgTransfer[];
  onAdd(transfer: OrgTransfer): void;
  onRemove(index: number): void;
  readOnly: boolean;
}

function AddTransferForm({ onAdd }: { onAdd(transfer: OrgTransfer): void }) {
  const { t } = useTranslation();
  const [dayOff, setDayOff] = useState('');
  const [workday, setWorkday] = useState('');
  const [source, setSource] = useState('');
  const [problem, setProblem] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isLocalDate(dayOff) || !isLocalDate(workday) || !source.trim()) {
      setProblem(true);
      return;
    }
    onAdd({ year: Number(dayOff.slice(0, 4)), dayOff, workday, source: source.trim() });
    setDayOff('');
    setWorkday('');
    setSource('');
    setProblem(false);
  };

  return (
    <form className="cal-transfer-form" onSubmit={submit} noValidate data-testid="calendar-transfer-form">
      <label className="stack-field">
        <span>{t('calendar.transfers.dayOff')}</span>
        <input
          type="date"
          value={dayOff}
          onChange={(e) => setDayOff(e.target.value)}
          aria-invalid={problem && !dayOff}
          data-testid="calendar-transfer-dayoff"
        />
      </label>
      <label className="stack-field">
        <span>{t('calendar.transfers.workday')}</span>
        <input
          type="date"
          value={workday}
          onChange={(e) => setWorkday(e.target.value)}
          aria-invalid={problem && !workday}
          data-testid="calendar-transfer-workday"
        />
      </label>
      <label className="stack-field cal-transfer-source">
        <span>{t('calendar.transfers.source')}</span>
        <input
          value={source}
          maxLength={300}
          placeholder={t('calendar.transfers.sourcePlaceholder')}
          onChange={(e) => setSource(e.target.value)}
          aria-invalid={problem && !source.trim()}
          data-testid="calendar-transfer-source"
        />
      </label>
      <button type="submit" data-testid="calendar-transfer-add">
        {t('calendar.transfers.add')}
      </button>
      {problem && (
        <div className="field-error cal-transfer-problem" role="alert">
          {t('calendar.transfers.required')}
        </div>
      )}
    </form>
  );
}

/**
 * «Переносы рабочих дней»: the Council of Ministers' transfers. The published ones are built in and
 * shown for the year on screen; the organisation adds later years' as data once they are published.
 */
export function TransfersPanel({ year, transfers, onAdd, onRemove, readOnly }: Props) {
  const { t } = useTranslation();
  const builtIn = BELARUS_TRANSFERS.filter((tr) => tr.year === year);
  const own = transfers.map((tr, index) => ({ tr, index })).sort((a, b) => (a.tr.dayOff < b.tr.dayOff ? -1 : 1));
  return (
    <section className="card-block cal-panel" data-testid="calendar-transfers" aria-labelledby="cal-transfers-title">
      <h2 id="cal-transfers-title">{t('calendar.transfers.title')}</h2>
      <p className="hint">{t('calendar.transfers.hint')}</p>
      <table className="table cal-transfers">
        <thead>
          <tr>
            <th scope="col">{t('calendar.transfers.dayOff')}</th>
            <th scope="col">{t('calendar.transfers.workday')}</th>
            <th scope="col">{t('calendar.transfers.source')}</th>
            <th scope="col" className="actions" aria-label={t('calendar.transfers.actions')} />
          </tr>
        </thead>
        <tbody>
          {builtIn.map((tr) => (
            <tr key={`built-in-${tr.dayOff}`} className="cal-built-in" data-testid="calendar-transfer-built-in">
              <td className="nums">{formatRuDate(tr.dayOff)}</td>
              <td className="nums">{formatRuDate(tr.workday)}</td>
              <td>{tr.source}</td>
              <td className="actions muted">{t('calendar.transfers.builtIn')}</td>
            </tr>
          ))}
          {own.map(({ tr, index }) => (
            <tr
              key={`${index}-${tr.dayOff}-${tr.workday}`}
              data-testid="calendar-transfer-row"
              data-day-off={tr.dayOff}
            >
              <td className="nums">{isLocalDate(tr.dayOff) ? formatRuDate(tr.dayOff) : tr.dayOff}</td>
              <td className="nums">{isLocalDate(tr.workday) ? formatRuDate(tr.workday) : tr.workday}</td>
              <td>{tr.source}</td>
              <td className="actions">
                <ActionLinks
                  actions={[
                    !readOnly && {
                      label: t('calendar.transfers.remove'),
                      onClick: () => onRemove(index),
                      testId: 'calendar-transfer-remove',
                    },
                  ]}
                />
              </td>
            </tr>
          ))}
          {builtIn.length === 0 && own.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('calendar.transfers.none', { year: String(year) })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && <AddTransferForm onAdd={onAdd} />}
    </section>
  );
}
