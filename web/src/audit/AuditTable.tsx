import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AuditEvent } from './auditApi.ts';

/** Events newest first; the changes and technical fields fold out per row. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table list-table audit-table">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-action={event.action}>
              <td>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              </td>
              <td dir="ltr">
                <code>{event.action}</code>
              </td>
              <td dir="ltr">
                {event.actorUserId ?? t('audit.system')}
                {event.actorRole && <span className="muted"> · {event.actorRole}</span>}
              </td>
              <td dir="ltr">{event.entityType ? `${event.entityType}${event.entityId ? ` ${event.entityId}` : ''}` : '—'}</td>
              <td>
                <details>
                  <summary>{t('audit.show')}</summary>
                  <dl className="facts facts-small" dir="ltr">
                    <dt>{t('audit.changes')}</dt>
                    <dd>
                      <pre>{JSON.stringify(event.changes ?? null, null, 2)}</pre>
                    </dd>
                    <dt>IP</dt>
                    <dd>{event.ip ?? '—'}</dd>
                    <dt>{t('sessions.device')}</dt>
                    <dd>{event.userAgent ?? '—'}</dd>
                    <dt>{t('audit.correlation')}</dt>
                    <dd>{event.correlationId ?? '—'}</dd>
                    <dt>{t('audit.hash')}</dt>
                    <dd>
                      <code>{event.hash}</code>
                    </dd>
                  </dl>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
