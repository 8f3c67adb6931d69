import { useI18n } from '../i18n/I18nProvider.tsx';

/** About line, API documentation link and, once the API has answered, the running version. */
export function Footer({ version }: { version: string | undefined }) {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t('footer.about')}</p>
        <p className="site-footer-links">
          <a href="/api/docs">{t('footer.apiDocs')}</a>
          {version && (
            <span className="site-footer-version">{t('footer.version', { version })}</span>
          )}
        </p>
      </div>
    </footer>
  );
}
