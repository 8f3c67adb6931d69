// One value-or-reason field: "known" with its value, or why there is none. Not collected,
// unknown and not applicable stay distinct choices, as the standard requires.
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Known, Reason } from './model.ts';

const reasons: Reason[] = ['not_collected', 'unknown', 'not_applicable'];

interface Props<T> {
  label: string;
  /** Path of the field in the case document, e.g. "victims.0.ageBand". */
  path: string;
  value: Known<T>;
  onChange: (next: Known<T>) => void;
  /** The value a field switched to "known" starts with. */
  initial: T;
  /** The editor of the known value, given its id and aria attributes. */
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  error?: string | undefined;
}

export function KnownField<T>({ label, path, value, onChange, initial, children, error }: Props<T>) {
  const { t } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const mode = 'value' in value ? 'known' : value.reason;
  return (
    <fieldset className="known-field" data-field={path}>
      <legend>{label}</legend>
      <label htmlFor={`${id}-mode`} className="visually-hidden">
        {t('incidents.form.whyMissing', { field: label })}
      </label>
      <select
        id={`${id}-mode`}
        value={mode}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value === 'known' ? { value: initial } : { reason: e.target.value as Reason })}
      >
        <option value="known">{t('incidents.reason.known')}</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t(`incidents.reason.${r}`)}
          </option>
        ))}
      </select>
      {'value' in value && children({ id: `${id}-value`, describedBy: error ? errorId : undefined, invalid: !!error })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
