import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { emptyAuditFilters, type AuditFilters } from './auditApi.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { ChainVerify } from './ChainVerify.tsx';
import { useAuditEvents } from './useAuditEvents.ts';

/** The audit log for auditors and administrators: filter, read, page back, verify the chain. */
export function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const audit = useAuditEvents(filters);
  // A refused filter (not a UUID, unknown action) belongs to the form, not to a load failure.
  const filterError = audit.status === 'error' && audit.error instanceof ApiError && audit.error.status === 400 ? audit.error : null;
  return (
    <div className="page audit">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ChainVerify />
      <AuditFilterForm initial={filters} onApply={setFilters} error={filterError} />
      {audit.events.length > 0 && <AuditTable events={audit.events} />}
      {audit.status === 'ready' && audit.events.length === 0 && <p role="status">{t('audit.none')}</p>}
      {audit.status === 'loading' && <LoadingState />}
      {audit.status === 'error' && !filterError && <ErrorState error={audit.error} onRetry={audit.retry} />}
      {audit.status === 'ready' && audit.nextBefore && (
        <p>
          <button type="button" className="button button-secondary" onClick={audit.loadMore}>
            {t('audit.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}
