import { type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryItem } from '../app/session';
import { searchDictionary } from './dictionary-search';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'onKeyDown' | 'onBlur' | 'onFocus'
>;

interface Props {
  items: readonly DictionaryItem[];
  text: string;
  onTextChange(text: string): void;
  onPick(item: DictionaryItem): void;
  exclude?: ReadonlySet<string>;
  /** Keys the picker does not handle itself (Backspace on an empty topics box). */
  onOtherKey?(e: React.KeyboardEvent<HTMLInputElement>): void;
  onBlur?(): void;
  onFocus?(): void;
  inputProps: InputProps & Record<`data-${string}`, string | undefined>;
  emptyText: string;
}

/**
 * A text box with a dictionary listbox (ARIA combobox). ↓/↑ move, Enter picks and stays, Tab picks the
 * highlighted item and moves on, Esc closes the list.
 */
export function Autocomplete(props: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const matches = open ? searchDictionary(props.items, props.text, 12, props.exclude) : [];
  const current = matches[Math.min(highlight, matches.length - 1)];
  const listRef = useRef<HTMLDivElement>(null);

  // Inside a scrolling form the list may open below the visible area: bring it into view.
  useEffect(() => {
    if (open) listRef.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const currentId = open && current ? `${listId}-${current.code}` : undefined;
  useEffect(() => {
    if (currentId) document.getElementById(currentId)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const pick = (item: DictionaryItem) => {
    props.onPick(item);
    setHighlight(0);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setHighlight((h) => Math.min(h + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (e.key === 'Enter' && open && current && !e.ctrlKey) {
      e.preventDefault();
      pick(current);
    } else if (e.key === 'Tab' && !e.shiftKey && open && current && props.text.trim()) {
      pick(current);
      setOpen(false);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else props.onOtherKey?.(e);
  };

  return (
    <div className="autocomplete">
      <input
        {...props.inputProps}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={currentId}
        autoComplete="off"
        spellCheck={false}
        value={props.text}
        onChange={(e) => {
          props.onTextChange(e.target.value);
          setOpen(true);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => props.onFocus?.()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          props.onBlur?.();
        }}
      />
      {open && (
        <div ref={listRef} className="autocomplete-list" id={listId} role="listbox" aria-label={t('list.searchLabel')}>
          {matches.length === 0 && <div className="autocomplete-empty">{props.emptyText}</div>}
          {matches.map((item, i) => (
            <div
              key={item.code}
              id={`${listId}-${item.code}`}
              role="option"
              tabIndex={-1}
              aria-selected={item === current}
              className={item === current ? 'highlight' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setHighlight(i)}
              data-testid="autocomplete-option"
              data-code={item.code}
            >
              <span className="code">{item.code}</span> {item.name}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
