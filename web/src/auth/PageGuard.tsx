import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePath } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAuth } from './AuthProvider.tsx';
import { decideAccess, type PageAccess } from './pageAccess.ts';

/** Shows the page only to those who may use it; others learn why and what to do. */
export function PageGuard({ access, children }: { access: PageAccess | undefined; children: ReactNode }) {
  const { t } = useI18n();
  const auth = useAuth();
  const path = usePath();
  if (!access) return children;
  if (auth.status === 'loading') return <LoadingState />;
  const decision = decideAccess(access, auth);
  if (decision === 'allowed') return children;
  const next = encodeURIComponent(path + window.location.search);
  return (
    <div className="page page-narrow">
      <h1>{decision === 'forbidden' ? t('guard.forbiddenTitle') : t('guard.signInTitle')}</h1>
      {decision === 'signIn' && (
        <p>
          {t('guard.signInBody')}{' '}
          <Link to={`/sign-in?next=${next}`}>{t('signIn.title')}</Link>
        </p>
      )}
      {decision === 'twoFactor' && (
        <p>
          {t('guard.twoFactorBody')} <Link to={`/two-factor?next=${next}`}>{t('twoFactor.title')}</Link>
        </p>
      )}
      {decision === 'forbidden' && <p>{t('guard.forbiddenBody')}</p>}
    </div>
  );
}
