import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldReason } from './errorMessage.ts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

interface FieldProps extends InputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The last failed request: its `details` entry for this field is shown under the input. */
  error?: unknown;
  /** A problem found before sending (e.g. passwords that differ). */
  problem?: string;
}

/** A labelled input; a hint and any error are tied to it with aria-describedby. */
export function Field({ label, name, value, onChange, hint, error, problem, ...input }: FieldProps) {
  const id = useId();
  const reason = fieldReason(error, name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...fieldDescription(id, hint, problem ?? reason)}
        {...input}
      />
      <FieldNotes id={id} hint={hint} problem={problem} reason={reason} />
    </div>
  );
}

/** aria-invalid and aria-describedby for a control with an optional hint and error. */
export function fieldDescription(id: string, hint: ReactNode, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

/** The hint and error texts of a control, with the ids `fieldDescription` refers to. */
export function FieldNotes({ id, hint, problem, reason }: { id: string; hint?: ReactNode; problem?: string; reason?: string }) {
  const { t } = useI18n();
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {(problem ?? reason) && (
        <p className="field-error" id={`${id}-error`}>
          {problem ?? (
            <>
              {t('form.fieldInvalid')}{' '}
              {/* The server's reason is English: marked so it is read with the right voice. */}
              <span lang="en" dir="ltr">
                ({reason})
              </span>
            </>
          )}
        </p>
      )}
    </>
  );
}
