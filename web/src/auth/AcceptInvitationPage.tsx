import { ApiError } from '../api.ts';
import { useCallback, useState } from 'react';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { acceptInvitation, getInvitation, type Invitation } from './accessApi.ts';
import { NewPasswordFields, type NewPassword } from './NewPasswordFields.tsx';
import { TokenMissing } from './ResetPasswordPage.tsx';

/** `/accept-invitation?token=`: who invited whom, then the new user's password. */
export function AcceptInvitationPage() {
  const token = useSearchParam('token');
  if (!token) return <TokenMissing titleKey="invitation.title" />;
  return <InvitationLoader token={token} />;
}

function InvitationLoader({ token }: { token: string }) {
  const { t } = useI18n();
  const [invitation, retry] = useAsync((signal) => getInvitation(token, signal), [token]);
  return (
    <div className="page page-narrow">
      <h1>{t('invitation.title')}</h1>
      {invitation.status === 'loading' && <LoadingState />}
      {invitation.status === 'error' && (
        <FormAlertOrError error={invitation.error} onRetry={retry} />
      )}
      {invitation.status === 'ready' && <AcceptForm token={token} invitation={invitation.data} />}
    </div>
  );
}

/** An unknown or used token is the reader's problem to hear about, not a server failure. */
function FormAlertOrError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : undefined;
  if (status === 404 || status === 400 || status === 410) return <FormAlert error={error} messages={{ NOT_FOUND: 'error.tokenInvalid', BAD_REQUEST: 'error.tokenInvalid' }} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useI18n();
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      setTried(true);
      if (value.password !== value.confirmation) return;
      await acceptInvitation(token, value.password);
      setDone(true);
    }, [token, value]),
  );
  if (done) {
    return (
      <p role="status" className="form-success">
        {t('invitation.done')} <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    );
  }
  return (
    <form className="form" onSubmit={submission.onSubmit} noValidate>
      <p>{t('invitation.intro', { name: invitation.displayName, organisation: invitation.organisationName })}</p>
      <dl className="facts">
        <dt>{t('field.email')}</dt>
        <dd dir="ltr">{invitation.email}</dd>
      </dl>
      <FormAlert error={submission.error} attempt={submission.attempt} messages={{ NOT_FOUND: 'error.tokenInvalid' }} />
      <NewPasswordFields value={value} onChange={setValue} error={submission.error} showMismatch={tried} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('invitation.submit')}
        </button>
      </div>
    </form>
  );
}
