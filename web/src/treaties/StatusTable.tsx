import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { StatusList } from './treatiesApi.ts';

/** Every State's standing on the instrument: the map's figures in an accessible form. */
export function StatusTable({ status, instrument }: { status: StatusList; instrument: string }) {
  const { t, name, compare } = useI18n();
  const rows = useMemo(() => [...status.items].sort((a, b) => compare(name(a.countryNames), name(b.countryNames))), [status, compare, name]);
  return (
    <section aria-labelledby="status-table-heading">
      <h2 id="status-table-heading">{t('treaties.table.title')}</h2>
      <div className="table-scroll">
        <table className="data-table list-table treaty-status-table">
          <caption>{t('treaties.table.caption', { instrument })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('treaties.table.country')}</th>
              <th scope="col">{t('treaties.table.status')}</th>
              <th scope="col">{t('treaties.table.signed')}</th>
              <th scope="col">{t('treaties.table.party')}</th>
              <th scope="col">{t('treaties.table.how')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.countryIso3} data-iso3={r.countryIso3}>
                <th scope="row">{name(r.countryNames)}</th>
                <td>
                  {t(`treaties.status.${r.status}`)}
                  {r.demo && <span className="badge"> {t('treaties.syntheticMark')}</span>}
                </td>
                <td>{r.signedOn && <time dateTime={r.signedOn}>{r.signedOn}</time>}</td>
                <td>{r.partyOn && <time dateTime={r.partyOn}>{r.partyOn}</time>}</td>
                <td>{r.how && t(`treaties.action.${r.how}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
