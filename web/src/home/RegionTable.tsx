import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AreaCount, PartnershipStats } from './partnershipStats.ts';

/** The map's figures as a table: regions, their subregions and intermediate regions. */
export function RegionTable({ stats }: { stats: PartnershipStats }) {
  const { t, name, formatNumber } = useI18n();

  const rows = (area: AreaCount, level: number): ReactNode => (
    <Fragment key={area.area.code}>
      <tr className={`level-${level}`}>
        <th scope="row">{name(area.area.names)}</th>
        <td>{formatNumber(area.countries)}</td>
        <td>{formatNumber(area.unMembers)}</td>
      </tr>
      {area.children.map((child) => rows(child, level + 1))}
    </Fragment>
  );

  return (
    <div className="table-scroll">
      <table className="data-table region-table">
        <caption>{t('home.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.table.area')}</th>
            <th scope="col">{t('home.table.countries')}</th>
            <th scope="col">{t('home.table.unMembers')}</th>
          </tr>
        </thead>
        {/* One body per region keeps each region's rows grouped for styling and reading. */}
        {stats.regions.map((region) => (
          <tbody key={region.area.code}>{rows(region, 0)}</tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">{t('home.table.total')}</th>
            <td>{formatNumber(stats.countries)}</td>
            <td>{formatNumber(stats.unMembers)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
