// The case form and the intake dashboard in a real browser against the demo data: a State's
// focal point reports a case step by step with the keyboard in French, meets an inline error,
// saves drafts and submits; the Coordinator's dashboard then shows the State.
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { incidentsMessages } from '../../web/src/incidents/messages.ts';
import { resultsDir, signInEnrollingSecondFactor, useBrowser } from '../helpers/browser.ts';

const fr = incidentsMessages.fr;
const { openPage } = useBrowser();

/** The step heading has the focus and names the step. */
async function onStep(page: Page, step: keyof typeof fr & `incidents.step.${string}`): Promise<void> {
  await page.locator('h2', { hasText: fr[step] }).waitFor();
  await page.waitForFunction((text) => document.activeElement?.tagName === 'H2' && (document.activeElement.textContent ?? '').includes(text), fr[step]);
}

void test('a focal point reports a case through the steps with the keyboard, in French; the Coordinator sees the State', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en');
  let state = '';
  try {
    await signInEnrollingSecondFactor(page, 'state@demo.tiphub.invalid');
    await page.goto(new URL('/incidents/new?lang=fr', page.url()).href);
    await page.locator('h1', { hasText: fr['incidents.form.newTitle'] }).waitFor();

    // Step 1: the reporting body. Typing, then Enter saves the draft and moves on.
    await page.getByLabel(fr['incidents.form.externalId'], { exact: true }).focus();
    await page.keyboard.type('BROWSER-TEST-001');
    await page.keyboard.press('Enter');
    await onStep(page, 'incidents.step.event');
    await page.getByRole('status').filter({ hasText: fr['incidents.form.saved'].replace(' (version {version}).', '') }).waitFor();
    state = new URL(page.url()).searchParams.get('state') ?? '';
    assert.match(state, /^[A-Z]{3}$/, page.url());

    // Step 2: the event, with a place of recruitment picked from the lists.
    await page.getByRole('button', { name: fr['incidents.form.addPlace'] }).press('Enter');
    // The country is picked by its French name: typed, then taken from the list with Enter.
    const uganda = await page.evaluate(async () => ((await (await fetch('/api/v1/reference/countries/UGA')).json()) as { names: { fr: string } }).names.fr);
    await page.getByRole('combobox', { name: fr['incidents.form.country'], exact: true }).focus();
    await page.keyboard.type(uganda);
    await page.getByRole('option', { name: uganda, exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: fr['incidents.form.saveNext'] }).press('Enter');
    await onStep(page, 'incidents.step.victims');

    // Step 3: a victim whose age does not fit the age band: an inline error in French.
    await page.getByLabel(fr['incidents.form.givenNames']).fill('Prénom-fictif');
    const mode = (field: string) => page.getByLabel(fr['incidents.form.whyMissing'].replace('{field}', field), { exact: true });
    await mode(fr['incidents.form.age']).selectOption('known');
    await page.getByLabel(fr['incidents.form.age'], { exact: true }).fill('12');
    await mode(fr['incidents.form.ageBand']).selectOption('known');
    await page.getByLabel(fr['incidents.form.ageBand'], { exact: true }).selectOption('21-23');
    await page.getByRole('button', { name: fr['incidents.form.saveNext'] }).press('Enter');
    const error = page.locator('.field-error', { hasText: fr['incidents.rule.ageBand'] });
    await error.waitFor();
    const errorId = await error.getAttribute('id');
    assert.ok(errorId);
    assert.match((await page.getByLabel(fr['incidents.form.ageBand'], { exact: true }).getAttribute('aria-describedby')) ?? '', new RegExp(errorId));
    assert.equal(await page.getByLabel(fr['incidents.form.ageBand'], { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: `${resultsDir}/incident-form-error-fr.png` });

    // Corrected, saved as a draft; the name typed is not shown back.
    await page.getByLabel(fr['incidents.form.age'], { exact: true }).fill('22');
    await page.getByRole('button', { name: fr['incidents.form.saveDraft'], exact: true }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'version 3' }).waitFor();
    assert.equal(await page.getByLabel(fr['incidents.form.givenNames']).inputValue(), '');
    await page.getByRole('button', { name: fr['incidents.form.saveNext'] }).press('Enter');
    await onStep(page, 'incidents.step.perpetrators');
    await page.getByRole('button', { name: fr['incidents.form.saveNext'] }).press('Enter');
    await onStep(page, 'incidents.step.links');
    await page.getByRole('button', { name: fr['incidents.form.saveNext'] }).press('Enter');
    await onStep(page, 'incidents.step.review');

    // Review and submit.
    await page.getByRole('button', { name: fr['incidents.form.submit'] }).press('Enter');
    await page.getByRole('status').filter({ hasText: fr['incidents.form.submitted'] }).waitFor();
    assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'submitted');
    assert.ok(!(await page.content()).includes('Prénom-fictif'), 'the identifier is never shown back');
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }

  // The Coordinator's dashboard shows the State (the case is about this year: no detection date).
  const admin = await openPage('/sign-in?lang=en');
  try {
    await signInEnrollingSecondFactor(admin.page, 'admin@demo.tiphub.invalid');
    await admin.page.goto(new URL('/incidents/intake?lang=en', admin.page.url()).href);
    await admin.page.locator('h1', { hasText: incidentsMessages.en['incidents.intake.title'] }).waitFor();
    const row = admin.page.locator(`table.intake-matrix tr[data-state="${state}"]`);
    await row.waitFor();
    assert.ok((await row.locator('td.intake-cell').count()) >= 1);
    assert.match((await admin.page.locator('table.intake-matrix caption').textContent()) ?? '', /Cases by State and year/);
    await admin.page.screenshot({ path: `${resultsDir}/incidents-intake.png` });
    assert.deepEqual(admin.errors, []);
  } finally {
    await admin.page.context().close();
  }
});
