import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PasswordChange } from './PasswordChange.tsx';
import { ProfileDetails } from './ProfileDetails.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** The signed-in user's own account: details and language, password, second factor, sessions, tokens. */
export function ProfilePage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  if (!user) return null;
  return (
    <div className="page page-narrow profile">
      <h1>{t('profile.title')}</h1>
      <ProfileDetails user={user} />
      <PasswordChange />
      <TwoFactorSection enabled={user.twoFactorEnabled} />
      <SessionsSection />
      {can('tokens.manage_own') && <TokensSection />}
    </div>
  );
}
