// The case form's victim and perpetrator details, sharing a case and the State's retention
// period, in a real browser against the demo data. Each test checks through the API that what
// the user did is what was stored. (`void test`: node:test returns a promise the runner awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { caseMessages } from '../../web/src/incidents/caseMessages.ts';
import { incidentsMessages } from '../../web/src/incidents/messages.ts';
import { incidentValueMessages } from '../../web/src/incidents/valueMessages.ts';
import { pickerMessages } from '../../web/src/shared/pickerMessages.ts';
import { resultsDir, signInEnrollingSecondFactor, useBrowser } from '../helpers/browser.ts';

const { openPage } = useBrowser();
const es = { ...incidentsMessages.es, ...caseMessages.es, ...incidentValueMessages.es, ...pickerMessages.es };
const ar = { ...incidentsMessages.ar, ...caseMessages.ar };
const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

// The focal point enrols a second factor at the first sign-in; the tests share that session.
let session: Promise<{ context: BrowserContext; base: string }> | undefined;

/** A new page of the signed-in focal point at `path`, collecting uncaught script errors. */
async function focalPointPage(path: string): Promise<{ page: Page; errors: string[] }> {
  session ??= (async () => {
    const { page } = await openPage('/sign-in?lang=en');
    await signInEnrollingSecondFactor(page, 'state@demo.tiphub.invalid');
    await page.locator('h1').first().waitFor();
    const base = page.url();
    await page.close();
    return { context: page.context(), base };
  })();
  const { context, base } = await session;
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, base).href);
  return { page, errors };
}

/** A GET of the API with the page's session. */
async function api<T>(page: Page, path: string): Promise<T> {
  const answer = await page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' } });
    return { status: res.status, body: (await res.json()) as unknown };
  }, path);
  assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

const countryName = async (page: Page, iso3: string, lang: 'es' | 'ar') => (await api<{ names: Record<string, string> }>(page, `/api/v1/reference/countries/${iso3}`)).names[lang]!;

/** Types a name into a pick list and takes the first match with Enter. */
async function pick(page: Page, input: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.type(text);
  await page.getByRole('option', { name: text, exact: true }).waitFor();
  await page.keyboard.press('Enter');
}

async function onStep(page: Page, step: `incidents.step.${'event' | 'victims' | 'perpetrators' | 'links' | 'review'}`): Promise<void> {
  await page.waitForFunction((text) => document.activeElement?.tagName === 'H2' && (document.activeElement.textContent ?? '').includes(text), es[step]);
}

type Known = { value: unknown } | { reason: string };
interface StoredCase {
  status: string;
  document: { event: { places: { stage: string; country: Known }[] }; victims: Record<string, Known | boolean | string>[]; perpetrators: Record<string, Known | string>[]; links: unknown[] };
}

void test('a focal point fills the victim and perpetrator details in Spanish, picks countries by name, submits; the API has every value', async () => {
  const { page, errors } = await focalPointPage('/incidents/new?lang=es');
  try {
    await page.locator('h1', { hasText: es['incidents.form.newTitle'] }).waitFor();
    const [kenya, thailand, uganda] = await Promise.all([countryName(page, 'KEN', 'es'), countryName(page, 'THA', 'es'), countryName(page, 'UGA', 'es')]);
    const mode = (field: string) => page.getByLabel(fill(es['incidents.form.whyMissing'], { field }), { exact: true });
    const saveNext = () => page.getByRole('button', { name: es['incidents.form.saveNext'] }).press('Enter');

    await page.getByLabel(es['incidents.form.externalId'], { exact: true }).focus();
    await page.keyboard.type('BROWSER-DETAIL-001');
    await page.keyboard.press('Enter');
    await onStep(page, 'incidents.step.event');

    // Places: countries chosen by typing their Spanish names.
    await page.getByRole('button', { name: es['incidents.form.addPlace'] }).press('Enter');
    await page.getByRole('button', { name: es['incidents.form.addPlace'] }).press('Enter');
    const countries = page.getByRole('combobox', { name: es['incidents.form.country'], exact: true });
    await pick(page, countries.nth(0), kenya);
    await pick(page, countries.nth(1), thailand);
    assert.equal(await countries.nth(1).inputValue(), thailand);
    await saveNext();
    await onStep(page, 'incidents.step.victims');

    const victim = (field: string) => page.locator(`fieldset[data-field="victims.0.${field}"]`);
    const tick = async (field: string, label: string) => {
      await victim(field).getByLabel(label, { exact: true }).focus();
      await page.keyboard.press('Space');
    };
    await mode(es['incidents.form.gender']).selectOption('known');
    await page.getByLabel(es['incidents.form.gender'], { exact: true }).selectOption('Feminine');
    await mode(es['incidents.form.citizenships']).selectOption('known');
    await pick(page, page.getByLabel(fill(es['picker.add'], { field: es['incidents.form.citizenships'] })), uganda);
    await page.getByRole('button', { name: fill(es['picker.remove'], { name: uganda }) }).waitFor();

    // A type of sexual exploitation without that form: a warning in Spanish, tied to the field.
    await mode(es['incidents.form.forms']).selectOption('known');
    await tick('exploitationForms', es['incidents.form.ForcedLabour']);
    await mode(es['incidents.form.sexTypes']).selectOption('known');
    await tick('sexExploitationTypes', es['incidents.sexType.Prostitution']);
    const warning = victim('sexExploitationTypes').locator('.field-warning');
    assert.equal(await warning.textContent(), es['incidents.rule.sexTypeWithoutForm']);
    assert.match((await mode(es['incidents.form.sexTypes']).getAttribute('aria-describedby')) ?? '', new RegExp((await warning.getAttribute('id')) ?? 'none'));
    await tick('exploitationForms', es['incidents.form.SexualExploitation']);
    await warning.waitFor({ state: 'detached' });

    await mode(es['incidents.form.industries']).selectOption('known');
    await tick('forcedLabourIndustries', es['incidents.isic.T']);
    await mode(es['incidents.form.controls']).selectOption('known');
    await tick('methodsOfControl', es['incidents.control.WithholdsDocuments']);
    await tick('methodsOfControl', es['incidents.control.DebtBondage']);
    await mode(es['incidents.form.recruitment']).selectOption('known');
    await page.getByLabel(es['incidents.form.recruitment'], { exact: true }).selectOption('ThroughOnlineSocialNetworks');
    await mode(es['incidents.form.relationship']).selectOption('unknown');
    // Known, with none ticked: a known "none", not a missing value.
    await mode(es['incidents.form.assistance']).selectOption('known');
    await mode(es['incidents.form.minor']).selectOption('not_applicable');
    await page.getByLabel(es['incidents.form.consentToShare']).check();
    await page.screenshot({ path: `${resultsDir}/incident-form-victim-es.png`, fullPage: true });
    await saveNext();
    await onStep(page, 'incidents.step.perpetrators');

    await page.getByRole('button', { name: es['incidents.form.addPerpetrator'] }).press('Enter');
    const perp = (field: string) => page.locator(`fieldset[data-field="perpetrators.0.${field}"]`);
    await mode(es['incidents.form.roles']).selectOption('known');
    for (const role of ['RecruiterOrIntermediary', 'Exploiter'] as const) {
      await perp('roles').getByLabel(es[`incidents.role.${role}`], { exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await mode(es['incidents.form.gender']).selectOption('known');
    await page.getByLabel(es['incidents.form.gender'], { exact: true }).selectOption('Masculine');
    await mode(es['incidents.form.ageBand']).selectOption('known');
    await page.getByLabel(es['incidents.form.ageBand'], { exact: true }).selectOption('30-38');
    await mode(es['incidents.form.citizenships']).selectOption('known');
    await pick(page, page.getByLabel(fill(es['picker.add'], { field: es['incidents.form.citizenships'] })), kenya);
    await mode(es['incidents.form.prosecution']).selectOption('known');
    await page.getByLabel(es['incidents.form.prosecution'], { exact: true }).selectOption('Convicted');
    // An organisation has no sex or age: switching the kind says so.
    await page.getByLabel(es['incidents.form.kind']).selectOption('organisation');
    assert.equal(await mode(es['incidents.form.gender']).inputValue(), 'not_applicable');
    await page.getByLabel(es['incidents.form.kind']).selectOption('individual');
    await mode(es['incidents.form.gender']).selectOption('known');
    await page.getByLabel(es['incidents.form.gender'], { exact: true }).selectOption('Masculine');
    await mode(es['incidents.form.ageBand']).selectOption('known');
    await page.getByLabel(es['incidents.form.ageBand'], { exact: true }).selectOption('30-38');
    await saveNext();
    await onStep(page, 'incidents.step.links');
    await page.getByLabel(fill(es['incidents.form.link'], { perpetrator: 'P1', victim: 'V1' })).check();
    await saveNext();
    await onStep(page, 'incidents.step.review');
    assert.match((await page.locator('.review').textContent()) ?? '', new RegExp(`${kenya}.*${thailand}`));
    await page.getByRole('button', { name: es['incidents.form.submit'] }).press('Enter');
    await page.getByRole('status').filter({ hasText: es['incidents.form.submitted'] }).waitFor();

    const url = new URL(page.url());
    const stored = await api<StoredCase>(page, `/api/v1/incidents/cases/${url.searchParams.get('state')}/${url.searchParams.get('id')}`);
    assert.equal(stored.status, 'submitted');
    assert.deepEqual(stored.document.event.places, [
      { stage: 'Recruitment', country: { value: 'KEN' } },
      { stage: 'Exploitation', country: { value: 'THA' } },
    ]);
    const v = stored.document.victims[0]!;
    assert.deepEqual(
      {
        gender: v.gender,
        citizenships: v.citizenships,
        exploitationForms: v.exploitationForms,
        sexExploitationTypes: v.sexExploitationTypes,
        forcedLabourIndustries: v.forcedLabourIndustries,
        methodsOfControl: v.methodsOfControl,
        recruitmentMethod: v.recruitmentMethod,
        relationshipToTrafficker: v.relationshipToTrafficker,
        assistanceReceived: v.assistanceReceived,
        minorAtExploitation: v.minorAtExploitation,
        age: v.age,
        consentToShare: v.consentToShare,
        consentToCount: v.consentToCount,
      },
      {
        gender: { value: 'Feminine' },
        citizenships: { value: ['UGA'] },
        exploitationForms: { value: ['ForcedLabour', 'SexualExploitation'] },
        sexExploitationTypes: { value: ['Prostitution'] },
        forcedLabourIndustries: { value: ['T'] },
        methodsOfControl: { value: ['DebtBondage', 'WithholdsDocuments'] },
        recruitmentMethod: { value: 'ThroughOnlineSocialNetworks' },
        relationshipToTrafficker: { reason: 'unknown' },
        assistanceReceived: { value: [] },
        minorAtExploitation: { reason: 'not_applicable' },
        age: { reason: 'not_collected' },
        consentToShare: true,
        consentToCount: false,
      },
    );
    const p = stored.document.perpetrators[0]!;
    assert.deepEqual(
      { kind: p.kind, roles: p.roles, gender: p.gender, ageBand: p.ageBand, citizenships: p.citizenships, prosecutionOutcome: p.prosecutionOutcome },
      { kind: 'individual', roles: { value: ['RecruiterOrIntermediary', 'Exploiter'] }, gender: { value: 'Masculine' }, ageBand: { value: '30-38' }, citizenships: { value: ['KEN'] }, prosecutionOutcome: { value: 'Convicted' } },
    );
    assert.deepEqual(stored.document.links, [{ victim: 'V1', perpetrator: 'P1' }]);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
}

void test('a focal point shares a case with an organisation picked by name, sees the consent rule, and revokes the share', async () => {
  const { page, errors } = await focalPointPage('/incidents?lang=es');
  try {
    const first = page.locator('table.case-table tbody th a').first();
    await first.waitFor();
    const href = (await first.getAttribute('href')) ?? '';
    const link = new URL(href, page.url());
    const state = link.searchParams.get('state')!;
    const id = link.searchParams.get('id')!;
    await page.goto(new URL(`${href}&lang=es`, page.url()).href);
    await page.locator('h2', { hasText: es['incidents.share.title'] }).waitFor();

    const stored = await api<StoredCase>(page, `/api/v1/incidents/cases/${state}/${id}`);
    const consenting = stored.document.victims.filter((v) => v.consentToShare === true).length;
    assert.equal(await page.locator('.share-rule').textContent(), fill(es['incidents.share.rule'], { consenting: String(consenting), victims: String(stored.document.victims.length) }));

    // An organisation whose name no other name starts with, so typing it picks it.
    const before = await api<{ items: { organisationId: string }[] }>(page, `/api/v1/incidents/cases/${state}/${id}/shares`);
    const organisations = (await api<{ items: Organisation[] }>(page, '/api/v1/organisations?limit=1000')).items;
    const label = (o: Organisation) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
    const target = organisations.find((o) => !before.items.some((s) => s.organisationId === o.id) && !organisations.some((x) => x !== o && label(x).toLowerCase().startsWith(label(o).toLowerCase())));
    assert.ok(target, 'an organisation to share with');

    // Share without choosing: an inline error, nothing sent.
    await page.getByRole('button', { name: es['incidents.share.submit'] }).press('Enter');
    await page.locator('.case-sharing .field-error', { hasText: es['incidents.share.choose'] }).waitFor();
    await pick(page, page.getByRole('combobox', { name: es['incidents.share.pick'] }), label(target));
    await page.getByRole('button', { name: es['incidents.share.submit'] }).press('Enter');
    await page.getByRole('status').filter({ hasText: fill(es['incidents.share.shared'], { name: label(target) }) }).waitFor();
    const row = page.locator(`table.share-table tr[data-organisation="${target.id}"]`);
    await row.waitFor();
    const shared = await api<{ items: { organisationId: string }[] }>(page, `/api/v1/incidents/cases/${state}/${id}/shares`);
    assert.ok(shared.items.some((s) => s.organisationId === target.id));
    await page.screenshot({ path: `${resultsDir}/incident-case-sharing-es.png`, fullPage: true });

    await page.getByRole('button', { name: fill(es['incidents.share.revokeNamed'], { name: target.name }) }).press('Enter');
    await page.getByRole('status').filter({ hasText: fill(es['incidents.share.revoked'], { name: target.name }) }).waitFor();
    await row.waitFor({ state: 'detached' });
    const after = await api<{ items: { organisationId: string }[] }>(page, `/api/v1/incidents/cases/${state}/${id}/shares`);
    assert.ok(!after.items.some((s) => s.organisationId === target.id));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

void test('a focal point sets the retention period in Arabic (right to left): a bad number is refused inline, years and "keep" are stored', async () => {
  const { page, errors } = await focalPointPage('/incidents?lang=ar');
  try {
    await page.locator('h2', { hasText: ar['incidents.retention.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const state = new URL((await page.locator('table.case-table tbody th a').first().getAttribute('href')) ?? '', page.url()).searchParams.get('state')!;
    const stored = () => api<{ retentionYears: number | null }>(page, `/api/v1/incidents/states/${state}/retention`);
    const initial = (await stored()).retentionYears;

    await page.getByLabel(ar['incidents.retention.erase']).focus();
    await page.keyboard.press('Space');
    const years = page.getByLabel(ar['incidents.retention.years']);
    await years.fill('0');
    await page.getByRole('button', { name: ar['incidents.retention.save'] }).press('Enter');
    await page.locator('.retention .field-error', { hasText: ar['incidents.retention.invalid'] }).waitFor();
    assert.equal(await years.getAttribute('aria-invalid'), 'true');
    assert.equal((await stored()).retentionYears, initial, 'nothing was sent');

    await years.fill('12');
    await years.press('Enter');
    await page.locator('.retention [role="status"]', { hasText: ar['incidents.retention.saved'] }).waitFor();
    assert.equal((await stored()).retentionYears, 12);
    await page.locator('.retention [data-retention="12"]').waitFor();
    await page.locator('section.retention').screenshot({ path: `${resultsDir}/incident-retention-ar.png` });

    await page.getByLabel(ar['incidents.retention.keep']).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: ar['incidents.retention.save'] }).press('Enter');
    await page.locator('.retention [data-retention="keep"]').waitFor();
    assert.equal((await stored()).retentionYears, null);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
