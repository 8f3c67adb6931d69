import { useState, type FormEvent } from 'react';
import type { Country, Organisation } from '../api.ts';
import { Field } from '../forms/Field.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { pillarKeys, statusKeys } from '../monitoring/labels.ts';
import { emptyFilters, type SearchFilters } from './activitiesApi.ts';

interface SearchFormProps {
  initial: SearchFilters;
  countries: readonly Country[];
  organisations: readonly Organisation[];
  onSearch: (filters: SearchFilters) => void;
  /** The last refused search: its field errors are shown under the inputs. */
  error: unknown;
}

/** Words and filters of the activity search; applied on submit (Enter in any field). */
export function SearchForm({ initial, countries, organisations, onSearch, error }: SearchFormProps) {
  const { t, name, compare } = useI18n();
  const [filters, setFilters] = useState<SearchFilters>(initial);
  const set = (key: keyof SearchFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filters);
  };
  const countryOptions = countries.map((c) => [c.iso3, name(c.names)] as const).sort((a, b) => compare(a[1], b[1]));
  const organisationOptions = organisations.map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name] as const).sort((a, b) => compare(a[1], b[1]));
  return (
    <form className="filters activity-search" role="search" onSubmit={submit}>
      <Field label={t('activities.search.words')} name="q" type="search" value={filters.q} onChange={set('q')} hint={t('activities.search.wordsHint')} error={error} maxLength={200} />
      <SelectField label={t('activities.search.country')} name="country" value={filters.country} onChange={set('country')} options={countryOptions} emptyLabel={t('activities.search.any')} error={error} />
      <SelectField label={t('activities.search.organisation')} name="organisation" value={filters.organisation} onChange={set('organisation')} options={organisationOptions} emptyLabel={t('activities.search.any')} error={error} />
      <SelectField
        label={t('activities.search.pillar')}
        name="pillar"
        value={filters.pillar}
        onChange={set('pillar')}
        options={Object.entries(pillarKeys).map(([code, key]) => [code, t(key)] as const)}
        emptyLabel={t('activities.search.any')}
        error={error}
      />
      <SelectField
        label={t('activities.search.status')}
        name="status"
        value={filters.status}
        onChange={set('status')}
        options={Object.entries(statusKeys).map(([code, key]) => [code, t(key)] as const)}
        emptyLabel={t('activities.search.any')}
        error={error}
      />
      <Field label={t('activities.search.from')} name="from" type="date" value={filters.from} onChange={set('from')} error={error} />
      <Field label={t('activities.search.to')} name="to" type="date" value={filters.to} onChange={set('to')} error={error} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('activities.search.submit')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setFilters(emptyFilters);
            onSearch(emptyFilters);
          }}
        >
          {t('activities.search.clear')}
        </button>
      </div>
    </form>
  );
}
