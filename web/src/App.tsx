import { useEffect, useRef } from 'react';
import { getMeta } from './api.ts';
import { PageGuard } from './auth/PageGuard.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { findPage } from './pages.ts';
import { usePath } from './router/history.ts';
import { useAsync } from './shared/useAsync.ts';
import { DemoBanner } from './shell/DemoBanner.tsx';
import { Footer } from './shell/Footer.tsx';
import { Header } from './shell/Header.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';

/** The shell: skip link, demo banner, header, the current page in <main>, footer. */
export function App() {
  const { t } = useI18n();
  const path = usePath();
  const page = findPage(path);
  const [meta] = useAsync(getMeta, []);
  const title = page ? t(page.titleKey) : t('notFound.title');
  const Page = page?.component ?? NotFoundPage;

  useEffect(() => {
    document.title = `${title} · TIP Hub`;
  }, [title]);

  // After an in-app navigation, move focus to the new content, as a page load would.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    window.scrollTo(0, 0);
    mainRef.current?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      {meta.status === 'ready' && meta.data.demo && <DemoBanner />}
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <PageGuard access={page?.access}>
          <Page />
        </PageGuard>
      </main>
      <Footer version={meta.status === 'ready' ? meta.data.version : undefined} />
    </>
  );
}
