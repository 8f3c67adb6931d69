import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { notPartyCsv } from './notPartyCsv.ts';
import type { StatusList } from './treatiesApi.ts';

/** The States not yet party to the instrument, signatories first, with a CSV download of the list. */
export function NotPartyList({ status, instrument }: { status: StatusList; instrument: string }) {
  const { t, name, formatNumber, compare } = useI18n();
  const rows = useMemo(
    () =>
      status.items
        .filter((i) => i.status !== 'party')
        .sort((a, b) => (a.status === b.status ? compare(name(a.countryNames), name(b.countryNames)) : a.status === 'signatory' ? -1 : 1)),
    [status, compare, name],
  );
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(notPartyCsv(status.instrument.code, rows))}`, [status, rows]);
  return (
    <section aria-labelledby="not-party-heading">
      <h2 id="not-party-heading">{t('treaties.notParty.title')}</h2>
      {rows.length === 0 ? (
        <p role="status">{t('treaties.notParty.none')}</p>
      ) : (
        <>
          <p role="status">
            {t('treaties.notParty.count', { count: formatNumber(rows.length) })}{' '}
            <a className="button button-secondary" href={csvHref} download={`not-party-${status.instrument.code}.csv`}>
              {t('treaties.notParty.download')}
            </a>
          </p>
          <div className="table-scroll">
            <table className="data-table list-table not-party-table">
              <caption>{t('treaties.notParty.caption', { instrument })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('treaties.table.country')}</th>
                  <th scope="col">{t('treaties.table.status')}</th>
                  <th scope="col">{t('treaties.table.signed')}</th>
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
