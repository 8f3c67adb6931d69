import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Says plainly that the data is fictitious, so no demo figure is ever quoted as real. */
export function DemoBanner() {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <section className="demo-banner" aria-labelledby={labelId}>
      <p>
        <strong id={labelId}>{t('demo.label')}</strong> <span>{t('demo.text')}</span>
      </p>
    </section>
  );
}
