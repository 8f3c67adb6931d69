// The organisations directory, an organisation's page and registering a look-alike, in a real
// browser against the demo data. (`void test`: node:test returns a promise the runner awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en.ts';
import { registryMessages } from '../../web/src/registry/messages.ts';
import { resultsDir, signInEnrollingSecondFactor, useBrowser } from '../helpers/browser.ts';

const r = registryMessages.en;
const { openPage } = useBrowser();
const rowsSelector = 'table.organisations-table tbody tr';

void test('the directory filters by type and membership, downloads CSV, and opens an organisation', async () => {
  const { page, errors } = await openPage('/organisations?lang=en');
  try {
    await page.locator('h1', { hasText: r['registry.title'] }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: en['nav.label'] }).locator('a[href="/organisations"]').count(), 1, 'Organisations is in the nav');
    await page.locator(rowsSelector).first().waitFor();
    const all = await page.locator(rowsSelector).count();
    assert.ok(all >= 55 && all <= 70, `about 60 demo organisations (${all})`);
    assert.equal(await page.locator('table.organisations-table caption').textContent(), r['registry.caption']);

    // Type: only UN entities remain.
    await page.getByLabel(r['registry.type']).selectOption('un_entity');
    await page.getByRole('button', { name: r['registry.apply'] }).click();
    await page.waitForFunction(
      ([sel, label]) => {
        const cells = [...document.querySelectorAll(`${sel} td:nth-child(3)`)];
        return cells.length > 5 && cells.every((c) => c.textContent === label);
      },
      [rowsSelector, r['registry.type.un_entity']] as const,
    );
    // Membership on top: every row names the IAWG.
    await page.getByLabel(r['registry.membership']).selectOption('iawg');
    await page.getByRole('button', { name: r['registry.apply'] }).click();
    await page.waitForFunction(
      ([sel, label]) => [...document.querySelectorAll(`${sel} td:nth-child(5)`)].every((c) => (c.textContent ?? '').includes(label)),
      [rowsSelector, r['registry.body.iawg']] as const,
    );
    const csv = decodeURIComponent(((await page.getByRole('link', { name: r['registry.download'] }).getAttribute('href')) ?? '').replace(/^data:text\/csv;charset=utf-8,/, ''));
    assert.match(csv.split('\n')[0]!, /^id,name,acronym,type,country_iso3/);
    assert.equal(csv.trim().split('\n').length - 1, await page.locator(rowsSelector).count(), 'the CSV holds the rows shown');

    await page.getByRole('link', { name: 'United Nations Office on Drugs and Crime' }).click();
    await page.locator('h1', { hasText: 'United Nations Office on Drugs and Crime (UNODC)' }).waitFor();
    assert.equal(await page.locator('table.names-table tbody tr').count(), 6, 'names in the six languages');
    assert.ok((await page.getByText('مكتب الأمم المتحدة المعني بالمخدرات والجريمة').count()) === 1);
    assert.ok((await page.locator('table.memberships-table tbody tr').count()) >= 2, 'IAWG and Global Partnership');
    assert.equal(await page.locator('#focal-points-heading').count(), 0, 'anonymous readers see no focal points');
    await page.screenshot({ path: `${resultsDir}/organisation.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

/** Signs the demo administrator in, enrolling the second factor its role requires. */
async function signInAdministrator(page: Page): Promise<void> {
  await signInEnrollingSecondFactor(page, 'admin@demo.tiphub.invalid');
  await page.locator('.user-menu-button').waitFor();
}

void test('registering a look-alike warns with the candidates; confirming registers it', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en&next=%2Forganisations%2Fnew');
  try {
    await signInAdministrator(page);
    await page.goto(new URL('/organisations/new?lang=en', page.url()).href);
    await page.locator('h1', { hasText: r['registry.create.title'] }).waitFor();
    await page.getByLabel(r['registry.type']).selectOption('un_entity');
    await page.getByLabel(r['registry.create.name']).fill('United Nations Office on Drug and Crime');
    await page.getByRole('button', { name: r['registry.create.submit'] }).click();

    const warning = page.locator('section.look-alikes');
    await warning.waitFor();
    assert.equal(await warning.getAttribute('role'), 'alert');
    assert.ok((await warning.getByRole('link', { name: /United Nations Office on Drugs and Crime/ }).count()) >= 1, 'the existing UNODC is a candidate');
    await page.screenshot({ path: `${resultsDir}/organisation-look-alike.png`, fullPage: true });

    await page.getByRole('button', { name: r['registry.create.confirm'] }).click();
    await page.locator('h1', { hasText: 'United Nations Office on Drug and Crime' }).waitFor();
    assert.match(page.url(), /\/organisation\?id=/);
    // The administrator may see focal points (none yet for a new organisation).
    await page.getByText(r['registry.detail.noFocal']).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
