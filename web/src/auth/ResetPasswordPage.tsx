import { useCallback, useState } from 'react';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { completePasswordReset } from './accessApi.ts';
import { NewPasswordFields, type NewPassword } from './NewPasswordFields.tsx';

/** `/reset-password?token=`: choose a new password with the one-time token from the e-mail. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const token = useSearchParam('token');
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      setTried(true);
      if (!token || value.password !== value.confirmation) return;
      await completePasswordReset(token, value.password);
      setDone(true);
    }, [token, value]),
  );

  if (!token) return <TokenMissing titleKey="resetPassword.title" />;
  return (
    <div className="page page-narrow">
      <h1>{t('resetPassword.title')}</h1>
      {done ? (
        <p role="status" className="form-success">
          {t('resetPassword.done')} <Link to="/sign-in">{t('signIn.title')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submission.onSubmit} noValidate>
          <FormAlert error={submission.error} attempt={submission.attempt} messages={{ NOT_FOUND: 'error.tokenInvalid', BAD_REQUEST: 'error.tokenInvalid' }} />
          <NewPasswordFields value={value} onChange={setValue} error={submission.error} showMismatch={tried} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={submission.pending}>
              {t('resetPassword.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** A link without its token (cut short when copied): say so and offer the way forward. */
export function TokenMissing({ titleKey }: { titleKey: 'resetPassword.title' | 'invitation.title' }) {
  const { t } = useI18n();
  return (
    <div className="page page-narrow">
      <h1>{t(titleKey)}</h1>
      <p role="alert" className="form-alert">
        {t('error.tokenMissing')}
      </p>
      <p>
        <Link to="/forgot-password">{t('forgotPassword.title')}</Link>
      </p>
    </div>
  );
}
