import { useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { decideAccess } from '../auth/pageAccess.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { menuPages } from '../pages.ts';
import { navigate, usePath } from '../router/history.ts';
import { Link } from '../router/Link.tsx';

/** "Sign in", or the user's name opening a menu of their pages and "Sign out" (disclosure pattern). */
export function UserMenu() {
  const { t } = useI18n();
  const auth = useAuth();
  const path = usePath();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (auth.status === 'loading') return null;
  if (!auth.user) {
    if (path === '/sign-in') return null;
    return (
      <Link to={auth.pendingTwoFactor ? '/two-factor' : '/sign-in'} className="button button-secondary user-sign-in">
        {auth.pendingTwoFactor ? t('twoFactor.title') : t('signIn.title')}
      </Link>
    );
  }

  const items = menuPages.filter((page) => decideAccess(page.access, auth) === 'allowed');
  return (
    <div
      className="user-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="user-menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <span className="visually-hidden">{t('userMenu.label')}: </span>
        {auth.user.displayName}
      </button>
      <ul id={menuId} className="user-menu-list" hidden={!open}>
        {items.map((page) => (
          <li key={page.path}>
            <Link to={page.path}>{page.menuKey && t(page.menuKey)}</Link>
          </li>
        ))}
        <li>
          <button
            type="button"
            onClick={() => {
              void auth.signOut().finally(() => navigate('/'));
            }}
          >
            {t('userMenu.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
