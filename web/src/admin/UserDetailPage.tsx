import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { nativeNames } from '../i18n/languages.ts';
import { useSearchParam } from '../router/history.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { AdminLayout } from './AdminNav.tsx';
import { getUser, type AdminUserDetail } from './adminApi.ts';
import { GrantsSection } from './GrantsSection.tsx';
import { UserActions } from './UserActions.tsx';
import { UserTokens } from './UserTokens.tsx';

/** `/admin/user?id=`: one account, its grants and what an administrator may do with it. */
export function UserDetailPage() {
  const id = useSearchParam('id') ?? '';
  const [user, reload] = useAsync((signal) => getUser(id, signal), [id]);
  return (
    <AdminLayout titleKey="admin.user.title">
      {user.status === 'loading' && <LoadingState />}
      {user.status === 'error' && <ErrorState error={user.error} onRetry={reload} />}
      {user.status === 'ready' && <UserDetail user={user.data} onChanged={reload} />}
    </AdminLayout>
  );
}

function UserDetail({ user, onChanged }: { user: AdminUserDetail; onChanged: () => void }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { can } = useAuth();
  const manage = can('users.manage');
  return (
    <>
      <h2>{user.displayName}</h2>
      <dl className="facts">
        <dt>{t('field.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t('field.organisation')}</dt>
        <dd>{user.organisationName}</dd>
        <dt>{t('field.status')}</dt>
        <dd>{t(`status.${user.status}`)}</dd>
        <dt>{t('field.preferredLanguage')}</dt>
        <dd>{nativeNames[user.preferredLanguage] ?? user.preferredLanguage}</dd>
        <dt>{t('profile.twoFactor')}</dt>
        <dd>{user.twoFactorEnrolled ? t('profile.twoFactorOn') : t('profile.twoFactorOff')}</dd>
        <dt>{t('admin.user.lastSignIn')}</dt>
        <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('tokens.never')}</dd>
        <dt>{t('admin.user.activeSessions')}</dt>
        <dd>{formatNumber(user.activeSessions)}</dd>
      </dl>
      {manage && <UserActions user={user} onChanged={onChanged} />}
      <GrantsSection user={user} manage={manage} onChanged={onChanged} />
      <UserTokens user={user} manage={manage} onChanged={onChanged} />
    </>
  );
}
