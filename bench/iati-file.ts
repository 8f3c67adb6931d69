// A generated IATI 2.03 file for the import benchmark: deterministic, shaped like a UN
// agency's publication (three languages, two countries with percentages, budgets,
// transactions, a result with disaggregated targets, an ignored element, our extensions).

export const PUBLISHERS = [
  { ref: 'XM-BENCH-UNODC', name: 'Bench Office on Drugs and Crime' },
  { ref: 'XM-BENCH-IOM', name: 'Bench Organization for Migration' },
  { ref: 'XM-BENCH-ILO', name: 'Bench Labour Organization' },
  { ref: 'XM-BENCH-UNICEF', name: 'Bench Children’s Fund' },
];
const COUNTRIES = ['KE', 'UG', 'TZ', 'NG', 'GH', 'SN', 'TH', 'KH', 'VN', 'PH', 'MD', 'UA', 'RO', 'MX', 'GT', 'CO', 'PE', 'NP', 'BD', 'IN'];
const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership', 'recovery_reintegration'];
const TOPICS = [
  ['Shelter and case management for survivors', 'Hébergement et suivi des survivants', 'Albergue y gestión de casos para sobrevivientes'],
  ['Training prosecutors on trafficking cases', 'Formation des procureurs aux affaires de traite', 'Capacitación de fiscales en casos de trata'],
  ['Safe migration awareness in border districts', 'Sensibilisation à la migration sûre aux frontières', 'Sensibilización sobre migración segura en zonas fronterizas'],
  ['Labour inspection in fishing and agriculture', 'Inspection du travail dans la pêche et l’agriculture', 'Inspección laboral en pesca y agricultura'],
];

export function generateIatiFile(count: number): string {
  let seed = 0x2545f491;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-11-01T00:00:00Z" xmlns:tip="https://tiphub.org/ns/iati-extension/1">\n'];
  for (let i = 0; i < count; i++) {
    const pub = PUBLISHERS[i % PUBLISHERS.length]!;
    const [en, fr, es] = pick(TOPICS);
    const year = 2018 + Math.floor(rand() * 8);
    const a = pick(COUNTRIES);
    let b = pick(COUNTRIES);
    if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
    const share = 10 * (1 + Math.floor(rand() * 9));
    const budget = Math.round(rand() * 5_000_000);
    parts.push(`  <iati-activity last-updated-datetime="2026-10-01T00:00:00Z" xml:lang="en" default-currency="USD">
    <iati-identifier>${pub.ref}-ACT-${String(i).padStart(6, '0')}</iati-identifier>
    <reporting-org ref="${pub.ref}" type="40"><narrative>${pub.name}</narrative></reporting-org>
    <title><narrative>${en} (${a}, ${year})</narrative><narrative xml:lang="fr">${fr} (${a}, ${year})</narrative><narrative xml:lang="es">${es} (${a}, ${year})</narrative></title>
    <description type="1"><narrative>${en}: activity ${i} of the benchmark, with partners &amp; local authorities.</narrative><narrative xml:lang="fr">${fr} : activité ${i}.</narrative></description>
    <participating-org ref="${pub.ref}" role="2" type="40"><narrative>${pub.name}</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>Local partner ${i % 97}</narrative></participating-org>
    <activity-status code="${1 + Math.floor(rand() * 4)}"/>
    <activity-date type="1" iso-date="${year}-01-01"/>
    <activity-date type="3" iso-date="${year + 2}-12-31"/>
    <recipient-country code="${a}" percentage="${share}"/>
    <recipient-country code="${b}" percentage="${100 - share}"/>
    <sector vocabulary="1" code="15180" percentage="100"/>
    <sector vocabulary="99" vocabulary-uri="https://tiphub.org/vocabulary/pillar" code="${pick(PILLARS)}" percentage="100"/>
    <policy-marker vocabulary="99" vocabulary-uri="https://tiphub.org/vocabulary/policy-marker" code="TIP" significance="2"/>
    <budget type="1" status="1"><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/><value value-date="${year}-01-01">${budget}</value></budget>
    <budget type="1" status="1"><period-start iso-date="${year + 1}-01-01"/><period-end iso-date="${year + 1}-12-31"/><value value-date="${year + 1}-01-01">${Math.round(budget * 0.8)}</value></budget>
    <transaction ref="${pub.ref}-T${i}-1"><transaction-type code="2"/><transaction-date iso-date="${year}-02-01"/><value value-date="${year}-02-01">${budget}</value><description><narrative>Commitment</narrative></description><receiver-org ref="XM-LOCAL-${i % 97}"><narrative>Local partner ${i % 97}</narrative></receiver-org></transaction>
    <transaction ref="${pub.ref}-T${i}-2"><transaction-type code="3"/><transaction-date iso-date="${year}-06-30"/><value value-date="${year}-06-30">${Math.round(budget / 2)}</value></transaction>
    <transaction ref="${pub.ref}-T${i}-3"><transaction-type code="4"/><transaction-date iso-date="${year + 1}-03-31"/><value value-date="${year + 1}-03-31">${Math.round(budget / 3)}</value></transaction>
    <result type="1"><title><narrative>Survivors assisted</narrative><narrative xml:lang="fr">Survivants assistés</narrative></title>
      <indicator measure="1" ascending="1"><title><narrative>Number of survivors receiving assistance</narrative></title><baseline year="${year}" value="0"/>
        <period><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/><target value="${100 + i % 400}"><dimension name="sex" value="female"/></target><target value="${50 + i % 200}"><dimension name="sex" value="male"/></target><actual value="${80 + i % 300}"/></period>
      </indicator>
    </result>
    <location><name><narrative>An extension the import skips</narrative></name></location>
    <tip:target-group code="victims_survivors"/>
    <tip:exploitation-form code="ForcedLabour"/>
  </iati-activity>
`);
  }
  parts.push('</iati-activities>\n');
  return parts.join('');
}
