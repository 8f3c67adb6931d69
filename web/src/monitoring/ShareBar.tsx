import { useI18n } from '../i18n/I18nProvider.tsx';

/** A share (0 to 1) as a percentage with a small bar; "n/a" when there is nothing to measure. */
export function ShareBar({ share }: { share: number | null }) {
  const { t, lang } = useI18n();
  if (share === null) return <span className="muted">{t('monitoring.scorecards.notApplicable')}</span>;
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  return (
    <span className="share">
      <span className="share-bar" aria-hidden="true">
        <span className="share-fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="share-value">{percent}</span>
    </span>
  );
}
