import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { MandateForm } from './MandateForm.tsx';
import { draftOf, emptyDraft, inputOf, type MandateDraft } from './mandateDraft.ts';
import { createMandate, getCoverage, getMandate, updateMandate, type Mandate } from './mandatesApi.ts';
import './mandates.css';

export const mandateHref = (symbol: string) => `/mandate?symbol=${encodeURIComponent(symbol)}`;
export const editMandateHref = (symbol: string) => `/mandate/edit?symbol=${encodeURIComponent(symbol)}`;

/** `/mandates/new`: registers a mandate with its operative paragraphs (mandates.manage), then opens its page. */
export function NewMandatePage() {
  const { t, lang } = useI18n();
  // The first draft only: switching the page language later must not wipe what was typed.
  const initial = useMemo(() => emptyDraft(lang), []);
  const save = useCallback(async (draft: MandateDraft) => {
    const created = await createMandate(inputOf(draft));
    navigate(mandateHref(created.symbol));
  }, []);
  return (
    <div className="page mandates">
      <h1>{t('mandates.form.newTitle')}</h1>
      <p>
        <Link to="/mandates">{t('mandates.page.back')}</Link>
      </p>
      <p>{t('mandates.form.intro')}</p>
      <MandateForm initial={initial} creating onSubmit={save} />
    </div>
  );
}

/** `/mandate/edit?symbol=`: changes a mandate; its paragraphs, as listed, replace the old list. */
export function EditMandatePage() {
  const { t } = useI18n();
  const symbol = useSearchParam('symbol');
  const [state, retry] = useAsync(async (signal) => (symbol ? getMandate((await getCoverage(symbol, signal)).id, signal) : null), [symbol]);
  return (
    <div className="page mandates">
      <h1>{state.status === 'ready' && state.data ? t('mandates.form.editTitleOf', { symbol: state.data.symbol }) : t('mandates.form.editTitle')}</h1>
      <p>
        <Link to={symbol ? mandateHref(symbol) : '/mandates'}>{symbol ? t('mandates.form.backTo', { symbol }) : t('mandates.page.back')}</Link>
      </p>
      {!symbol && <p role="status">{t('mandates.page.missing')}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.data && <EditForm mandate={state.data} />}
    </div>
  );
}

function EditForm({ mandate }: { mandate: Mandate }) {
  const { t } = useI18n();
  const initial = useMemo(() => draftOf(mandate), [mandate]);
  const save = useCallback(
    async (draft: MandateDraft) => {
      const { symbol: _fixed, ...changes } = inputOf(draft);
      await updateMandate(mandate.id, changes);
      navigate(mandateHref(mandate.symbol));
    },
    [mandate],
  );
  return (
    <>
      <p>{t('mandates.form.editIntro')}</p>
      <MandateForm initial={initial} creating={false} onSubmit={save} />
    </>
  );
}
