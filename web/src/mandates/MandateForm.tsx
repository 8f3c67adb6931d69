import { useCallback, useId, useState } from 'react';
import { FormAlert } from '../forms/FormAlert.tsx';
import { fieldDescription, FieldNotes } from '../forms/Field.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { directionOf, languages, nativeNames, type Language } from '../i18n/languages.ts';
import { InputField, TextAreaField } from './FormFields.tsx';
import { bodyKeys } from './labels.ts';
import { canonicalLabel, newParagraph, problemsOf, serverReason, type MandateDraft, type ParagraphDraft, type Problem } from './mandateDraft.ts';
import { mandateBodies, type MandateBody } from './mandatesApi.ts';

/**
 * The mandate form, to register one (`creating`) or change one (the symbol is then fixed:
 * activities refer to the mandate by it). Problems found before sending and the server's field
 * errors show at their field; paragraph rows can be added, removed and moved with the keyboard.
 */
export function MandateForm({ initial, creating, onSubmit }: { initial: MandateDraft; creating: boolean; onSubmit: (draft: MandateDraft) => Promise<void> }) {
  const { t } = useI18n();
  const formId = useId();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const problems = checked ? problemsOf(draft, creating) : new Map<string, Problem>();
  const submit = useSubmit(
    useCallback(async () => {
      setChecked(true);
      if (problemsOf(draft, creating).size > 0) {
        // Focus the first field that needs attention, once React has drawn the messages.
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus());
        return;
      }
      await onSubmit(draft);
    }, [draft, creating, onSubmit, formId]),
  );
  const problem = (path: string) => {
    const p = problems.get(path);
    return p ? t(p.key, p.params) : undefined;
  };
  const reason = (path: string, exact = false) => serverReason(submit.error, path, exact);
  const set = (patch: Partial<MandateDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setParagraphs = (update: (ps: ParagraphDraft[]) => ParagraphDraft[]) => setDraft((d) => ({ ...d, paragraphs: update(d.paragraphs) }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= draft.paragraphs.length) return;
    const key = draft.paragraphs[index]!.key;
    setParagraphs((ps) => {
      const next = [...ps];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    // Keep the focus on the moved row's button; at either end, on its other move button.
    const atEnd = target === 0 || target === draft.paragraphs.length - 1;
    focusLater(`${formId}-p${key}-${atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    const neighbour = draft.paragraphs[index + 1] ?? draft.paragraphs[index - 1];
    setParagraphs((ps) => ps.filter((_, i) => i !== index));
    focusLater(neighbour ? `${formId}-p${neighbour.key}-label` : `${formId}-add`);
  };
  const add = () => {
    const paragraph = newParagraph();
    setParagraphs((ps) => [...ps, paragraph]);
    focusLater(`${formId}-p${paragraph.key}-label`);
  };
  const languagesId = `${formId}-languages`;
  const languagesProblem = problem('languages');

  return (
    <form id={formId} className="form mandate-form" onSubmit={submit.onSubmit} noValidate>
      <FormAlert error={submit.error} attempt={submit.attempt} messages={{ CONFLICT: 'mandates.form.conflict' }} />
      {checked && problems.size > 0 && (
        <p className="form-alert" role="alert">
          {t('mandates.form.fix', { count: problems.size })}
        </p>
      )}
      {creating ? (
        <InputField label={t('mandates.list.symbol')} name="symbol" dir="ltr" value={draft.symbol} onChange={(symbol) => set({ symbol })} hint={t('mandates.form.symbolHint')} problem={problem('symbol')} reason={reason('symbol')} required />
      ) : (
        <p>
          <strong>{t('mandates.list.symbol')}</strong>: <span dir="ltr">{draft.symbol}</span> <span className="muted">({t('mandates.form.symbolFixed')})</span>
        </p>
      )}
      <BodySelect value={draft.body} onChange={(body) => set({ body })} problem={problem('body')} reason={reason('body')} />
      <InputField label={t('mandates.list.adopted')} name="adoptedOn" type="date" value={draft.adoptedOn} onChange={(adoptedOn) => set({ adoptedOn })} problem={problem('adoptedOn')} reason={reason('adoptedOn')} required />

      <fieldset aria-describedby={languagesProblem ? `${languagesId}-error` : `${languagesId}-hint`}>
        <legend>{t('mandates.form.languages')}</legend>
        <div className="checkbox-group">
          {languages.map((l) => (
            <label key={l} className="checkbox-row">
              <input
                type="checkbox"
                checked={draft.languages.includes(l)}
                onChange={(e) => set({ languages: e.target.checked ? languages.filter((x) => x === l || draft.languages.includes(x)) : draft.languages.filter((x) => x !== l) })}
              />
              <span lang={l}>{nativeNames[l]}</span>
            </label>
          ))}
        </div>
        <FieldNotes id={languagesId} hint={t('mandates.form.languagesHint')} problem={languagesProblem} />
      </fieldset>

      <fieldset>
        <legend>{t('mandates.form.title')}</legend>
        {draft.languages.map((l, i) => (
          <InputField
            key={l}
            problem={i === 0 ? problem('title') : undefined}
            label={t('mandates.form.inLanguage', { language: nativeNames[l] })}
            name={`title.${l}`}
            lang={l}
            dir={directionOf(l)}
            value={draft.title[l] ?? ''}
            onChange={(text) => set({ title: { ...draft.title, [l]: text } })}
            reason={reason(`title.${l}`)}
          />
        ))}
        <FieldNotes id={`${formId}-title`} reason={reason('title', true)} />
      </fieldset>

      <fieldset className="mandate-paragraphs" aria-describedby={reason('paragraphs', true) ? `${formId}-paragraphs-error` : undefined}>
        <legend>{t('mandates.page.paragraphs')}</legend>
        <FieldNotes id={`${formId}-paragraphs`} reason={reason('paragraphs', true)} />
        {draft.paragraphs.length === 0 && <p className="muted">{t('mandates.form.noParagraphs')}</p>}
        <ol className="paragraph-rows">
          {draft.paragraphs.map((p, i) => (
            <li key={p.key} data-row={i}>
              <ParagraphRow
                idPrefix={`${formId}-p${p.key}`}
                paragraph={p}
                position={i + 1}
                count={draft.paragraphs.length}
                languages={draft.languages}
                onChange={(changed) => setParagraphs((ps) => ps.map((x) => (x.key === p.key ? changed : x)))}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
                labelProblem={problem(`paragraphs[${i}].label`)}
                labelReason={reason(`paragraphs[${i}].label`)}
                summaryProblem={problem(`paragraphs[${i}].summary`)}
                summaryListReason={reason(`paragraphs[${i}].summary`, true)}
                summaryReason={(l) => reason(`paragraphs[${i}].summary.${l}`)}
              />
            </li>
          ))}
        </ol>
        <p>
          <button id={`${formId}-add`} type="button" className="button button-secondary" onClick={add}>
            {t('mandates.form.addParagraph')}
          </button>
        </p>
      </fieldset>

      <label className="checkbox-row">
        <input type="checkbox" checked={draft.demonstrationSummaries} onChange={(e) => set({ demonstrationSummaries: e.target.checked })} />
        <span>{t('mandates.form.demonstration')}</span>
      </label>

      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.pending}>
          {creating ? t('mandates.form.register') : t('mandates.form.save')}
        </button>
      </div>
    </form>
  );
}

function BodySelect({ value, onChange, problem, reason }: { value: MandateBody | ''; onChange: (body: MandateBody) => void; problem?: string | undefined; reason?: string | undefined }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('mandates.list.body')}</label>
      <select id={id} name="body" value={value} required onChange={(e) => onChange(e.target.value as MandateBody)} {...fieldDescription(id, undefined, problem ?? reason)}>
        <option value="">{t('form.choose')}</option>
        {mandateBodies.map((b) => (
          <option key={b} value={b}>
            {t(bodyKeys[b])}
          </option>
        ))}
      </select>
      <FieldNotes id={id} problem={problem} reason={reason} />
    </div>
  );
}

interface RowProps {
  idPrefix: string;
  paragraph: ParagraphDraft;
  position: number;
  count: number;
  languages: readonly Language[];
  onChange: (p: ParagraphDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  labelProblem: string | undefined;
  labelReason: string | undefined;
  summaryProblem: string | undefined;
  summaryListReason: string | undefined;
  summaryReason: (lang: Language) => string | undefined;
}

/** One operative paragraph: its number, its text in each chosen language, and move/remove buttons. */
function ParagraphRow({ idPrefix, paragraph: p, position, count, languages: chosen, onChange, onMove, onRemove, labelProblem, labelReason, summaryProblem, summaryListReason, summaryReason }: RowProps) {
  const { t } = useI18n();
  const name = canonicalLabel(p.label) ? t('mandates.page.paragraph', { label: canonicalLabel(p.label) }) : t('mandates.form.paragraphAt', { position });
  return (
    <fieldset className="paragraph-row" data-paragraph-row={position}>
      <legend>{name}</legend>
      <InputField
        id={`${idPrefix}-label`}
        label={t('mandates.form.number')}
        dir="ltr"
        value={p.label}
        onChange={(label) => onChange({ ...p, label })}
        hint={t('mandates.form.numberHint')}
        problem={labelProblem}
        reason={labelReason}
        className="paragraph-number"
      />
      {chosen.map((l, i) => (
        <TextAreaField
          key={l}
          problem={i === 0 ? summaryProblem : undefined}
          label={t('mandates.form.textIn', { language: nativeNames[l] })}
          lang={l}
          dir={directionOf(l)}
          value={p.summary[l] ?? ''}
          onChange={(text) => onChange({ ...p, summary: { ...p.summary, [l]: text } })}
          reason={summaryReason(l)}
        />
      ))}
      <FieldNotes id={`${idPrefix}-summary`} reason={summaryListReason} />
      <div className="form-actions">
        <button id={`${idPrefix}-up`} type="button" className="button button-secondary button-small" onClick={() => onMove(-1)} disabled={position === 1}>
          {t('mandates.form.moveUp')}
          <span className="visually-hidden"> ({name})</span>
        </button>
        <button id={`${idPrefix}-down`} type="button" className="button button-secondary button-small" onClick={() => onMove(1)} disabled={position === count}>
          {t('mandates.form.moveDown')}
          <span className="visually-hidden"> ({name})</span>
        </button>
        <button type="button" className="button button-danger button-small" onClick={onRemove}>
          {t('mandates.form.remove')}
          <span className="visually-hidden"> ({name})</span>
        </button>
      </div>
    </fieldset>
  );
}
