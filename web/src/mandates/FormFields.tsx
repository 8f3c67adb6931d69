// Labelled input and textarea for the mandate and round forms: like forms/Field, but told the
// problem found before sending and the server's reason directly, since their field paths
// ("paragraphs[2].label") need matching that forms/Field does not do.
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { fieldDescription, FieldNotes } from '../forms/Field.tsx';

interface Notes {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** Found before sending, in the reader's language. */
  problem?: string | undefined;
  /** The server's reason (English). */
  reason?: string | undefined;
}

export function InputField({ id: givenId, label, value, onChange, hint, problem, reason, ...input }: Notes & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} {...fieldDescription(id, hint, problem ?? reason)} {...input} />
      <FieldNotes id={id} hint={hint} problem={problem} reason={reason} />
    </div>
  );
}

export function TextAreaField({ label, value, onChange, hint, problem, reason, ...textarea }: Notes & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={3} onChange={(event) => onChange(event.target.value)} {...fieldDescription(id, hint, problem ?? reason)} {...textarea} />
      <FieldNotes id={id} hint={hint} problem={problem} reason={reason} />
    </div>
  );
}
