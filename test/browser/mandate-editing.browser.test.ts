// Editing what the mandate and monitoring pages show, in a real browser against the demo data:
// an agency's focal point links one of its activities to two paragraphs of A/RES/61/180 (with
// the keyboard, meeting the server's answer to an unknown reference first); the Coordinator
// registers and changes a mandate and adds and changes a reporting round; readers without the
// permissions see no edit control. (`void test`: node:test returns a promise the runner awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { totpCode } from '../../server/platform/access/totp.ts';
import { activitiesMessages } from '../../web/src/activities/messages.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { mandatesMessages } from '../../web/src/mandates/messages.ts';
import { monitoringMessages } from '../../web/src/monitoring/messages.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const a = activitiesMessages.en;
const m = mandatesMessages.en;
const mo = monitoringMessages.en;
const { openPage } = useBrowser();
const seed = 'A/RES/61/180';

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel(en['field.email']).fill(email);
  await page.getByLabel(en['field.password'], { exact: true }).fill('demo-password-2006');
  await page.getByRole('button', { name: en['signIn.submit'] }).click();
}

/** Signs in the Coordinator's administrator and enrols the second factor its role requires. */
async function signInCoordinator(page: Page): Promise<void> {
  await signIn(page, 'admin@demo.tiphub.invalid');
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(en['field.code']).fill(totpCode(secret));
  await page.getByRole('button', { name: en['twoFactor.confirm'] }).click();
  await page.getByRole('button', { name: en['twoFactor.continue'] }).click();
  await page.getByRole('button', { name: en['twoFactor.continue'] }).waitFor({ state: 'detached' });
}

const getJson = <T,>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json() as Promise<T>, path);

interface Hit {
  id: string;
  reportingOrgId: string;
  published: boolean;
}

/** A published activity reported by `organisationId` (or by anyone else, with `other`). */
async function activityOf(page: Page, organisationId: string, other = false): Promise<string> {
  const found = await getJson<{ items: Hit[] }>(page, `/api/v1/activities/search?limit=100${other ? '' : `&organisation=${organisationId}`}`);
  const hit = found.items.find((h) => h.published && (other ? h.reportingOrgId !== organisationId : h.reportingOrgId === organisationId));
  assert.ok(hit, `an activity ${other ? 'not ' : ''}reported by ${organisationId}`);
  return hit.id;
}

void test('an agency focal point links its activity to two paragraphs; the mandate page lists it under both', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en');
  try {
    await signIn(page, 'agency@demo.tiphub.invalid');
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    const session = await getJson<{ user: { roles: { organisationId: string | null }[] }; csrfToken: string }>(page, '/api/v1/auth/session');
    const organisationId = session.user.roles.find((r) => r.organisationId)!.organisationId!;
    // A new activity of the user's organisation whose title sorts first, so the mandate page
    // (which lists the first activities of each paragraph by title) shows it.
    const activityId = await page.evaluate(
      async ({ csrf, body }) => {
        const response = await fetch('/api/v1/activities', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
        return ((await response.json()) as { id: string }).id;
      },
      { csrf: session.csrfToken, body: { iatiIdentifier: 'XM-BROWSER-LINKS-1', title: { en: '000 Browser test: mandate links' }, status: 2, reportingOrgId: organisationId, published: true } },
    );
    const coverage = await getJson<{ id: string }>(page, `/api/v1/mandates/coverage?symbol=${encodeURIComponent(seed)}`);
    const targets = ['5(a)', '6(b)'];

    await page.goto(new URL(`/activity?id=${activityId}&lang=en`, page.url()).href);
    const history = page.locator('section[aria-labelledby="activity-history"] tbody tr');
    await history.first().waitFor();
    const versionsBefore = await history.count();

    // Open the editor with the keyboard; the focus lands on its heading.
    await page.getByRole('button', { name: a['activities.links.edit'] }).press('Enter');
    await page.waitForFunction((text) => document.activeElement?.textContent === text, a['activities.links.title']);

    // A reference to a paragraph that does not exist: the server's reason shows beside it.
    await page.getByLabel(a['activities.links.reference']).fill(`${seed} para 99`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: a['activities.links.save'] }).click();
    const rejected = page.locator(`li[data-reference="${seed} para 99"] .field-error`);
    await rejected.waitFor();
    assert.match((await rejected.textContent()) ?? '', /has no operative paragraph 99/);
    await page.getByRole('alert').filter({ hasText: en['error.validation'] }).waitFor();
    await page.getByRole('button', { name: `${a['activities.links.remove']} ${seed} para 99` }).press('Enter');

    // Pick the mandate, then tick the two paragraphs with the space bar.
    const mandateSelect = page.getByLabel(a['activities.links.mandate'], { exact: true });
    await mandateSelect.selectOption(coverage.id);
    const group = page.getByRole('group', { name: a['activities.links.paragraphs'].replace('{symbol}', seed) });
    for (const label of targets) {
      const box = group.locator(`label[data-paragraph="${label}"] input[type="checkbox"]`);
      await box.focus();
      await page.keyboard.press('Space');
      assert.equal(await box.isChecked(), true);
    }
    for (const label of targets) await page.locator(`li[data-reference="${seed} para ${label}"]`).waitFor();
    await page.screenshot({ path: `${resultsDir}/mandate-links-editor.png`, fullPage: true });
    await page.getByRole('button', { name: a['activities.links.save'] }).click();

    // Saved: the links are on the page, the history has a new version.
    await page.getByRole('status').filter({ hasText: 'Mandate links saved' }).waitFor();
    const links = page.locator('section[aria-labelledby="activity-mandates"] > ul a');
    for (const label of targets) await links.filter({ hasText: `${seed} para ${label}` }).waitFor();
    assert.equal(await history.count(), versionsBefore + 1, 'one more version');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), a['activities.links.edit'], 'the focus is back on the button');

    // The mandate page lists the activity under both paragraphs.
    await links.filter({ hasText: `${seed} para ${targets[0]}` }).click();
    await page.locator('h1', { hasText: seed }).waitFor();
    for (const label of targets) await page.locator(`article[data-paragraph="${label}"] tr[data-activity="${activityId}"]`).waitFor();

    // This user may not register mandates: no such control on the list.
    await page.goto(new URL('/mandates?lang=en', page.url()).href);
    await page.locator(`tr[data-symbol="${seed}"]`).waitFor();
    assert.equal(await page.getByRole('link', { name: m['mandates.form.newTitle'] }).count(), 0);
    // Nor edit another organisation's activity.
    await page.goto(new URL(`/activity?id=${await activityOf(page, organisationId, true)}&lang=en`, page.url()).href);
    await page.locator('section[aria-labelledby="activity-history"]').waitFor();
    assert.equal(await page.getByRole('button', { name: a['activities.links.edit'] }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('the Coordinator registers, reorders and edits a mandate, then adds and changes a reporting round; the public sees no edit control', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en');
  try {
    await signInCoordinator(page);
    await page.goto(new URL('/mandates?lang=en', page.url()).href);
    await page.getByRole('link', { name: m['mandates.form.newTitle'] }).click();
    await page.locator('h1', { hasText: m['mandates.form.newTitle'] }).waitFor();

    // An existing symbol and two paragraphs numbered alike.
    await page.getByLabel(m['mandates.list.symbol']).fill(seed);
    await page.getByLabel(m['mandates.list.body']).selectOption('ccpcj');
    await page.getByLabel(m['mandates.list.adopted']).fill('2026-05-20');
    await page.getByLabel(m['mandates.form.inLanguage'].replace('{language}', 'English')).fill('Browser test: countering trafficking in supply chains');
    const rows = page.locator('fieldset.paragraph-row');
    await rows.nth(0).getByLabel(m['mandates.form.number']).fill('1');
    await rows.nth(0).getByLabel(m['mandates.form.textIn'].replace('{language}', 'English')).fill('Calls on States to check supply chains.');
    await page.getByRole('button', { name: m['mandates.form.addParagraph'] }).press('Enter');
    // The focus goes to the new row's number.
    await page.waitForFunction(() => document.activeElement?.classList.contains('paragraph-number'));
    await page.keyboard.type('1');
    await rows.nth(1).getByLabel(m['mandates.form.textIn'].replace('{language}', 'English')).fill('Requests the Coordinator to report on it.');
    await page.getByRole('button', { name: m['mandates.form.register'] }).click();
    const duplicate = rows.nth(1).locator('.field-error');
    await duplicate.waitFor();
    assert.equal(await duplicate.textContent(), m['mandates.form.labelDuplicate'].replace('{position}', '1'));
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true', 'the focus is on the field to fix');

    // Fixed on our side; the server then refuses the symbol, at the symbol field.
    await rows.nth(1).getByLabel(m['mandates.form.number']).fill('2 (a)');
    await page.getByRole('button', { name: m['mandates.form.register'] }).click();
    await page.locator('.field', { has: page.getByLabel(m['mandates.list.symbol']) }).locator('.field-error', { hasText: 'already registered' }).waitFor();

    // Move the second paragraph up with the keyboard; the focus follows it.
    const symbol = 'A/RES/99/BROWSER';
    await page.getByLabel(m['mandates.list.symbol']).fill(symbol);
    await page.getByRole('button', { name: `${m['mandates.form.moveUp']} (${m['mandates.page.paragraph'].replace('{label}', '2(a)')})` }).press('Enter');
    assert.equal(await rows.nth(0).getByLabel(m['mandates.form.number']).inputValue(), '2 (a)');
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /2\(a\)/);
    await page.screenshot({ path: `${resultsDir}/mandate-form.png`, fullPage: true });
    await page.getByRole('button', { name: m['mandates.form.register'] }).click();

    // Its page: the paragraphs in the order given, canonical numbers, none implemented yet.
    await page.waitForURL(`**/mandate?symbol=${encodeURIComponent(symbol)}`);
    await page.locator('h1', { hasText: symbol }).waitFor();
    assert.deepEqual(await page.locator('article[data-paragraph]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph'))), ['2(a)', '1']);
    assert.equal(await page.locator('article.paragraph-empty').count(), 2);

    // Edit: a new title, a third paragraph, paragraph 1 removed (the focus moves to the next row).
    await page.getByRole('link', { name: m['mandates.form.edit'] }).click();
    await page.locator('h1', { hasText: m['mandates.form.editTitleOf'].replace('{symbol}', symbol) }).waitFor();
    await page.getByLabel(m['mandates.form.inLanguage'].replace('{language}', 'English')).fill('Browser test: supply chains, as revised');
    await page.getByRole('button', { name: m['mandates.form.addParagraph'] }).click();
    await rows.nth(2).getByLabel(m['mandates.form.number']).fill('3');
    await rows.nth(2).getByLabel(m['mandates.form.textIn'].replace('{language}', 'English')).fill('Decides to remain seized of the matter.');
    await page.getByRole('button', { name: `${m['mandates.form.remove']} (${m['mandates.page.paragraph'].replace('{label}', '1')})` }).press('Enter');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === '3');
    await page.getByRole('button', { name: m['mandates.form.save'] }).click();
    await page.locator('h1', { hasText: 'as revised' }).waitFor();
    assert.deepEqual(await page.locator('article[data-paragraph]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph'))), ['2(a)', '3']);

    // A paragraph that activities implement cannot be dropped: the server says so at the paragraphs.
    const seedCoverage = await getJson<{ paragraphs: { label: string; total: number }[] }>(page, `/api/v1/mandates/coverage?symbol=${encodeURIComponent(seed)}`);
    const linked = seedCoverage.paragraphs.find((p) => p.total > 0)!.label;
    await page.goto(new URL(`/mandate/edit?symbol=${encodeURIComponent(seed)}&lang=en`, page.url()).href);
    await rows.first().waitFor();
    await page.getByRole('button', { name: `${m['mandates.form.remove']} (${m['mandates.page.paragraph'].replace('{label}', linked)})` }).click();
    await page.getByRole('button', { name: m['mandates.form.save'] }).click();
    await page.locator('fieldset.mandate-paragraphs > .field-error', { hasText: `paragraph ${linked} is linked to activities` }).waitFor();
    await page.getByRole('alert').filter({ hasText: m['mandates.form.conflict'] }).waitFor();

    // The reporting calendar: add a round, then change it.
    await page.goto(new URL('/scorecards?lang=en', page.url()).href);
    const calendar = page.locator('section[aria-labelledby="reporting-calendar"]');
    const existing = (await calendar.locator('tbody tr').first().getAttribute('data-round')) ?? '';
    assert.ok(existing, 'the demo calendar has rounds');
    await calendar.getByRole('button', { name: mo['monitoring.rounds.add'] }).click();
    const form = calendar.locator('form.round-form');

    // Dates out of order: said at the fields before sending.
    await form.getByLabel(mo['monitoring.rounds.name']).fill(existing);
    await form.getByLabel(mo['monitoring.rounds.periodStart']).fill('2027-07-01');
    await form.getByLabel(mo['monitoring.rounds.periodEnd']).fill('2027-06-30');
    await form.getByLabel(mo['monitoring.scorecard.dueDate']).fill('2027-06-01');
    await form.getByRole('button', { name: mo['monitoring.rounds.save'] }).click();
    await form.getByText(mo['monitoring.rounds.endBeforeStart']).waitFor();
    assert.equal(await form.getByText(mo['monitoring.rounds.dueBeforeEnd']).count(), 0, 'the due date is checked against a valid period only');

    // Dates fixed; the server refuses the name already used, at the name field.
    await form.getByLabel(mo['monitoring.rounds.periodEnd']).fill('2027-12-31');
    await form.getByLabel(mo['monitoring.scorecard.dueDate']).fill('2028-01-31');
    await form.getByRole('button', { name: mo['monitoring.rounds.save'] }).click();
    await form.locator('.field', { has: page.getByLabel(mo['monitoring.rounds.name']) }).locator('.field-error', { hasText: 'already used' }).waitFor();

    const name = 'Browser test round 2027 H2';
    await form.getByLabel(mo['monitoring.rounds.name']).fill(name);
    await form.getByRole('button', { name: mo['monitoring.rounds.save'] }).click();
    await calendar.getByRole('status').filter({ hasText: mo['monitoring.rounds.created'].replace('{name}', name) }).waitFor();
    const row = calendar.locator(`tr[data-round="${name}"]`);
    assert.deepEqual(await row.locator('td').allTextContents(), ['2027-07-01 – 2027-12-31', '2028-01-31', `${mo['monitoring.rounds.edit']} ${name}`]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'round-add', 'the focus is back on Add');

    // Change its due date.
    await row.getByRole('button', { name: `${mo['monitoring.rounds.edit']} ${name}` }).click();
    await form.getByLabel(mo['monitoring.scorecard.dueDate']).fill('2028-02-15');
    await form.getByRole('button', { name: mo['monitoring.rounds.save'] }).click();
    await calendar.getByRole('status').filter({ hasText: mo['monitoring.rounds.updated'].replace('{name}', name) }).waitFor();
    assert.equal(await row.locator('td').nth(1).textContent(), '2028-02-15');
    await page.screenshot({ path: `${resultsDir}/reporting-calendar-editor.png`, fullPage: true });

    // Signed out, the calendar shows the round and no edit control; nor do the mandate pages.
    await page.context().clearCookies();
    await page.goto(new URL('/scorecards?lang=ar', page.url()).href);
    await page.locator(`tr[data-round="${name}"]`).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.getByRole('button', { name: monitoringMessages.ar['monitoring.rounds.add'] }).count(), 0);
    assert.equal(await page.locator('#round-add, [id^="round-edit-"]').count(), 0);
    await page.goto(new URL(`/mandate?symbol=${encodeURIComponent(seed)}&lang=en`, page.url()).href);
    await page.locator('article[data-paragraph]').first().waitFor();
    assert.equal(await page.getByRole('link', { name: m['mandates.form.edit'] }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
