import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';

/** Shown for any path the page registry does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page page-narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
