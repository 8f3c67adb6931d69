import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { blankRound, roundProblems, type RoundValues as Values } from './roundRules.ts';
import { createRound, updateRound, type Round } from './roundsApi.ts';

/**
 * Adds a reporting round (no `round`) or changes one. Problems show at their field before
 * sending; the server's (a name already used, dates out of order) at theirs after.
 */
export function RoundForm({ round, onSaved, onCancel }: { round?: Round; onSaved: (saved: Round) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<Values>(round ? { name: round.name, periodStart: round.periodStart, periodEnd: round.periodEnd, dueDate: round.dueDate } : blankRound);
  const [checked, setChecked] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const problems = checked ? roundProblems(values) : {};
  const submit = useSubmit(
    useCallback(async () => {
      setChecked(true);
      if (Object.keys(roundProblems(values)).length) {
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[aria-labelledby="${CSS.escape(headingId)}"] [aria-invalid="true"]`)?.focus());
        return;
      }
      const input = { ...values, name: values.name.trim() };
      await onSaved(round ? await updateRound(round.id, input) : await createRound(input));
    }, [values, round, onSaved, headingId]),
  );
  const field = (k: keyof Values) => ({
    name: k,
    value: values[k],
    onChange: (v: string) => setValues((old) => ({ ...old, [k]: v })),
    error: submit.error,
    problem: problems[k] ? t(problems[k]) : undefined,
  });
  return (
    <form className="form form-inline round-form" aria-labelledby={headingId} onSubmit={submit.onSubmit} noValidate>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {round ? t('monitoring.rounds.editTitle', { name: round.name }) : t('monitoring.rounds.addTitle')}
      </h3>
      <FormAlert error={submit.error} attempt={submit.attempt} messages={{ CONFLICT: 'monitoring.rounds.conflict' }} />
      <Field label={t('monitoring.rounds.name')} hint={t('monitoring.rounds.nameHint')} maxLength={200} required {...field('name')} />
      <Field label={t('monitoring.rounds.periodStart')} type="date" required {...field('periodStart')} />
      <Field label={t('monitoring.rounds.periodEnd')} type="date" required {...field('periodEnd')} />
      <Field label={t('monitoring.scorecard.dueDate')} type="date" hint={t('monitoring.rounds.dueHint')} required {...field('dueDate')} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.pending}>
          {t('monitoring.rounds.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('monitoring.rounds.cancel')}
        </button>
      </div>
    </form>
  );
}
