// Reads IATI 2.03 activity XML into activity documents, with a graded report per activity:
// critical (the activity is rejected), error (an element was dropped), warning (accepted as is).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { activityDocumentSchema, emptyDocument, exploitationForms, targetGroups, type ActivityDocument, type Narratives, type Problem } from '../activities.schema.ts';
import { activityDateTypes, MARKER_CODE, MARKER_VOCABULARY_URI, PILLAR_VOCABULARY_URI, TIP_NAMESPACE } from './iati-vocabulary.ts';
import { pillars } from '../activities.schema.ts';

/** One activity of the file: its document when it can be accepted, and what was found wrong. */
export interface ParsedActivity {
  index: number;
  iatiIdentifier: string | null;
  reportingOrg: { ref: string | null; name: Narratives } | null;
  /** Null when a critical problem rejects it. */
  document: ActivityDocument | null;
  problems: Problem[];
}

export interface ParsedFile {
  activities: ParsedActivity[];
  fileProblems: Problem[];
}

type El = Record<string, unknown>;

const IGNORED_IATI = new Set([
  'other-identifier',
  'activity-scope',
  'location',
  'tag',
  'country-budget-items',
  'humanitarian-scope',
  'collaboration-type',
  'default-flow-type',
  'default-finance-type',
  'default-aid-type',
  'default-tied-status',
  'planned-disbursement',
  'capital-spend',
  'related-activity',
  'legacy-data',
  'conditions',
  'crs-add',
  'fss',
]);
const HANDLED = new Set([
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'activity-status',
  'activity-date',
  'contact-info',
  'recipient-country',
  'recipient-region',
  'sector',
  'policy-marker',
  'budget',
  'transaction',
  'document-link',
  'result',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

const children = (el: El | undefined, name: string): El[] => (el && Array.isArray(el[name]) ? (el[name] as El[]) : []);
const first = (el: El | undefined, name: string): El | undefined => children(el, name)[0];
const attr = (el: El | undefined, name: string): string | null => {
  const v = el?.[`@${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const text = (el: El | undefined): string | null => {
  const v = el?.['#text'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** Parses a whole file. `countryExists` checks ISO 3166-1 alpha-2 codes. */
export function parseIatiXml(xml: string, countryExists: (iso2: string) => boolean): ParsedFile {
  const fileProblems: Problem[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    fileProblems.push({ severity: 'critical', path: `line ${valid.err.line}, column ${valid.err.col}`, reason: `malformed XML: ${valid.err.msg}` });
    return { activities: [], fileProblems };
  }
  const parsed = parser.parse(xml) as El;
  const root = first(parsed, 'iati-activities');
  if (!root) {
    const name = Object.keys(parsed).find((k) => !k.startsWith('?')) ?? '(none)';
    fileProblems.push({ severity: 'critical', path: name, reason: 'the root element must be iati-activities' });
    return { activities: [], fileProblems };
  }
  const defaultNs = attr(root, 'xmlns');
  if (defaultNs) {
    fileProblems.push({ severity: 'critical', path: 'iati-activities/@xmlns', reason: `IATI elements have no namespace; this file puts them in ${defaultNs}` });
    return { activities: [], fileProblems };
  }
  const version = attr(root, 'version');
  if (!version) fileProblems.push({ severity: 'warning', path: 'iati-activities/@version', reason: 'no version; read as 2.03' });
  else if (!/^2\.0[1-3]$/.test(version)) fileProblems.push({ severity: 'warning', path: 'iati-activities/@version', reason: `version ${version} is read as 2.03` });
  const tipPrefix = Object.entries(root).find(([k, v]) => k.startsWith('@xmlns:') && v === TIP_NAMESPACE)?.[0].slice('@xmlns:'.length) ?? null;
  const list = children(root, 'iati-activity');
  if (list.length === 0) fileProblems.push({ severity: 'critical', path: 'iati-activities', reason: 'no iati-activity element' });
  const rootLang = attr(root, 'xml:lang');
  return { activities: list.map((a, i) => parseActivity(a, i + 1, { tipPrefix, countryExists, rootLang })), fileProblems };
}

interface Context {
  tipPrefix: string | null;
  countryExists: (iso2: string) => boolean;
  rootLang: string | null;
}

function parseActivity(a: El, index: number, ctx: Context): ParsedActivity {
  const base = `iati-activity[${index}]`;
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], path: string, reason: string) => problems.push({ severity, path: `${base}${path ? `/${path}` : ''}`, reason });
  const defaultLang = (attr(a, 'xml:lang') ?? ctx.rootLang ?? 'en').toLowerCase();
  const defaultCurrency = attr(a, 'default-currency');

  const narratives = (el: El | undefined, path: string): Narratives => {
    const out: Narratives = {};
    children(el, 'narrative').forEach((n, i) => {
      const value = text(n);
      if (!value) return;
      let lang = (attr(n, 'xml:lang') ?? defaultLang).toLowerCase();
      if (!/^[a-z]{2,3}$/.test(lang)) {
        report('warning', `${path}/narrative[${i + 1}]/@xml:lang`, `"${lang}" is not an ISO 639-1 code; read as ${defaultLang}`);
        lang = defaultLang;
      }
      if (out[lang] !== undefined) report('warning', `${path}/narrative[${i + 1}]`, `a second narrative in "${lang}" is ignored`);
      else out[lang] = value;
    });
    return out;
  };
  const numberAt = (raw: string | null, path: string, severity: Problem['severity'] = 'error'): number | null | undefined => {
    if (raw === null) return null;
    const n = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(n)) {
      report(severity, path, `"${raw}" is not a number`);
      return undefined;
    }
    return n;
  };
  const dateAt = (raw: string | null, path: string, severity: Problem['severity'] = 'error'): string | null | undefined => {
    if (raw === null) return null;
    const d = raw.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
      report(severity, path, `"${raw}" is not a date (YYYY-MM-DD)`);
      return undefined;
    }
    return d;
  };
  const percentageAt = (el: El, path: string): number | null => {
    const p = numberAt(attr(el, 'percentage'), `${path}/@percentage`);
    if (p === undefined) return null;
    if (p !== null && (p < 0 || p > 100)) {
      report('error', `${path}/@percentage`, `${p} is not between 0 and 100; left out`);
      return null;
    }
    return p;
  };
  const orgRef = (el: El | undefined, path: string) => (el ? { ref: attr(el, 'ref'), name: narratives(el, path) } : null);

  const identifier = text(first(a, 'iati-identifier'));
  if (!identifier) report('critical', 'iati-identifier', 'missing: every activity needs its IATI identifier');
  const reportingEl = first(a, 'reporting-org');
  const reportingOrg = orgRef(reportingEl, 'reporting-org');
  if (!reportingEl) report('critical', 'reporting-org', 'missing');
  else if (!reportingOrg?.ref && Object.keys(reportingOrg?.name ?? {}).length === 0) report('critical', 'reporting-org', 'neither @ref nor a name');

  const doc = emptyDocument(identifier ?? '');
  if (reportingOrg) doc.reportingOrg = { ref: reportingOrg.ref, type: /^\d{2}$/.test(attr(reportingEl, 'type') ?? '') ? attr(reportingEl, 'type') : null, name: reportingOrg.name };
  doc.title = narratives(first(a, 'title'), 'title');
  if (Object.keys(doc.title).length === 0) report('critical', 'title', 'missing: an activity needs a title');

  children(a, 'description').forEach((d, i) => {
    const type = attr(d, 'type') ?? '1';
    if (type !== '1') return report('warning', `description[${i + 1}]`, `description of type ${type} is not imported (only general descriptions are)`);
    for (const [lang, value] of Object.entries(narratives(d, `description[${i + 1}]`))) doc.description[lang] = doc.description[lang] ? `${doc.description[lang]}\n\n${value}` : value;
  });
  if (Object.keys(doc.description).length === 0) report('warning', 'description', 'no general description');

  children(a, 'participating-org').forEach((p, i) => {
    const path = `participating-org[${i + 1}]`;
    const role = Number(attr(p, 'role'));
    if (![1, 2, 3, 4].includes(role)) return report('error', `${path}/@role`, `role "${attr(p, 'role') ?? ''}" is not 1-4 (funding, accountable, extending, implementing); left out`);
    const ref = attr(p, 'ref');
    const name = narratives(p, path);
    if (!ref && Object.keys(name).length === 0) return report('error', path, 'neither @ref nor a name; left out');
    const type = attr(p, 'type');
    if (type && !/^\d{2}$/.test(type)) report('warning', `${path}/@type`, `"${type}" is not an IATI organisation type code; left out`);
    const organisationId = ctx.tipPrefix ? attr(p, `${ctx.tipPrefix}:organisation-id`) : null;
    doc.participatingOrgs.push({ role: role as 1 | 2 | 3 | 4, organisationId: organisationId && /^[0-9a-f-]{36}$/i.test(organisationId) ? organisationId : null, ref, type: type && /^\d{2}$/.test(type) ? type : null, name });
  });
  if (doc.participatingOrgs.length === 0) report('warning', 'participating-org', 'no participating organisation');

  const statusEl = first(a, 'activity-status');
  const status = Number(attr(statusEl, 'code'));
  if (!statusEl) report('critical', 'activity-status', 'missing');
  else if (!Number.isInteger(status) || status < 1 || status > 6) report('critical', 'activity-status/@code', `"${attr(statusEl, 'code') ?? ''}" is not an IATI activity status (1-6)`);
  else doc.status = status;

  children(a, 'activity-date').forEach((d, i) => {
    const path = `activity-date[${i + 1}]`;
    const type = attr(d, 'type');
    const key = (Object.keys(activityDateTypes) as (keyof typeof activityDateTypes)[]).find((k) => activityDateTypes[k] === type);
    if (!key) return report('error', `${path}/@type`, `"${type ?? ''}" is not an activity date type (1-4); left out`);
    const date = dateAt(attr(d, 'iso-date'), `${path}/@iso-date`);
    if (date === null) report('error', `${path}/@iso-date`, 'missing; left out');
    if (date) doc.dates[key] = date;
  });
  const { plannedStart, plannedEnd, actualStart, actualEnd } = doc.dates;
  if (plannedStart && plannedEnd && plannedStart > plannedEnd) report('critical', 'activity-date', `planned end ${plannedEnd} is before planned start ${plannedStart}`);
  if (actualStart && actualEnd && actualStart > actualEnd) report('critical', 'activity-date', `actual end ${actualEnd} is before actual start ${actualStart}`);

  children(a, 'contact-info').forEach((c, i) => {
    const path = `contact-info[${i + 1}]`;
    const email = text(first(c, 'email'));
    const website = text(first(c, 'website'));
    const emailOk = !email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
    if (!emailOk) report('error', `${path}/email`, `"${email}" is not an e-mail address; left out`);
    const websiteOk = !website || URL.canParse(website);
    if (!websiteOk) report('error', `${path}/website`, `"${website}" is not a URL; left out`);
    const type = attr(c, 'type');
    doc.contacts.push({
      type: type && /^\d$/.test(type) ? type : null,
      organisation: narratives(first(c, 'organisation'), `${path}/organisation`),
      personName: narratives(first(c, 'person-name'), `${path}/person-name`),
      telephone: text(first(c, 'telephone')),
      email: emailOk ? email : null,
      website: websiteOk ? website : null,
    });
  });

  children(a, 'recipient-country').forEach((c, i) => {
    const path = `recipient-country[${i + 1}]`;
    const code = attr(c, 'code')?.toUpperCase() ?? null;
    if (!code || !/^[A-Z]{2}$/.test(code) || !ctx.countryExists(code)) return report('error', `${path}/@code`, `unknown country code "${code ?? ''}"; left out`);
    doc.recipientCountries.push({ code, percentage: percentageAt(c, path) });
  });
  children(a, 'recipient-region').forEach((r, i) => {
    const path = `recipient-region[${i + 1}]`;
    const vocabulary = attr(r, 'vocabulary') ?? '1';
    if (vocabulary !== '1' && vocabulary !== '2') return report('warning', `${path}/@vocabulary`, `region vocabulary ${vocabulary} is not imported (only 1 OECD DAC and 2 UN M49)`);
    const code = attr(r, 'code');
    if (!code || !/^\d{3}$/.test(code)) return report('error', `${path}/@code`, `"${code ?? ''}" is not a 3-digit region code; left out`);
    doc.recipientRegions.push({ code, vocabulary, percentage: percentageAt(r, path) });
  });
  const overflow = (values: (number | null)[], path: string) => {
    const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (total > 100.0001) report('critical', path, `percentages add up to ${total}, more than 100`);
  };
  overflow(doc.recipientCountries.map((c) => c.percentage), 'recipient-country/@percentage');
  overflow(doc.recipientRegions.map((r) => r.percentage), 'recipient-region/@percentage');
  const geo = [...doc.recipientCountries, ...doc.recipientRegions];
  if (geo.length > 1) {
    const total = geo.reduce((s, g) => s + (g.percentage ?? 0), 0);
    if (Math.abs(total - 100) > 0.01) report('warning', 'recipient-country/@percentage', `countries and regions add up to ${total}%, not 100%`);
  }

  children(a, 'sector').forEach((s, i) => {
    const path = `sector[${i + 1}]`;
    const vocabulary = attr(s, 'vocabulary') ?? '1';
    const code = attr(s, 'code') ?? '';
    if (vocabulary === '1') {
      if (!/^\d{5}$/.test(code)) return report('error', `${path}/@code`, `"${code}" is not a 5-digit DAC purpose code; left out`);
      doc.sectors.push({ vocabulary: '1', code, percentage: percentageAt(s, path) });
    } else if ((vocabulary === '99' || vocabulary === '98') && attr(s, 'vocabulary-uri') === PILLAR_VOCABULARY_URI) {
      if (!(pillars as readonly string[]).includes(code)) return report('error', `${path}/@code`, `"${code}" is not a pillar (${pillars.join(', ')}); left out`);
      doc.sectors.push({ vocabulary: 'tip', code, percentage: percentageAt(s, path) });
    } else {
      report('warning', `${path}/@vocabulary`, `sector vocabulary ${vocabulary} is not imported`);
    }
  });
  for (const vocabulary of ['1', 'tip'] as const) {
    overflow(doc.sectors.filter((s) => s.vocabulary === vocabulary).map((s) => s.percentage), `sector[@vocabulary="${vocabulary === '1' ? '1' : '99'}"]/@percentage`);
  }

  children(a, 'policy-marker').forEach((m, i) => {
    const path = `policy-marker[${i + 1}]`;
    if (attr(m, 'code') !== MARKER_CODE || attr(m, 'vocabulary-uri') !== MARKER_VOCABULARY_URI) return report('warning', path, `policy marker ${attr(m, 'vocabulary') ?? '1'}/${attr(m, 'code') ?? ''} is not imported`);
    const significance = Number(attr(m, 'significance'));
    if (![0, 1, 2].includes(significance)) return report('error', `${path}/@significance`, `"${attr(m, 'significance') ?? ''}" is not 0, 1 or 2; left out`);
    doc.traffickingMarker = significance as 0 | 1 | 2;
  });

  const valueOf = (el: El | undefined, path: string) => {
    if (!el) {
      report('error', path, 'missing value; left out');
      return null;
    }
    const value = numberAt(text(el), path);
    const currency = (attr(el, 'currency') ?? defaultCurrency)?.toUpperCase() ?? null;
    const valueDate = dateAt(attr(el, 'value-date'), `${path}/@value-date`);
    if (value === null || value === undefined) {
      if (value === null) report('error', path, 'empty value; left out');
      return null;
    }
    if (!currency || !/^[A-Z]{3}$/.test(currency)) {
      report('error', `${path}/@currency`, 'no currency here and no default-currency on the activity; left out');
      return null;
    }
    if (!valueDate) {
      if (valueDate === null) report('error', `${path}/@value-date`, 'missing; left out');
      return null;
    }
    return { value, currency, valueDate };
  };

  children(a, 'budget').forEach((b, i) => {
    const path = `budget[${i + 1}]`;
    const periodStart = dateAt(attr(first(b, 'period-start'), 'iso-date'), `${path}/period-start/@iso-date`);
    const periodEnd = dateAt(attr(first(b, 'period-end'), 'iso-date'), `${path}/period-end/@iso-date`);
    const money = valueOf(first(b, 'value'), `${path}/value`);
    if (!periodStart || !periodEnd || !money) {
      if (periodStart === null || periodEnd === null) report('error', path, 'needs period-start and period-end; left out');
      return;
    }
    if (periodStart > periodEnd) return report('error', `${path}/period-end`, 'the period ends before it starts; left out');
    const type = attr(b, 'type') === '2' ? 2 : 1;
    const status = attr(b, 'status') === '2' ? 2 : 1;
    doc.budgets.push({ type, status, periodStart, periodEnd, ...money });
  });

  children(a, 'transaction').forEach((t, i) => {
    const path = `transaction[${i + 1}]`;
    const type = Number(attr(first(t, 'transaction-type'), 'code'));
    if (!Number.isInteger(type) || type < 1 || type > 13) return report('error', `${path}/transaction-type/@code`, 'not an IATI transaction type (1-13); left out');
    const date = dateAt(attr(first(t, 'transaction-date'), 'iso-date'), `${path}/transaction-date/@iso-date`);
    if (!date) {
      if (date === null) report('error', `${path}/transaction-date`, 'missing; left out');
      return;
    }
    const money = valueOf(first(t, 'value'), `${path}/value`);
    if (!money) return;
    doc.transactions.push({
      ref: attr(t, 'ref'),
      type,
      date,
      ...money,
      description: narratives(first(t, 'description'), `${path}/description`),
      providerOrg: orgRef(first(t, 'provider-org'), `${path}/provider-org`),
      receiverOrg: orgRef(first(t, 'receiver-org'), `${path}/receiver-org`),
    });
  });

  children(a, 'document-link').forEach((d, i) => {
    const path = `document-link[${i + 1}]`;
    const url = attr(d, 'url');
    if (!url || !URL.canParse(url)) return report('error', `${path}/@url`, `"${url ?? ''}" is not a URL; left out`);
    const categories = children(d, 'category').flatMap((c) => {
      const code = attr(c, 'code');
      return code && /^[AB]\d{2}$/.test(code) ? [code] : [];
    });
    doc.documents.push({ url, format: attr(d, 'format') ?? 'text/html', title: narratives(first(d, 'title'), `${path}/title`), categories });
  });

  const dimensions = (el: El) => Object.fromEntries(children(el, 'dimension').flatMap((dim) => (attr(dim, 'name') ? [[attr(dim, 'name')!, attr(dim, 'value') ?? '']] : [])));
  children(a, 'result').forEach((r, i) => {
    const path = `result[${i + 1}]`;
    const type = Number(attr(r, 'type'));
    if (![1, 2, 3, 9].includes(type)) return report('error', `${path}/@type`, `"${attr(r, 'type') ?? ''}" is not a result type (1, 2, 3, 9); left out`);
    const indicators = children(r, 'indicator').flatMap((ind, j) => {
      const ipath = `${path}/indicator[${j + 1}]`;
      const measure = Number(attr(ind, 'measure'));
      if (![1, 2, 3, 4, 5].includes(measure)) {
        report('error', `${ipath}/@measure`, `"${attr(ind, 'measure') ?? ''}" is not an indicator measure (1-5); left out`);
        return [];
      }
      const baselineEl = first(ind, 'baseline');
      let baseline: ActivityDocument['results'][number]['indicators'][number]['baseline'] = null;
      if (baselineEl) {
        const year = Number(attr(baselineEl, 'year'));
        if (!Number.isInteger(year) || year < 1900 || year > 2200) report('error', `${ipath}/baseline/@year`, 'not a year; baseline left out');
        else baseline = { year, value: numberAt(attr(baselineEl, 'value'), `${ipath}/baseline/@value`) ?? null, dimensions: dimensions(baselineEl) };
      }
      const periods = children(ind, 'period').flatMap((p, k) => {
        const ppath = `${ipath}/period[${k + 1}]`;
        const start = dateAt(attr(first(p, 'period-start'), 'iso-date'), `${ppath}/period-start/@iso-date`);
        const end = dateAt(attr(first(p, 'period-end'), 'iso-date'), `${ppath}/period-end/@iso-date`);
        if (!start || !end) {
          if (start === null || end === null) report('error', ppath, 'needs period-start and period-end; left out');
          return [];
        }
        if (start > end) {
          report('error', ppath, 'the period ends before it starts; left out');
          return [];
        }
        const measured = (name: string) => children(p, name).map((m, n) => ({ value: numberAt(attr(m, 'value'), `${ppath}/${name}[${n + 1}]/@value`) ?? null, dimensions: dimensions(m) }));
        return [{ start, end, targets: measured('target'), actuals: measured('actual') }];
      });
      const ascending = attr(ind, 'ascending');
      return [{ measure: measure as 1 | 2 | 3 | 4 | 5, ascending: !(ascending === '0' || ascending === 'false'), title: narratives(first(ind, 'title'), `${ipath}/title`), baseline, periods }];
    });
    doc.results.push({ type: type as 1 | 2 | 3 | 9, title: narratives(first(r, 'title'), `${path}/title`), description: narratives(first(r, 'description'), `${path}/description`), indicators });
  });

  // Our extension elements; other namespaces' extensions are skipped without a word.
  if (ctx.tipPrefix) {
    const p = ctx.tipPrefix;
    children(a, `${p}:target-group`).forEach((g, i) => {
      const code = attr(g, 'code');
      if (!(targetGroups as readonly string[]).includes(code ?? '')) return report('error', `${p}:target-group[${i + 1}]/@code`, `"${code ?? ''}" is not a target group; left out`);
      doc.targetGroups.push(code as (typeof targetGroups)[number]);
    });
    children(a, `${p}:exploitation-form`).forEach((g, i) => {
      const code = attr(g, 'code');
      if (!(exploitationForms as readonly string[]).includes(code ?? '')) return report('error', `${p}:exploitation-form[${i + 1}]/@code`, `"${code ?? ''}" is not a form of exploitation; left out`);
      doc.exploitationForms.push(code as (typeof exploitationForms)[number]);
    });
    children(a, `${p}:mandate-link`).forEach((m) => {
      const ref = text(m);
      if (ref) doc.mandateLinks.push(ref);
    });
  }
  for (const name of Object.keys(a)) {
    if (name.startsWith('@') || name === '#text' || HANDLED.has(name) || name.includes(':')) continue;
    report('warning', name, IGNORED_IATI.has(name) ? `${name} is not imported` : `unknown element ${name} ignored`);
  }

  const critical = problems.some((p) => p.severity === 'critical');
  let document: ActivityDocument | null = null;
  if (!critical) {
    const checked = activityDocumentSchema.safeParse(doc);
    if (checked.success) document = checked.data;
    else for (const issue of checked.error.issues) report('critical', issue.path.join('.'), issue.message);
  }
  return { index, iatiIdentifier: identifier, reportingOrg, document, problems };
}
