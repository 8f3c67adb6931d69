// One value-or-reason field: "known" with its value, or why there is none. Not collected,
// unknown and not applicable stay distinct choices, as the standard requires; "suppressed"
// (set by imports of aggregated sources) is shown and kept, but not offered for new entries.
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
  /** A problem that does not stop a draft from being saved, only the case from being submitted. */
  warning?: string | undefined;
}

export function KnownField<T>({ label, path, value, onChange, initial, children, error, warning }: Props<T>) {
  const { t } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const mode = 'value' in value ? 'known' : value.reason;
  const describedBy = [error ? errorId : '', warning ? warningId : ''].filter(Boolean).join(' ') || undefined;
  const offered: string[] = mode === 'suppressed' ? [...reasons, 'suppressed'] : reasons;
  return (
    <fieldset className="known-field" data-field={path}>
      <legend>{label}</legend>
      <label htmlFor={`${id}-mode`} className="visually-hidden">
        {t('incidents.form.whyMissing', { field: label })}
      </label>
      <select
        id={`${id}-mode`}
        value={mode}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value === 'known' ? { value: initial } : { reason: e.target.value as Reason | 'suppressed' })}
      >
        <option value="known">{t('incidents.reason.known')}</option>
        {offered.map((r) => (
          <option key={r} value={r}>
            {t(`incidents.reason.${r as Reason | 'suppressed'}`)}
          </option>
        ))}
      </select>
      {'value' in value && children({ id: `${id}-value`, describedBy, invalid: !!error })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {warning && (
        <p className="field-warning" id={warningId}>
          {warning}
        </p>
      )}
    </fieldset>
  );
}
