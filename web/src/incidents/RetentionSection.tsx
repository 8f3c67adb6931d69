// On a State's own page, for its focal points (and the Coordinator's administrators): how many
// years after reporting the identifiers in its cases are erased, or that they are kept.
import { useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { useAsync } from '../shared/useAsync.ts';
import { getRetention, setRetention, type Retention } from './incidentsApi.ts';

export function RetentionSection({ state }: { state: string }) {
  const { t } = useI18n();
  const [loaded, retry] = useAsync((signal) => getRetention(state, signal), [state]);
  // Not the State's focal point nor an administrator: the section is not theirs to see.
  if (loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 403) return null;
  return (
    <section className="retention" aria-labelledby="incident-retention">
      <h2 id="incident-retention">{t('incidents.retention.title')}</h2>
      <p>{t('incidents.retention.intro', { state })}</p>
      {loaded.status === 'loading' && <LoadingState />}
      {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={retry} />}
      {loaded.status === 'ready' && <RetentionForm state={state} saved={loaded.data} />}
    </section>
  );
}

function RetentionForm({ state, saved: initial }: { state: string; saved: Retention }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const [saved, setSaved] = useState(initial);
  const [keep, setKeep] = useState(initial.retentionYears === null);
  const [years, setYears] = useState(initial.retentionYears === null ? '' : String(initial.retentionYears));
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const action = useAction();

  const setting = saved.retentionYears === null ? t('incidents.retention.keep') : t('incidents.retention.yearsValue', { years: saved.retentionYears });

  function submit() {
    const n = Number(years);
    if (!keep && (!/^\d+$/.test(years.trim()) || n < 1 || n > 200)) {
      setProblem(t('incidents.retention.invalid'));
      document.getElementById(`${id}-years`)?.focus();
      return;
    }
    setProblem('');
    action.run(async () => {
      const next = await setRetention(state, keep ? null : n);
      setSaved(next);
      setNotice(t('incidents.retention.saved'));
    });
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p data-retention={saved.retentionYears ?? 'keep'}>
        {t('incidents.retention.current', { setting })}
        {saved.updatedAt && <> {t('incidents.retention.updated', { date: formatDateTime(saved.updatedAt) })}</>}
      </p>
      <fieldset>
        <legend>{t('incidents.retention.choice')}</legend>
        <div className="field field-checkbox">
          <input id={`${id}-keep`} type="radio" name={`${id}-mode`} checked={keep} onChange={() => {
              setKeep(true);
              setNotice('');
            }} />
          <label htmlFor={`${id}-keep`}>{t('incidents.retention.keep')}</label>
        </div>
        <div className="field field-checkbox">
          <input id={`${id}-erase`} type="radio" name={`${id}-mode`} checked={!keep} onChange={() => {
              setKeep(false);
              setNotice('');
            }} />
          <label htmlFor={`${id}-erase`}>{t('incidents.retention.erase')}</label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-years`}>{t('incidents.retention.years')}</label>
          <input
            id={`${id}-years`}
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            value={years}
            disabled={keep}
            onChange={(e) => {
              setYears(e.target.value);
              setNotice('');
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
          />
          {problem && (
            <p className="field-error" id={`${id}-error`}>
              {problem}
            </p>
          )}
        </div>
      </fieldset>
      {action.error !== null && <ErrorState error={action.error} />}
      <button type="submit" className="button" disabled={action.pending}>
        {t('incidents.retention.save')}
      </button>
      <div role="status">{notice && <p className="notice">{notice}</p>}</div>
    </form>
  );
}
