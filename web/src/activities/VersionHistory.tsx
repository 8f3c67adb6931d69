import { useState, type FormEvent } from 'react';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { getDiff, type ActivityVersion } from './activitiesApi.ts';

const sourceKey = (source: string) => `activities.history.source.${source}` as MessageKey;
const kindKey = (kind: string) => `activities.diff.${kind}` as MessageKey;
/** A changed value as compact text (narratives and lists are JSON). */
const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Every version of an activity (when, how, who) and the field changes between any two the reader picks. */
export function VersionHistory({ activityId, versions }: { activityId: string; versions: readonly ActivityVersion[] }) {
  const { t, formatDateTime } = useI18n();
  const numbers = versions.map((v) => String(v.version));
  const [from, setFrom] = useState(numbers.length > 1 ? numbers[numbers.length - 2]! : (numbers[0] ?? ''));
  const [to, setTo] = useState(numbers[numbers.length - 1] ?? '');
  const [compared, setCompared] = useState<[number, number] | null>(null);
  const options = versions.map((v) => [String(v.version), `${v.version} · ${formatDateTime(v.createdAt)}`] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCompared([Number(from), Number(to)]);
  };
  return (
    <>
      <section aria-labelledby="activity-history">
        <h2 id="activity-history">{t('activities.history.title')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activities.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.history.version')}</th>
                <th scope="col">{t('activities.history.when')}</th>
                <th scope="col">{t('activities.history.source')}</th>
                <th scope="col">{t('activities.history.who')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    {v.version}
                    {!v.published && <span className="badge"> {t('activities.search.draft')}</span>}
                  </th>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>{t(sourceKey(v.source))}</td>
                  <td>{v.changedBy ?? t('activities.history.nobody')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="activity-diff" className="activity-diff">
        <h2 id="activity-diff">{t('activities.diff.title')}</h2>
        {versions.length < 2 ? (
          <p className="muted">{t('activities.diff.single')}</p>
        ) : (
          <form onSubmit={submit}>
            <SelectField label={t('activities.diff.from')} name="from" value={from} onChange={setFrom} options={options} required />
            <SelectField label={t('activities.diff.to')} name="to" value={to} onChange={setTo} options={options} required />
            <div className="form-actions">
              <button type="submit" className="button">
                {t('activities.diff.show')}
              </button>
            </div>
          </form>
        )}
        {compared && <DiffTable activityId={activityId} from={compared[0]} to={compared[1]} />}
      </section>
    </>
  );
}

function DiffTable({ activityId, from, to }: { activityId: string; from: number; to: number }) {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getDiff(activityId, from, to, signal), [activityId, from, to]);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.data.changes.length === 0) return <p role="status">{t('activities.diff.same')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('activities.diff.caption', { from, to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.diff.field')}</th>
            <th scope="col">{t('activities.diff.change')}</th>
            <th scope="col">{t('activities.diff.before')}</th>
            <th scope="col">{t('activities.diff.after')}</th>
          </tr>
        </thead>
        <tbody>
          {state.data.changes.map((c) => (
            <tr key={c.path} data-kind={c.kind}>
              <th scope="row" dir="ltr">
                {c.path}
              </th>
              <td>{t(kindKey(c.kind))}</td>
              <td className="value">{show(c.from)}</td>
              <td className="value">{show(c.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
