// The home page in a real browser, against the real app (fresh database, demo data on,
// built web app from dist/web): heading, demo banner, drawn map, and RTL for Arabic.
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ar } from '../../web/src/i18n/messages/ar.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { fr } from '../../web/src/i18n/messages/fr.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const { openPage } = useBrowser();

const countryPaths = 'svg.world-map[role="img"] path.world-map-country';

async function waitForMap(page: Page): Promise<number> {
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length > 150, countryPaths);
  return page.locator(countryPaths).count();
}

void test('home page in English: heading, demo banner, map, left-to-right', async () => {
  const { page, errors } = await openPage('/?lang=en');
  try {
    assert.equal(await page.locator('h1').textContent(), en['home.title']);

    const banner = page.getByRole('region', { name: en['demo.label'] });
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /fictitious/);

    assert.ok((await waitForMap(page)) > 150, 'the map draws the world’s countries');
    const map = page.locator('svg.world-map');
    assert.match((await map.getAttribute('aria-label')) ?? '', /countries and territories/);
    assert.ok((await map.locator('path.world-map-country > title').count()) > 150, 'countries are named');
    assert.equal(await map.locator('title', { hasText: /^France$/ }).count(), 1);

    // The region table is the map's accessible alternative: five regions and a world total.
    const table = page.getByRole('table');
    assert.equal(await table.locator('tbody tr.level-0').count(), 5);
    assert.match((await table.locator('tfoot').textContent()) ?? '', /193/);

    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByRole('main').getAttribute('id'), 'main');
    // A visitor's nav: the public pages only (no Incidents, Administration, Audit log), then the API.
    const publicNav = [en['nav.home'], 'Activities', 'Activity map', 'Scorecards', 'Organisations', 'Treaty status', 'Mandates', en['nav.api']];
    assert.deepEqual(await page.getByRole('navigation').getByRole('link').allTextContents(), publicNav);

    await page.screenshot({ path: `${resultsDir}/home-en.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('home page in Arabic: right-to-left, lang="ar", Arabic heading', async () => {
  const { page, errors } = await openPage('/?lang=ar');
  try {
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    const heading = (await page.locator('h1').textContent()) ?? '';
    assert.equal(heading, ar['home.title']);
    assert.match(heading, /[\u0600-\u06FF]/, 'the heading is in Arabic script');
    await page.getByRole('region', { name: ar['demo.label'] }).waitFor();
    await waitForMap(page);

    await page.screenshot({ path: `${resultsDir}/home-ar.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('the language switcher changes the page and the choice is remembered', async () => {
  const { page, errors } = await openPage('/');
  try {
    await page.getByLabel(en['language.label']).selectOption('fr');
    await page.locator('h1', { hasText: fr['home.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

    await page.reload();
    assert.equal(await page.locator('h1').textContent(), fr['home.title']);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
