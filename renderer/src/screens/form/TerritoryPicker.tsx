import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionaries } from '../../app/session';
import { Autocomplete } from '../../components/Autocomplete';
import { useFieldProps, useForm } from './form-context';

/** One territory: shows the chosen name; typing searches by code or words; clearing the text clears it. */
export function TerritoryPicker() {
  const { t } = useTranslation();
  const { state, update } = useForm();
  const { territories, territoryByCode } = useDictionaries();
  const { onBlur, ...fieldProps } = useFieldProps('territoryCode');
  const chosen = territoryByCode.get(state.territoryCode);
  const shown = chosen ? chosen.name : state.territoryCode;
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Autocomplete
      items={territories}
      text={editing ?? shown}
      onTextChange={setEditing}
      onPick={(item) => {
        update('territoryCode', item.code);
        setEditing(null);
      }}
      onFocus={() => setEditing(null)}
      onBlur={() => {
        if (editing !== null && editing.trim() === '') update('territoryCode', '');
        setEditing(null);
        onBlur();
      }}
      emptyText={t('form.topics.noMatches')}
      inputProps={{ ...fieldProps, placeholder: t('form.placeholders.territory'), title: chosen?.code }}
    />
  );
}
