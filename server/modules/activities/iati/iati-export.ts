// Writes activity documents as IATI 2.03 activity XML, children in the order of the official
// activity schema (iati-activities-schema.xsd, iati-activity sequence). Our vocabularies go
// in IATI's "reporting organisation" vocabularies and our extension namespace.
import type { ActivityDocument, Narratives } from '../activities.schema.ts';
import { activityDateTypes, MARKER_CODE, MARKER_VOCABULARY_URI, PILLAR_VOCABULARY_URI, TIP_NAMESPACE, TIP_PREFIX } from './iati-vocabulary.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

type Attrs = Record<string, string | number | boolean | null | undefined>;
const attrs = (a: Attrs) =>
  Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(typeof v === 'boolean' ? (v ? '1' : '0') : String(v))}"`)
    .join('');

class Writer {
  private readonly parts: string[] = [];
  private depth = 0;

  line(s: string) {
    this.parts.push(`${'  '.repeat(this.depth)}${s}\n`);
  }
  empty(name: string, a: Attrs = {}) {
    this.line(`<${name}${attrs(a)}/>`);
  }
  leaf(name: string, a: Attrs, content: string) {
    this.line(`<${name}${attrs(a)}>${escape(content)}</${name}>`);
  }
  open(name: string, a: Attrs, body: () => void) {
    this.line(`<${name}${attrs(a)}>`);
    this.depth++;
    body();
    this.depth--;
    this.line(`</${name}>`);
  }
  narratives(n: Narratives) {
    for (const lang of Object.keys(n).sort()) this.leaf('narrative', { 'xml:lang': lang }, n[lang]!);
  }
  /** An element holding narratives; left out when there are none (IATI wants at least one). */
  text(name: string, n: Narratives, a: Attrs = {}) {
    if (Object.keys(n).length > 0) this.open(name, a, () => this.narratives(n));
  }
  toString() {
    return this.parts.join('');
  }
}

/** The whole file: one iati-activities with every activity, UTF-8. */
export function toIatiXml(items: { document: ActivityDocument; updatedAt: Date }[], generatedAt = new Date()): string {
  const w = new Writer();
  w.line('<?xml version="1.0" encoding="UTF-8"?>');
  w.open('iati-activities', { version: '2.03', 'generated-datetime': iso(generatedAt), [`xmlns:${TIP_PREFIX}`]: TIP_NAMESPACE }, () => {
    for (const { document, updatedAt } of items) writeActivity(w, document, updatedAt);
  });
  return w.toString();
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function writeActivity(w: Writer, d: ActivityDocument, updatedAt: Date): void {
  w.open('iati-activity', { 'last-updated-datetime': iso(updatedAt), 'xml:lang': Object.keys(d.title).includes('en') ? 'en' : Object.keys(d.title)[0] }, () => {
    w.leaf('iati-identifier', {}, d.iatiIdentifier);
    w.open('reporting-org', { ref: d.reportingOrg.ref ?? '', type: d.reportingOrg.type }, () => w.narratives(d.reportingOrg.name));
    w.text('title', d.title);
    w.text('description', d.description, { type: 1 });
    for (const p of d.participatingOrgs) {
      const a: Attrs = { ref: p.ref, type: p.type, role: p.role, [`${TIP_PREFIX}:organisation-id`]: p.organisationId };
      if (Object.keys(p.name).length) w.open('participating-org', a, () => w.narratives(p.name));
      else w.empty('participating-org', a);
    }
    w.empty('activity-status', { code: d.status });
    for (const key of ['plannedStart', 'actualStart', 'plannedEnd', 'actualEnd'] as const) {
      const date = d.dates[key];
      if (date) w.empty('activity-date', { type: activityDateTypes[key], 'iso-date': date });
    }
    for (const c of d.contacts) {
      w.open('contact-info', { type: c.type }, () => {
        w.text('organisation', c.organisation);
        w.text('person-name', c.personName);
        if (c.telephone) w.leaf('telephone', {}, c.telephone);
        if (c.email) w.leaf('email', {}, c.email);
        if (c.website) w.leaf('website', {}, c.website);
      });
    }
    for (const c of d.recipientCountries) w.empty('recipient-country', { code: c.code, percentage: c.percentage });
    for (const r of d.recipientRegions) w.empty('recipient-region', { code: r.code, vocabulary: r.vocabulary, percentage: r.percentage });
    for (const s of d.sectors) {
      if (s.vocabulary === '1') w.empty('sector', { vocabulary: '1', code: s.code, percentage: s.percentage });
      else w.empty('sector', { vocabulary: '99', 'vocabulary-uri': PILLAR_VOCABULARY_URI, code: s.code, percentage: s.percentage });
    }
    if (d.traffickingMarker !== null) w.empty('policy-marker', { vocabulary: '99', 'vocabulary-uri': MARKER_VOCABULARY_URI, code: MARKER_CODE, significance: d.traffickingMarker });
    for (const b of d.budgets) {
      w.open('budget', { type: b.type, status: b.status }, () => {
        w.empty('period-start', { 'iso-date': b.periodStart });
        w.empty('period-end', { 'iso-date': b.periodEnd });
        w.leaf('value', { currency: b.currency, 'value-date': b.valueDate }, String(b.value));
      });
    }
    for (const t of d.transactions) {
      w.open('transaction', { ref: t.ref }, () => {
        w.empty('transaction-type', { code: t.type });
        w.empty('transaction-date', { 'iso-date': t.date });
        w.leaf('value', { currency: t.currency, 'value-date': t.valueDate }, String(t.value));
        w.text('description', t.description);
        for (const [name, org] of [['provider-org', t.providerOrg], ['receiver-org', t.receiverOrg]] as const) {
          if (!org) continue;
          if (Object.keys(org.name).length) w.open(name, { ref: org.ref }, () => w.narratives(org.name));
          else w.empty(name, { ref: org.ref });
        }
      });
    }
    for (const doc of d.documents) {
      w.open('document-link', { url: doc.url, format: doc.format }, () => {
        w.text('title', doc.title);
        for (const code of doc.categories) w.empty('category', { code });
      });
    }
    for (const r of d.results) {
      w.open('result', { type: r.type }, () => {
        w.text('title', r.title);
        w.text('description', r.description);
        for (const ind of r.indicators) {
          w.open('indicator', { measure: ind.measure, ascending: ind.ascending }, () => {
            w.text('title', ind.title);
            if (ind.baseline) {
              const dims = Object.entries(ind.baseline.dimensions);
              const a = { year: ind.baseline.year, value: ind.baseline.value };
              if (dims.length) w.open('baseline', a, () => dims.forEach(([name, value]) => w.empty('dimension', { name, value })));
              else w.empty('baseline', a);
            }
            for (const p of ind.periods) {
              w.open('period', {}, () => {
                w.empty('period-start', { 'iso-date': p.start });
                w.empty('period-end', { 'iso-date': p.end });
                for (const [name, values] of [['target', p.targets], ['actual', p.actuals]] as const) {
                  for (const m of values) {
                    const dims = Object.entries(m.dimensions);
                    if (dims.length) w.open(name, { value: m.value }, () => dims.forEach(([n, v]) => w.empty('dimension', { name: n, value: v })));
                    else w.empty(name, { value: m.value });
                  }
                }
              });
            }
          });
        }
      });
    }
    // Extensions last: the schema allows other namespaces only after every IATI element.
    for (const code of d.targetGroups) w.empty(`${TIP_PREFIX}:target-group`, { code });
    for (const code of d.exploitationForms) w.empty(`${TIP_PREFIX}:exploitation-form`, { code });
    for (const ref of d.mandateLinks) w.leaf(`${TIP_PREFIX}:mandate-link`, {}, ref);
  });
}
