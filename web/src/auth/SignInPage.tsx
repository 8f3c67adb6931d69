import { useCallback, useState } from 'react';
import { Field } from '../forms/Field.tsx';
import { FormAlert } from '../forms/FormAlert.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLanguage } from '../i18n/languages.ts';
import { navigate, safeNext, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { signIn } from './accessApi.ts';
import { useAuth } from './AuthProvider.tsx';

/** Email and password; then on to the second factor, or back where the reader was going. */
export function SignInPage() {
  const { t, setLanguage } = useI18n();
  const { accept } = useAuth();
  const next = safeNext(useSearchParam('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submission = useSubmit(
    useCallback(async () => {
      const session = await signIn(email.trim(), password);
      accept(session);
      if (session.user && isLanguage(session.user.preferredLanguage)) setLanguage(session.user.preferredLanguage);
      if (session.twoFactor === 'required' || session.twoFactor === 'enrol') {
        navigate(next ? `/two-factor?next=${encodeURIComponent(next)}` : '/two-factor');
      } else {
        navigate(next ?? '/');
      }
    }, [email, password, accept, setLanguage, next]),
  );

  return (
    <div className="page page-narrow">
      <h1>{t('signIn.title')}</h1>
      <form className="form" onSubmit={submission.onSubmit} noValidate>
        <FormAlert error={submission.error} attempt={submission.attempt} messages={{ UNAUTHENTICATED: 'error.invalidCredentials' }} />
        <Field label={t('field.email')} name="email" type="email" dir="ltr" autoComplete="username" required value={email} onChange={setEmail} error={submission.error} />
        <Field
          label={t('field.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={submission.error}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.pending}>
            {submission.pending ? t('signIn.pending') : t('signIn.submit')}
          </button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </form>
    </div>
  );
}
