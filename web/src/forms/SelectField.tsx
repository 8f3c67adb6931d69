import { useId, type ReactNode } from 'react';
import { fieldDescription, FieldNotes } from './Field.tsx';
import { fieldReason } from './errorMessage.ts';

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** [value, label] pairs, in display order. */
  options: readonly (readonly [string, string])[];
  /** Label of an empty first choice ("Any", "Choose…"); none when omitted. */
  emptyLabel?: string;
  required?: boolean;
  hint?: ReactNode;
  error?: unknown;
}

/** A labelled native <select>, with the same hint and error handling as Field. */
export function SelectField({ label, name, value, onChange, options, emptyLabel, required, hint, error }: SelectFieldProps) {
  const id = useId();
  const reason = fieldReason(error, name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} onChange={(event) => onChange(event.target.value)} {...fieldDescription(id, hint, reason)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} reason={reason} />
    </div>
  );
}
