import { useTranslation } from 'react-i18next';
import type { AppealRow } from '../../../../shared/appeals';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { RegNumber } from '../../components/RegNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../lib/minsk-date';
import { COLUMNS } from './columns';

interface Props {
  row: AppealRow | undefined;
  index: number;
  active: boolean;
  selected: boolean;
  onToggle(id: string): void;
  onOpen(row: AppealRow): void;
  onActivate(index: number): void;
}

export function AppealRowView({ row, index, active, selected, onToggle, onOpen, onActivate }: Props) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <tr className="placeholder" aria-rowindex={index + 2}>
        <td colSpan={COLUMNS.length}>…</td>
      </tr>
    );
  }
  const state = row.deadlineState;
  const form = t(`enums.form.${row.form}`);
  const formShort = t(`enums.formShort.${row.form}`);
  return (
    <tr
      id={`appeal-row-${index}`}
      className={`${active ? 'active' : ''}${index % 2 ? ' odd' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="appeal-row"
      data-id={row.id}
      data-index={index}
      onMouseDown={() => onActivate(index)}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(row)}
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside takes the keyboard; the cell only keeps the click from opening the card */}
      <td className="select-cell" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(row.id)}
          aria-label={t('pdfExport.selectRow', { number: row.regNumber ?? '' })}
          data-testid="row-select"
        />
      </td>
      <td>
        <RegNumber number={row.regNumber} provisional={row.numberProvisional} testId="row-reg-number" />
      </td>
      <td className="nums">{formatDateTime(row.receivedAt)}</td>
      <td title={row.applicant}>{row.applicant}</td>
      <td title={row.summary}>{row.summary}</td>
      <td>{t(`enums.kind.${row.kind}`)}</td>
      <td title={form}>{formShort}</td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td
        className={state === 'overdue' ? 'nums deadline-cell overdue' : 'nums deadline-cell'}
        title={formatDateTime(row.deadlineAt) || undefined}
        data-testid="row-deadline"
      >
        <span className="deadline-date">{formatDate(row.deadlineAt)}</span>
        {state && <DeadlineBadge state={state} />}
      </td>
      <td title={row.responsibleHead ?? undefined}>{row.responsibleHead ?? ''}</td>
    </tr>
  );
}
