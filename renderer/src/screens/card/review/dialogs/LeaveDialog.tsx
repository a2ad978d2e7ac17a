import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAVE_GROUNDS, type LeaveGround } from '../../../../../../shared/review/actions';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { LEAVE_GROUND_TEXTS } from '../../../../../../shared/review/vocabulary-ru';
import { type Built, DialogForm } from './DialogForm';
import { SelectField, TextAreaField } from './fields';
import { useMustHave } from './must-have';

const standardText = (ground: LeaveGround | '') => (ground ? LEAVE_GROUND_TEXTS[ground].text : '');

/**
 * «Оставить без рассмотрения» (Law 300-З art. 15) [4.5]: the ground fills in its standard notice text; the
 * text stays editable, and a text the user changed is not overwritten when the ground changes.
 */
export function LeaveDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const [ground, setGround] = useState<LeaveGround | ''>('');
  const [text, setText] = useState('');
  const must = useMustHave();

  const pickGround = (raw: string) => {
    const next = LEAVE_GROUNDS.find((g) => g === raw) ?? '';
    if (text.trim() === '' || text === standardText(ground)) setText(standardText(next));
    setGround(next);
  };

  const build = (): Built => ({
    action: { type: 'leaveWithoutConsideration', ground: ground || 'other', text },
    issues: must.chosen('ground', t('review.form.ground'), ground),
  });

  return (
    <DialogForm target={target} build={build} wide>
      <SelectField
        path="ground"
        label={t('review.form.ground')}
        value={ground}
        placeholder={t('review.form.select')}
        options={LEAVE_GROUNDS.map((g) => ({ value: g, label: t(`review.leaveGround.${g}`) }))}
        onChange={pickGround}
        required
      />
      <TextAreaField
        path="text"
        label={t('review.form.noticeText')}
        value={text}
        onChange={setText}
        required
        rows={6}
        maxLength={4000}
        hint={ground && ground !== 'other' ? t('review.form.noticeHint') : undefined}
      />
    </DialogForm>
  );
}
