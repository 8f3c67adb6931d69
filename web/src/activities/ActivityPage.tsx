import { useState } from 'react';
import { getCountries } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { getActivity, getHistory, type Activity, type ActivityVersion } from './activitiesApi.ts';
import { MandateLinksEditor } from './MandateLinksEditor.tsx';
import { ActivityDetails } from './ActivityDetails.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import { narrative } from './narratives.ts';
import './activities.css';

/** One activity: everything it reports, every version of it, and the changes between two. */
export function ActivityPage() {
  const { t, lang } = useI18n();
  const id = useSearchParam('id');
  const [state, retry] = useAsync(
    async (signal) => {
      if (!id) return null;
      const [activity, history, countries] = await Promise.all([getActivity(id, signal), getHistory(id, signal), getCountries(signal)]);
      return { activity, history, countries };
    },
    [id],
  );
  // After the mandate links are saved: the activity and history as reloaded, shown without a loading flash.
  const [reloaded, setReloaded] = useState<{ activity: Activity; history: ActivityVersion[] } | null>(null);
  const data = state.status === 'ready' && state.data ? (reloaded?.activity.id === id && reloaded.activity.version >= state.data.activity.version ? { ...state.data, ...reloaded } : state.data) : null;
  const reload = async () => {
    if (!id) return;
    const [activity, history] = await Promise.all([getActivity(id), getHistory(id)]);
    setReloaded({ activity, history });
  };
  const title = data ? narrative(data.activity.document.title, lang) : null;
  return (
    <div className="page activities">
      <h1 lang={title?.lang}>{title?.text ?? t('activities.page.title')}</h1>
      <p>
        <Link to="/activities">{t('activities.page.back')}</Link>
      </p>
      {!id && <p role="status">{t('activities.page.missing')}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {data && (
        <>
          <ActivityDetails activity={data.activity} countries={data.countries} mandateLinksEditor={<MandateLinksEditor key={data.activity.id} activity={data.activity} onSaved={reload} />} />
          <VersionHistory key={data.history.length} activityId={data.activity.id} versions={data.history} />
        </>
      )}
    </div>
  );
}
