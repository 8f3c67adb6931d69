import type { ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import type { Permission } from '../auth/permissions.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';

const sections: readonly { path: string; labelKey: MessageKey; needs: Permission }[] = [
  { path: '/admin/users', labelKey: 'admin.users.title', needs: 'users.read' },
  { path: '/admin/invite', labelKey: 'admin.invite.title', needs: 'users.manage' },
  { path: '/admin/tokens', labelKey: 'admin.tokens.title', needs: 'users.manage' },
  { path: '/admin/outbox', labelKey: 'admin.outbox.title', needs: 'users.manage' },
];

/** The administration area's own tabs-like links, limited to what the reader may use. */
export function AdminNav() {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <nav className="sub-nav" aria-label={t('admin.navLabel')}>
      <ul>
        {sections
          .filter((s) => can(s.needs) || can('users.manage'))
          .map((s) => (
            <li key={s.path}>
              <Link to={s.path}>{t(s.labelKey)}</Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** An administration page: the area's heading, its links, then the page's own content. */
export function AdminLayout({ titleKey, children }: { titleKey: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="page admin">
      <p className="eyebrow">{t('nav.admin')}</p>
      <h1>{t(titleKey)}</h1>
      <AdminNav />
      {children}
    </div>
  );
}
