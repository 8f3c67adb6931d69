import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Navigation } from './Navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Product name and subtitle, language choice, the user's menu, and the main navigation. */
export function Header() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          {/* A product name: the same in every language. */}
          <span className="brand-name" lang="en" dir="ltr">
            TIP Hub
          </span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </Link>
        <div className="site-header-tools">
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
      <Navigation />
    </header>
  );
}
