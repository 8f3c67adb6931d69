import { useAuth } from '../auth/AuthProvider.tsx';
import { decideAccess } from '../auth/pageAccess.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { externalLinks, pages } from '../pages.ts';
import { Link } from '../router/Link.tsx';

/** The main nav, built from the page registry: only pages that exist and the reader may use. */
export function Navigation() {
  const { t } = useI18n();
  const auth = useAuth();
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul>
        {pages.map(
          (page) =>
            page.navKey &&
            decideAccess(page.access, auth) === 'allowed' && (
              <li key={page.path}>
                <Link to={page.path}>{t(page.navKey)}</Link>
              </li>
            ),
        )}
        {externalLinks.map((link) => (
          <li key={link.href}>
            <a href={link.href} title={link.titleKey && t(link.titleKey)}>
              {t(link.labelKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
