import { useCallback, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { requestPasswordReset } from './accessApi.ts';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const submission = useSubmit(
    useCallback(async () => {
      await requestPasswordReset(email.trim());
      setSent(true);
    }, [email]),
  );
  return (
    <div className="page page-narrow">
      <h1>{t('forgotPassword.title')}</h1>
      {sent ? (
        <p role="status" className="form-success">
          {t('forgotPassword.sent')}
        </p>
      ) : (
        <form className="form" onSubmit={submission.onSubmit} noValidate>
          <p>{t('forgotPassword.intro')}</p>
          <FormAlert error={submission.error} attempt={submission.attempt} />
          <Field label={t('field.email')} name="email" type="email" dir="ltr" autoComplete="email" required value={email} onChange={setEmail} error={submission.error} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={submission.pending}>
              {t('forgotPassword.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('signIn.back')}</Link>
      </p>
    </div>
  );
}
