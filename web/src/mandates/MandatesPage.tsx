import { useId } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { bodyKeys, formatDate } from './labels.ts';
import { LocalizedText } from './LocalizedText.tsx';
import { getMandates, mandateBodies, type MandateBody, type MandateList } from './mandatesApi.ts';
import './mandates.css';

const isBody = (value: string | null): value is MandateBody => mandateBodies.includes(value as MandateBody);

/** Every registered mandate, newest first, with how many of its paragraphs activities implement; filter by body. */
export function MandatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const selectId = useId();
  const param = useSearchParam('body');
  const body = isBody(param) ? param : null;
  const [state, retry] = useAsync((signal) => getMandates(body, signal), [body]);
  return (
    <div className="page mandates">
      <h1>{t('mandates.list.title')}</h1>
      <p>{t('mandates.list.intro')}</p>
      {can('mandates.manage') && (
        <p>
          <Link className="button" to="/mandates/new">
            {t('mandates.form.newTitle')}
          </Link>
        </p>
      )}
      <p className="mandates-controls">
        <label htmlFor={selectId}>{t('mandates.list.body')}</label>{' '}
        <select id={selectId} value={body ?? ''} onChange={(e) => navigate(e.target.value ? `/mandates?body=${e.target.value}` : '/mandates')}>
          <option value="">{t('mandates.list.allBodies')}</option>
          {mandateBodies.map((b) => (
            <option key={b} value={b}>
              {t(bodyKeys[b])}
            </option>
          ))}
        </select>
      </p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <MandateTable list={state.data} />}
    </div>
  );
}

function MandateTable({ list }: { list: MandateList }) {
  const { t, lang, formatNumber } = useI18n();
  if (list.items.length === 0) return <p role="status">{t('mandates.list.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table list-table mandates-table">
        <caption>{t('mandates.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mandates.list.symbol')}</th>
            <th scope="col">{t('mandates.list.titleColumn')}</th>
            <th scope="col">{t('mandates.list.body')}</th>
            <th scope="col">{t('mandates.list.adopted')}</th>
            <th scope="col">{t('mandates.list.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((m) => (
            <tr key={m.id} data-symbol={m.symbol}>
              <th scope="row">
                <Link to={`/mandate?symbol=${encodeURIComponent(m.symbol)}`}>{m.symbol}</Link>
              </th>
              <td>
                <LocalizedText text={m.title} />
              </td>
              <td>{t(bodyKeys[m.body])}</td>
              <td>{formatDate(m.adoptedOn, lang)}</td>
              <td>
                <span className="mini-meter" aria-hidden="true">
                  <span style={{ inlineSize: `${m.paragraphs ? (m.covered / m.paragraphs) * 100 : 0}%` }} />
                </span>
                {t('mandates.list.coverageValue', { covered: formatNumber(m.covered), total: formatNumber(m.paragraphs) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
