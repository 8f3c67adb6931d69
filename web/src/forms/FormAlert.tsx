import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorMessage, type ErrorMessages } from './errorMessage.ts';

/** A form's failure, announced at once (role="alert"), with the support reference when there is one. */
export function FormAlert({ error, attempt, messages }: { error: unknown; attempt?: number; messages?: ErrorMessages }) {
  const { t } = useI18n();
  if (!error) return null;
  const reference = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="form-alert" role="alert" key={attempt}>
      <p>{errorMessage(t, error, messages)}</p>
      {reference && <p className="state-reference">{t('state.error.reference', { id: reference })}</p>}
    </div>
  );
}

/** A short confirmation after a successful action, read out politely. */
export function FormSuccess({ message }: { message: string | null }) {
  return (
    <p className="form-success" role="status">
      {message}
    </p>
  );
}
