// On a saved case, for the reporting State's focal points: share the case with an organisation
// of the partnership register and revoke a share. The consent rule is stated with the case's
// own numbers: an organisation sees only the victims who consented to sharing.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { getOrganisations } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Combobox } from '../shared/Combobox.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { useAsync } from '../shared/useAsync.ts';
import { listShares, revokeShare, shareCase, type Shares } from './incidentsApi.ts';

interface Props {
  state: string;
  caseId: string;
  victims: readonly { consentToShare: boolean }[];
}

export function CaseSharing({ state, caseId, victims }: Props) {
  const { t, formatDateTime, compare } = useI18n();
  const pickId = useId();
  const [organisations, retryOrganisations] = useAsync((signal) => getOrganisations(signal), []);
  // Kept across reloads, so the picker and table stay in place (and keep the focus) after a change.
  const [shares, setShares] = useState<Shares['items'] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const refresh = useCallback(async () => setShares((await listShares(state, caseId)).items), [state, caseId]);
  useEffect(() => {
    refresh().catch((error: unknown) => setLoadError(error));
  }, [refresh]);
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const action = useAction();
  const consenting = victims.filter((v) => v.consentToShare).length;

  const options = useMemo(() => {
    if (organisations.status !== 'ready' || !shares) return [];
    const taken = new Set(shares.map((s) => s.organisationId));
    return organisations.data
      .filter((o) => !taken.has(o.id))
      .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name, keywords: o.acronym ?? '' }))
      .sort((a, b) => compare(a.label, b.label));
  }, [organisations, shares, compare]);
  const nameOf = (id: string) => options.find((o) => o.value === id)?.label ?? shares?.find((s) => s.organisationId === id)?.organisationName ?? id;

  function share() {
    setNotice('');
    if (!chosen) {
      setProblem(t('incidents.share.choose'));
      document.getElementById(pickId)?.focus();
      return;
    }
    setProblem('');
    const name = nameOf(chosen);
    action.run(async () => {
      await shareCase(state, caseId, chosen);
      setChosen('');
      await refresh();
      setNotice(t('incidents.share.shared', { name }));
    });
  }

  function revoke(organisationId: string, name: string) {
    setNotice('');
    action.run(async () => {
      await revokeShare(state, caseId, organisationId);
      await refresh();
      setNotice(t('incidents.share.revoked', { name }));
      // The row and its button go away: the focus goes to the organisation picker.
      document.getElementById(pickId)?.focus();
    });
  }

  return (
    <section className="case-sharing" aria-labelledby={`${pickId}-title`}>
      <h2 id={`${pickId}-title`}>{t('incidents.share.title')}</h2>
      <p className="share-rule">{t('incidents.share.rule', { consenting, victims: victims.length })}</p>
      <div role="status">{notice && <p className="notice">{notice}</p>}</div>
      {action.error !== null && <ErrorState error={action.error} />}
      {loadError !== null && <ErrorState error={loadError} />}
      {organisations.status === 'error' && <ErrorState error={organisations.error} onRetry={retryOrganisations} />}
      {loadError === null && (organisations.status === 'loading' || !shares) && <LoadingState />}
      {organisations.status === 'ready' && shares && (
        <>
          <form
            className="share-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              share();
            }}
          >
            <div className="field">
              <label htmlFor={pickId}>{t('incidents.share.pick')}</label>
              <Combobox id={pickId} options={options} value={chosen} onPick={setChosen} describedBy={problem ? `${pickId}-error` : undefined} invalid={!!problem} />
              {problem && (
                <p className="field-error" id={`${pickId}-error`}>
                  {problem}
                </p>
              )}
            </div>
            <button type="submit" className="button" disabled={action.pending}>
              {t('incidents.share.submit')}
            </button>
          </form>
          {shares.length === 0 ? (
            <p>{t('incidents.share.none')}</p>
          ) : (
            <table className="data-table share-table">
              <caption>{t('incidents.share.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.share.organisation')}</th>
                  <th scope="col">{t('incidents.share.since')}</th>
                  <th scope="col">{t('incidents.share.action')}</th>
                </tr>
              </thead>
              <tbody>
                {shares.map((s) => (
                  <tr key={s.organisationId} data-organisation={s.organisationId}>
                    <th scope="row">{s.organisationName}</th>
                    <td>{formatDateTime(s.sharedAt)}</td>
                    <td>
                      <button type="button" className="button button-secondary" disabled={action.pending} aria-label={t('incidents.share.revokeNamed', { name: s.organisationName })} onClick={() => revoke(s.organisationId, s.organisationName)}>
                        {t('incidents.share.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
