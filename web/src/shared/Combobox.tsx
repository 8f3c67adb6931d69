// A searchable pick list after the WAI-ARIA combobox pattern: an input that filters a listbox
// as the reader types; arrow keys move through the matches, Enter picks, Escape closes.
// The focus stays in the input (aria-activedescendant), so screen readers announce the option.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { matchOptions, type ComboOption } from './matchOptions.ts';
import './combobox.css';

export type { ComboOption };

interface Props {
  id: string;
  options: readonly ComboOption[];
  /** The chosen value ('' for none). In "add" mode the input empties after each pick. */
  value: string;
  onPick: (value: string) => void;
  /** Clears the input after a pick (for adding to a list). */
  clearOnPick?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** Shown at most; more matches are reached by typing more. */
  limit?: number;
}

export function Combobox({ id, options, value, onPick, clearOnPick = false, describedBy, invalid, limit = 60 }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const hintId = `${listId}-hint`;
  const chosenLabel = options.find((o) => o.value === value)?.label ?? value;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchOptions(options, query ?? '', limit), [options, query, limit]);
  const shown = query ?? (clearOnPick ? '' : chosenLabel);

  function pick(option: ComboOption | undefined) {
    if (!option) return;
    onPick(option.value);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length ? (a + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter' && open && matches.length > 0) {
      // Picks instead of submitting the surrounding form.
      e.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setQuery(null);
    }
  }

  const activeId = open && matches.length ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined;
  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        value={shown}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
      />
      <span id={hintId} className="visually-hidden">
        {t('picker.hint')}
      </span>
      <ul id={listId} role="listbox" className="combobox-list" hidden={!open}>
        {matches.map((o, i) => (
          <li
            key={o.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input must not lose the focus first (its blur closes the list).
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            {o.label}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status">
        {open && (matches.length ? t('picker.matches', { count: matches.length }) : t('picker.noMatch', { query: query ?? '' }))}
      </span>
    </div>
  );
}
