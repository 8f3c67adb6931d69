import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { AdminLayout } from './AdminNav.tsx';
import { listOutbox } from './adminApi.ts';

/** Mails kept locally when no SMTP server is configured (invitations, password resets). */
export function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const [mails, reload] = useAsync((signal) => listOutbox(signal), []);
  return (
    <AdminLayout titleKey="admin.outbox.title">
      <p>{t('admin.outbox.intro')}</p>
      {mails.status === 'loading' && <LoadingState />}
      {mails.status === 'error' && <ErrorState error={mails.error} onRetry={reload} />}
      {mails.status === 'ready' && mails.data.length === 0 && <p>{t('admin.outbox.none')}</p>}
      {mails.status === 'ready' && mails.data.length > 0 && (
        <ul className="outbox">
          {mails.data.map((mail) => (
            <li key={mail.id}>
              <details>
                <summary>
                  <span className="outbox-subject">{mail.subject}</span> <span dir="ltr">{mail.to}</span> · <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                </summary>
                <pre className="outbox-body">{mail.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}
