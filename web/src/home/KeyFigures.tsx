import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { PartnershipStats } from './partnershipStats.ts';

/** The headline numbers; a description list keeps each number tied to its label. */
export function KeyFigures({ stats }: { stats: PartnershipStats }) {
  const { t, formatNumber } = useI18n();
  const figures: [MessageKey, number][] = [
    ['home.figures.countries', stats.countries],
    ['home.figures.unMembers', stats.unMembers],
    ['home.figures.regions', stats.regions.length],
  ];
  return (
    <dl className="key-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="key-figure">
          <dt>{t(label)}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
