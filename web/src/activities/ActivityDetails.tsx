import type { ReactNode } from 'react';
import type { Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { pillarKeys, statusKeys } from '../monitoring/labels.ts';
import { Link } from '../router/Link.tsx';
import type { Activity } from './activitiesApi.ts';
import { mandateSymbol, narrative } from './narratives.ts';

type Narratives = Record<string, string>;

/** Text in the reader's language (or the fallback), marked with the language it is in. */
function Text({ n }: { n: Narratives | undefined }) {
  const { lang } = useI18n();
  const picked = narrative(n, lang);
  return picked ? <span lang={picked.lang}>{picked.text}</span> : null;
}

function Section({ id, title, empty, children, after }: { id: string; title: string; empty: boolean; children: ReactNode; after?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p className="muted">{t('activities.page.none')}</p> : children}
      {after}
    </section>
  );
}

const roleKey = (role: number) => `activities.page.role.${role}` as MessageKey;
const budgetKey = (type: number) => `activities.page.budget.${type}` as MessageKey;

/** Everything an activity reports, section by section, in the reader's language where given. */
export function ActivityDetails({ activity, countries, mandateLinksEditor }: { activity: Activity; countries: readonly Country[]; mandateLinksEditor?: ReactNode }) {
  const { t, name, formatNumber } = useI18n();
  const doc = activity.document;
  const byIso2 = new Map(countries.map((c) => [c.iso2, c]));
  const money = (value: number, currency: string) => `${formatNumber(value)} ${currency}`;
  const pillars = doc.sectors.filter((s) => s.vocabulary === 'tip');
  return (
    <>
      {activity.demo && <p className="demo-note">{t('activities.page.demo')}</p>}
      {!activity.published && <p className="form-alert">{t('activities.page.draft')}</p>}
      <section aria-labelledby="activity-overview">
        <h2 id="activity-overview">{t('activities.page.overview')}</h2>
        <dl className="activity-facts">
          <dt>{t('activities.page.identifier')}</dt>
          <dd>{doc.iatiIdentifier}</dd>
          <dt>{t('activities.page.reportingOrg')}</dt>
          <dd>
            <Text n={doc.reportingOrg.name} />
            {doc.reportingOrg.ref && <span className="muted"> ({doc.reportingOrg.ref})</span>}
          </dd>
          <dt>{t('activities.page.status')}</dt>
          <dd>{statusKeys[doc.status] ? t(statusKeys[doc.status]!) : doc.status}</dd>
          {(['plannedStart', 'actualStart', 'plannedEnd', 'actualEnd'] as const).map((k) =>
            doc.dates[k] ? (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{t(`activities.page.${k}`)}</dt>
                <dd>{doc.dates[k]}</dd>
              </div>
            ) : null,
          )}
        </dl>
        {Object.keys(doc.description).length > 0 && (
          <>
            <h3>{t('activities.page.description')}</h3>
            <p>
              <Text n={doc.description} />
            </p>
          </>
        )}
      </section>

      <Section id="activity-organisations" title={t('activities.page.organisations')} empty={doc.participatingOrgs.length === 0}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activities.page.organisationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.page.organisation')}</th>
                <th scope="col">{t('activities.page.role')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.participatingOrgs.map((o, i) => (
                <tr key={i}>
                  <th scope="row">{Object.keys(o.name).length ? <Text n={o.name} /> : (o.ref ?? o.organisationId)}</th>
                  <td>{t(roleKey(o.role))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="activity-countries" title={t('activities.page.countries')} empty={doc.recipientCountries.length + doc.recipientRegions.length === 0}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activities.page.countriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.page.place')}</th>
                <th scope="col">{t('activities.page.percentage')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.recipientCountries.map((c) => {
                const country = byIso2.get(c.code);
                return (
                  <tr key={`c${c.code}`}>
                    <th scope="row">{country ? <Link to={`/country?iso3=${country.iso3}`}>{name(country.names)}</Link> : c.code}</th>
                    <td className="number">{c.percentage === null ? '—' : `${formatNumber(c.percentage)} %`}</td>
                  </tr>
                );
              })}
              {doc.recipientRegions.map((r) => (
                <tr key={`r${r.code}`}>
                  <th scope="row">{r.code}</th>
                  <td className="number">{r.percentage === null ? '—' : `${formatNumber(r.percentage)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="activity-pillars" title={t('activities.page.pillars')} empty={pillars.length === 0}>
        <ul>
          {pillars.map((p) => (
            <li key={p.code}>
              {pillarKeys[p.code] ? t(pillarKeys[p.code]!) : p.code}
              {p.percentage !== null && ` (${formatNumber(p.percentage)} %)`}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="activity-budgets" title={t('activities.page.budgets')} empty={doc.budgets.length === 0}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activities.page.budgetsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.page.period')}</th>
                <th scope="col">{t('activities.page.budgetType')}</th>
                <th scope="col">{t('activities.page.value')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.budgets.map((b, i) => (
                <tr key={i}>
                  <th scope="row">
                    {b.periodStart} – {b.periodEnd}
                  </th>
                  <td>{t(budgetKey(b.type))}</td>
                  <td className="number">{money(b.value, b.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="activity-transactions" title={t('activities.page.transactions')} empty={doc.transactions.length === 0}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('activities.page.transactionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.page.date')}</th>
                <th scope="col">{t('activities.page.type')}</th>
                <th scope="col">{t('activities.page.value')}</th>
                <th scope="col">{t('activities.page.description')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.transactions.map((x, i) => (
                <tr key={i}>
                  <th scope="row">{x.date}</th>
                  <td>{x.type}</td>
                  <td className="number">{money(x.value, x.currency)}</td>
                  <td>
                    <Text n={x.description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="activity-results" title={t('activities.page.results')} empty={doc.results.length === 0}>
        {doc.results.map((r, i) => (
          <div key={i}>
            <h3>
              <Text n={r.title} />
            </h3>
            {Object.keys(r.description).length > 0 && (
              <p>
                <Text n={r.description} />
              </p>
            )}
            {r.indicators.length > 0 && (
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('activities.page.indicatorsCaption', { result: narrative(r.title, 'en')?.text ?? '' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('activities.page.indicator')}</th>
                      <th scope="col">{t('activities.page.baseline')}</th>
                      <th scope="col">{t('activities.page.period')}</th>
                      <th scope="col">{t('activities.page.target')}</th>
                      <th scope="col">{t('activities.page.actual')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.indicators.flatMap((ind, j) => {
                      const values = (vs: { value: number | null; dimensions: Record<string, string> }[]) =>
                        vs.map((v) => `${v.value === null ? '—' : formatNumber(v.value)}${Object.keys(v.dimensions).length ? ` (${Object.entries(v.dimensions).map(([k, d]) => `${k}: ${d}`).join(', ')})` : ''}`).join('; ');
                      const baseline = ind.baseline ? `${ind.baseline.value === null ? '—' : formatNumber(ind.baseline.value)} (${ind.baseline.year})` : '—';
                      const periods = ind.periods.length ? ind.periods : [null];
                      return periods.map((p, k) => (
                        <tr key={`${j}-${k}`}>
                          <th scope="row">
                            <Text n={ind.title} />
                          </th>
                          <td>{baseline}</td>
                          <td>{p ? `${p.start} – ${p.end}` : '—'}</td>
                          <td>{p ? values(p.targets) : '—'}</td>
                          <td>{p ? values(p.actuals) : '—'}</td>
                        </tr>
                      ));
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ))}
      </Section>

      <Section id="activity-mandates" title={t('activities.page.mandates')} empty={doc.mandateLinks.length === 0} after={mandateLinksEditor}>
        <ul>
          {doc.mandateLinks.map((ref) => {
            const symbol = mandateSymbol(ref);
            return <li key={ref}>{symbol ? <Link to={`/mandate?symbol=${encodeURIComponent(symbol)}`}>{ref}</Link> : ref}</li>;
          })}
        </ul>
      </Section>

      <Section id="activity-documents" title={t('activities.page.documents')} empty={doc.documents.length === 0}>
        <ul>
          {doc.documents.map((d, i) => (
            <li key={i}>
              <a href={d.url} rel="noreferrer noopener" target="_blank">
                {Object.keys(d.title).length ? <Text n={d.title} /> : d.url}
              </a>{' '}
              <span className="muted">({d.format})</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="activity-contacts" title={t('activities.page.contacts')} empty={doc.contacts.length === 0}>
        <ul>
          {doc.contacts.map((c, i) => (
            <li key={i}>
              <Text n={c.personName} /> {Object.keys(c.organisation).length > 0 && <>(<Text n={c.organisation} />)</>} {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}{' '}
              {c.telephone && <span dir="ltr">{c.telephone}</span>} {c.website && <a href={c.website}>{c.website}</a>}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
