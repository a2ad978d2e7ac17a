import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryOrganisation } from '../../../../../../shared/review/view';
import { useSession } from '../../../../app/session';
import { useDialogFieldProps } from './dialog-form-context';
import { DialogField } from './fields';
import { useOrganisations } from './use-organisations';

/** Which organisations may receive: a redirect only state ones [4.8], an instruction only subordinate ones [4.7]. */
export type OrganisationNeed = 'state' | 'subordinate' | 'any';

const matches = (o: DirectoryOrganisation, q: string) =>
  q === '' || o.name.toLowerCase().includes(q) || o.unp.includes(q);

/**
 * An organisation of the directory: a search box over a list. For a redirect non-state organisations stay
 * in the list, disabled, with the reason; for an instruction only subordinate organisations are listed.
 */
export function OrganisationPicker(props: { need: OrganisationNeed; value: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  const { info } = useSession();
  const { organisations, error } = useOrganisations();
  const [query, setQuery] = useState('');
  const fieldProps = useDialogFieldProps('orgId');
  const q = query.trim().toLowerCase();
  // The organisation itself is in the directory too; nobody sends a letter to themselves.
  const listed = (organisations ?? []).filter(
    (o) => o.name !== info.organisation && (props.need !== 'subordinate' || o.subordinate),
  );
  const shown = listed.filter((o) => matches(o, q) || o.id === props.value);
  const disabled = (o: DirectoryOrganisation) => props.need === 'state' && !o.state;
  const hint =
    props.need === 'state'
      ? t('review.form.orgNonStateHint')
      : props.need === 'subordinate'
        ? t('review.form.orgSubordinateHint')
        : undefined;

  return (
    <DialogField path="orgId" label={t('review.form.organisation')} required hint={hint}>
      {error && <div className="field-error">{t('review.form.orgLoadError', { message: error })}</div>}
      {!organisations && !error && <div className="muted small">{t('review.form.orgLoading')}</div>}
      {organisations && listed.length === 0 && props.need === 'subordinate' && (
        <div className="muted" data-testid="review-org-none">
          {t('review.form.orgNoSubordinate')}
        </div>
      )}
      {organisations && listed.length > 0 && (
        <div className="org-picker">
          <input
            type="search"
            placeholder={t('review.form.orgFilter')}
            aria-label={t('review.form.orgFilter')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="review-field-orgFilter"
          />
          <select {...fieldProps} size={6} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
            {shown.map((o) => (
              <option
                key={o.id}
                value={o.id}
                disabled={disabled(o)}
                title={disabled(o) ? `${o.name}. ${t('review.form.orgNonStateHint')}` : o.name}
                data-state={o.state ? 'state' : 'non-state'}
              >
                {o.name}
                {o.unp ? ` — ${t('review.form.unp', { unp: o.unp })}` : ''}
                {disabled(o) ? ` (${t('review.form.orgNonState')})` : ''}
              </option>
            ))}
          </select>
          {shown.length === 0 && <div className="muted small">{t('review.form.orgNone')}</div>}
        </div>
      )}
    </DialogField>
  );
}
