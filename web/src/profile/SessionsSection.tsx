import { getMySessions, revokeAllMySessions, revokeMySession } from '../auth/accessApi.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAction } from '../shared/useAction.ts';
import { useAsync } from '../shared/useAsync.ts';
import { navigate } from '../router/history.ts';

/** Where the account is signed in; end any other session, or every one (this one included). */
export function SessionsSection() {
  const { t, formatDateTime } = useI18n();
  const [sessions, reload] = useAsync((signal) => getMySessions(signal), []);
  const action = useAction();
  const { refresh } = useAuth();
  const revoke = (call: () => Promise<unknown>) => action.run(async () => {
    await call();
    reload();
  });
  return (
    <section aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t('profile.sessions')}</h2>
      <FormAlert error={action.error} />
      {sessions.status === 'loading' && <LoadingState />}
      {sessions.status === 'error' && <ErrorState error={sessions.error} onRetry={reload} />}
      {sessions.status === 'ready' && (
        <>
          <div className="table-scroll">
            <table className="data-table list-table">
              <caption className="visually-hidden">{t('profile.sessions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.device')}</th>
                  <th scope="col">{t('sessions.ip')}</th>
                  <th scope="col">{t('sessions.started')}</th>
                  <th scope="col">{t('sessions.lastSeen')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.id}>
                    <td className="user-agent">{s.userAgent ?? '—'}</td>
                    <td dir="ltr">{s.ip ?? '—'}</td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.lastSeenAt)}</td>
                    <td>
                      {s.current ? (
                        <span className="badge">{t('sessions.current')}</span>
                      ) : (
                        <button type="button" className="button button-small button-secondary" disabled={action.pending} onClick={() => revoke(() => revokeMySession(s.id))}>
                          {t('sessions.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="button button-secondary" disabled={action.pending} onClick={() =>
                // The server ends this session too: back to signing in afterwards.
                action.run(async () => {
                  await revokeAllMySessions();
                  await refresh();
                  navigate('/sign-in');
                })
              }
            >
              {t('sessions.revokeAll')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
