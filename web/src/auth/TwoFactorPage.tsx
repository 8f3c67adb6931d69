import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, safeNext, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAuth } from './AuthProvider.tsx';
import { EnrolTwoFactor } from './EnrolTwoFactor.tsx';
import { VerifyTwoFactor } from './VerifyTwoFactor.tsx';

/**
 * The second factor: verify a code after signing in, or enrol (after sign-in when the role
 * requires it, or from the profile when a signed-in user chooses to).
 */
export function TwoFactorPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const next = safeNext(useSearchParam('next'));
  const finish = () => {
    void auth.refresh().then(() => navigate(next ?? '/'));
  };

  if (auth.status === 'loading') return <LoadingState />;
  const mode = auth.pendingTwoFactor ?? (auth.user && !auth.user.twoFactorEnabled ? 'enrol' : null);
  return (
    <div className="page page-narrow">
      <h1>{t('twoFactor.title')}</h1>
      {mode === 'required' && <VerifyTwoFactor onVerified={finish} />}
      {mode === 'enrol' && <EnrolTwoFactor onDone={finish} />}
      {mode === null && (
        <p>
          {auth.user ? t('twoFactor.alreadyOn') : t('twoFactor.signInFirst')}{' '}
          <Link to={auth.user ? '/profile' : '/sign-in'}>{auth.user ? t('profile.title') : t('signIn.title')}</Link>
        </p>
      )}
    </div>
  );
}
