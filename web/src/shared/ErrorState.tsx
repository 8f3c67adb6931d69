import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A translated, friendly failure with a retry; the correlation id lets support find the log line. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="state state-error" role="alert">
      <h2>{t('state.error.title')}</h2>
      <p>{t('state.error.body')}</p>
      {correlationId && (
        <p className="state-reference">{t('state.error.reference', { id: correlationId })}</p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.error.retry')}
        </button>
      )}
    </div>
  );
}
