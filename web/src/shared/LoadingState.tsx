import { useI18n } from '../i18n/I18nProvider.tsx';

/** A polite live region so screen readers hear that something is on its way. */
export function LoadingState() {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status">
      {t('state.loading')}
    </p>
  );
}
