// Countries picked by name in the reader's language (search by typing), stored as ISO 3166-1
// alpha-3 codes. The list comes from the public reference API once per visit.
import { useMemo } from 'react';
import { getCountries, type Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Combobox, type ComboOption } from './Combobox.tsx';
import { useAsync } from './useAsync.ts';

let cached: Promise<Country[]> | undefined;

function loadCountries(): Promise<Country[]> {
  cached ??= getCountries().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The countries as pick-list options, sorted by name in the reader's language; empty while loading. */
export function useCountryOptions(): { options: ComboOption[]; nameOf: (iso3: string) => string; failed: boolean } {
  const { name, compare } = useI18n();
  const [loaded] = useAsync(() => loadCountries(), []);
  const countries = loaded.status === 'ready' ? loaded.data : null;
  return useMemo(() => {
    const options = (countries ?? [])
      .map((c) => ({ value: c.iso3, label: name(c.names), keywords: `${c.iso3} ${c.iso2} ${c.names.en}` }))
      .sort((a, b) => compare(a.label, b.label));
    const byCode = new Map(options.map((o) => [o.value, o.label]));
    return { options, nameOf: (iso3: string) => byCode.get(iso3) ?? iso3, failed: loaded.status === 'error' };
  }, [countries, name, compare, loaded.status]);
}

interface Control {
  /** The input's id, for the caller's <label htmlFor>. */
  id: string;
  describedBy?: string | undefined;
  invalid?: boolean;
}

/** One country ('' while none is chosen). */
export function CountrySelect({ id, value, onChange, describedBy, invalid }: Control & { value: string; onChange: (iso3: string) => void }) {
  const { options } = useCountryOptions();
  return <Combobox id={id} options={options} value={value} onPick={onChange} describedBy={describedBy} invalid={invalid ?? false} />;
}

/** Several countries: the chosen ones as a list with remove buttons, and a search to add one. */
export function CountryListSelect({ id, label, value, onChange, describedBy, invalid, max = 10 }: Control & { label: string; value: readonly string[]; onChange: (iso3s: string[]) => void; max?: number }) {
  const { t } = useI18n();
  const { options, nameOf } = useCountryOptions();
  const remaining = useMemo(() => options.filter((o) => !value.includes(o.value)), [options, value]);
  return (
    <div className="country-list-select">
      {value.length === 0 ? (
        <p className="field-hint">{t('picker.noneChosen')}</p>
      ) : (
        <ul className="chosen-list" aria-label={t('picker.chosen', { field: label })}>
          {value.map((code) => (
            <li key={code} data-value={code}>
              <span>{nameOf(code)}</span>
              <button type="button" aria-label={t('picker.remove', { name: nameOf(code) })} onClick={() => {
                  onChange(value.filter((c) => c !== code));
                  // The button disappears: the focus goes back to the search, not to the page's start.
                  document.getElementById(id)?.focus();
                }}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {value.length < max && <Combobox id={id} options={remaining} value="" clearOnPick onPick={(code) => onChange([...value, code])} describedBy={describedBy} invalid={invalid ?? false} />}
    </div>
  );
}
