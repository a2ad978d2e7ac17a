import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionaries } from '../../app/session';
import { Autocomplete } from '../../components/Autocomplete';
import { useFieldProps, useForm } from './form-context';

/** Several topics of the unified classifier: type a code or words, Enter adds, Backspace removes the last. */
export function TopicsPicker() {
  const { t } = useTranslation();
  const { state, update } = useForm();
  const { topics, topicByCode } = useDictionaries();
  const { onBlur, ...fieldProps } = useFieldProps('topicCodes');
  const [text, setText] = useState('');
  const selected = state.topicCodes;

  return (
    <div className="chips-input">
      {selected.map((code) => {
        const name = topicByCode.get(code)?.name ?? '';
        return (
          <span key={code} className="chip" data-testid="topic-chip" data-code={code} title={name}>
            <span className="code">{code}</span> {name}
            <button
              type="button"
              tabIndex={-1}
              className="chip-remove"
              aria-label={t('form.topics.remove', { name: name || code })}
              onClick={() =>
                update(
                  'topicCodes',
                  selected.filter((c) => c !== code),
                )
              }
            >
              ×
            </button>
          </span>
        );
      })}
      <Autocomplete
        items={topics}
        exclude={new Set(selected)}
        text={text}
        onTextChange={setText}
        onPick={(item) => {
          update('topicCodes', [...selected, item.code]);
          setText('');
        }}
        onOtherKey={(e) => {
          if (e.key === 'Backspace' && text === '' && selected.length > 0) {
            update('topicCodes', selected.slice(0, -1));
          }
        }}
        onBlur={onBlur}
        emptyText={t('form.topics.noMatches')}
        inputProps={{ ...fieldProps, placeholder: selected.length ? '' : t('form.placeholders.topics') }}
      />
    </div>
  );
}
