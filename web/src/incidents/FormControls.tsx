// The controls the case form's steps are made of. Each shows the error (blocks saving) and the
// warning (blocks only submission) found for its path in the case document, tied to the
// control with aria-describedby.
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CountryListSelect, CountrySelect } from '../shared/CountrySelect.tsx';
import { KnownField } from './KnownField.tsx';
import { labelKey, type ValueSet } from './labels.ts';
import type { Known } from './model.ts';

/** Problems by field path: errors stop a save, warnings only a submission. */
export interface Notes {
  errors: Map<string, string>;
  warnings: Map<string, string>;
}

interface KnownProps<T> {
  label: string;
  path: string;
  value: Known<T>;
  onChange: (v: Known<T>) => void;
  notes: Notes;
}

const noteProps = (notes: Notes, path: string) => ({ error: notes.errors.get(path), warning: notes.warnings.get(path) });

export function Select({ id, value, onChange, options, set, describedBy, invalid }: { id: string; value: string; onChange: (v: string) => void; options: readonly string[]; set: ValueSet; describedBy?: string | undefined; invalid?: boolean }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(labelKey(set, o))}
        </option>
      ))}
    </select>
  );
}

export function ValueLabel({ id, text }: { id: string; text: string }) {
  return (
    <label htmlFor={id} className="visually-hidden">
      {text}
    </label>
  );
}

export function TextInput({ label, path, value, onChange, notes, hint }: { label: string; path: string; value: string; onChange: (v: string) => void; notes: Notes; hint?: string }) {
  const id = useId();
  const error = notes.errors.get(path);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-field={path}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} aria-invalid={error ? true : undefined} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A value-or-reason field whose known value is one of a value set (or of plain options). */
export function KnownSelect({ options, set, initial, ...p }: KnownProps<string> & { options: readonly string[]; set?: ValueSet; initial?: string }) {
  const { t } = useI18n();
  return (
    <KnownField label={p.label} path={p.path} value={p.value} onChange={p.onChange} initial={initial ?? options[0]!} {...noteProps(p.notes, p.path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={p.label} />
          <select id={c.id} value={(p.value as { value: string }).value} onChange={(e) => p.onChange({ value: e.target.value })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined}>
            {options.map((o) => (
              <option key={o} value={o}>
                {set ? t(labelKey(set, o)) : o}
              </option>
            ))}
          </select>
        </>
      )}
    </KnownField>
  );
}

export function KnownText({ type = 'text', initial = '', ...p }: KnownProps<string> & { type?: string; initial?: string }) {
  return (
    <KnownField label={p.label} path={p.path} value={p.value} onChange={p.onChange} initial={initial} {...noteProps(p.notes, p.path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={p.label} />
          <input id={c.id} type={type} value={(p.value as { value: string }).value} onChange={(e) => p.onChange({ value: e.target.value })} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} />
        </>
      )}
    </KnownField>
  );
}

/**
 * Several values of a value set as a group of checkboxes (Tab and Space). "Known" with none
 * ticked is a known none, distinct from every reason.
 */
export function KnownChecks({ options, set, ...p }: KnownProps<string[]> & { options: readonly string[]; set: ValueSet }) {
  const { t } = useI18n();
  return (
    <KnownField label={p.label} path={p.path} value={p.value} onChange={p.onChange} initial={[]} {...noteProps(p.notes, p.path)}>
      {(c) => {
        const chosen = (p.value as { value: string[] }).value;
        return (
          <div className="checkbox-group" role="group" aria-label={p.label} aria-describedby={c.describedBy}>
            {options.map((o) => (
              <Checkbox key={o} label={t(labelKey(set, o))} checked={chosen.includes(o)} onChange={(on) => p.onChange({ value: on ? options.filter((x) => x === o || chosen.includes(x)) : chosen.filter((x) => x !== o) })} />
            ))}
          </div>
        );
      }}
    </KnownField>
  );
}

/** One country, picked by name in the reader's language. */
export function KnownCountry(p: KnownProps<string>) {
  return (
    <KnownField label={p.label} path={p.path} value={p.value} onChange={p.onChange} initial="" {...noteProps(p.notes, p.path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={p.label} />
          <CountrySelect id={c.id} value={(p.value as { value: string }).value} onChange={(v) => p.onChange({ value: v })} describedBy={c.describedBy} invalid={c.invalid} />
        </>
      )}
    </KnownField>
  );
}

/** Several countries (citizenships); "known" with none chosen is a known none (stateless). */
export function KnownCountries(p: KnownProps<string[]>) {
  const { t } = useI18n();
  return (
    <KnownField label={p.label} path={p.path} value={p.value} onChange={p.onChange} initial={[]} {...noteProps(p.notes, p.path)}>
      {(c) => (
        <>
          <ValueLabel id={c.id} text={t('picker.add', { field: p.label })} />
          <CountryListSelect id={c.id} label={p.label} value={(p.value as { value: string[] }).value} onChange={(v) => p.onChange({ value: v })} describedBy={c.describedBy} invalid={c.invalid} />
        </>
      )}
    </KnownField>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
