import { useTranslation } from 'react-i18next';
import type { AppealRow, AppealStatus } from '../../../../shared/appeals';
import { RegNumber } from '../../components/RegNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime, isPast } from '../../lib/minsk-date';

const RUNNING: ReadonlySet<AppealStatus> = new Set(['received', 'registered', 'under_resolution']);

interface Props {
  row: AppealRow | undefined;
  index: number;
  start: number;
  active: boolean;
  onOpen(row: AppealRow): void;
  onActivate(index: number): void;
}

export function AppealRowView({ row, index, start, active, onOpen, onActivate }: Props) {
  const { t } = useTranslation();
  const style = { transform: `translateY(${start}px)` };
  if (!row) {
    return (
      <div className="grid-row placeholder" style={style} role="row" aria-rowindex={index + 2}>
        <div className="cell">…</div>
      </div>
    );
  }
  const overdue = RUNNING.has(row.status) && isPast(row.deadlineAt);
  return (
    <div
      id={`appeal-row-${index}`}
      className={`grid-row${active ? ' active' : ''}${index % 2 ? ' odd' : ''}`}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="appeal-row"
      data-id={row.id}
      data-index={index}
      onMouseDown={() => onActivate(index)}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(row)}
    >
      <div className="cell col-regNumber" role="gridcell">
        <RegNumber number={row.regNumber} provisional={row.numberProvisional} testId="row-reg-number" />
      </div>
      <div className="cell col-receivedAt" role="gridcell">
        {formatDateTime(row.receivedAt)}
      </div>
      <div className="cell col-applicant" role="gridcell" title={row.applicant}>
        {row.applicant}
      </div>
      <div className="cell col-summary" role="gridcell" title={row.summary}>
        {row.summary}
      </div>
      <div className="cell col-kind" role="gridcell">
        {t(`enums.kind.${row.kind}`)}
      </div>
      <div className="cell col-form" role="gridcell" title={t(`enums.form.${row.form}`)}>
        {t(`enums.form.${row.form}`)}
      </div>
      <div className="cell col-status" role="gridcell">
        <StatusBadge status={row.status} />
      </div>
      <div
        className={overdue ? 'cell col-deadlineAt overdue' : 'cell col-deadlineAt'}
        role="gridcell"
        title={overdue ? t('list.overdue') : undefined}
      >
        {formatDate(row.deadlineAt)}
      </div>
      <div className="cell col-responsibleHead" role="gridcell" title={row.responsibleHead ?? undefined}>
        {row.responsibleHead ?? ''}
      </div>
    </div>
  );
}
