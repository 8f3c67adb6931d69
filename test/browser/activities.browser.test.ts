// Activity search and the activity page in a real browser against the demo data: a word
// typed without its accents finds activities, filters narrow them, an activity opens with
// its details and history, two versions are compared, and Arabic turns the page right to left.
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activitiesMessages } from '../../web/src/activities/messages.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const m = activitiesMessages;
const { openPage } = useBrowser();

interface Hit {
  id: string;
  version: number;
  countriesIso3: string[];
  title: Record<string, string>;
}

void test('search by a word without accents, narrow with filters, open an activity and compare two versions', async () => {
  const { page, errors } = await openPage('/activities?lang=en');
  try {
    await page.locator('h1', { hasText: m.en['activities.search.title'] }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: en['nav.label'] }).locator('a[href="/activities"]').count(), 1, 'Activities is in the nav');

    // The demo's protection activities are titled "Hébergement et gestion de cas…" in French.
    // Pick, through the API, one with a second version to compare later.
    const hits = await page.evaluate(async () => {
      const res = await fetch('/api/v1/activities/search?q=hebergement&pillar=protection&limit=100');
      return ((await res.json()) as { items: Hit[] }).items;
    });
    const target = hits.find((h) => h.version >= 2 && h.countriesIso3.length === 1);
    assert.ok(target, 'a demo protection activity with two versions');
    const country = target.countriesIso3[0]!;

    const count = async () => Number(((await page.locator('#activity-results').textContent()) ?? '').replace(/\D/g, ''));
    await page.getByLabel(m.en['activities.search.words']).fill('hebergement');
    await page.getByRole('button', { name: m.en['activities.search.submit'] }).click();
    await page.waitForURL(/q=hebergement/);
    await page.locator('table.activity-results mark').first().waitFor();
    const all = await count();
    assert.ok(all > 1, `several activities found (${all})`);
    assert.match((await page.locator('table.activity-results mark').first().textContent()) ?? '', /^Hébergement$/i, 'the accented word is highlighted');

    await page.getByLabel(m.en['activities.search.pillar']).selectOption('protection');
    await page.getByLabel(m.en['activities.search.country']).selectOption(country);
    await page.getByRole('button', { name: m.en['activities.search.submit'] }).click();
    await page.waitForURL(new RegExp(`country=${country}`));
    await page.locator(`table.activity-results a[href="/activity?id=${target.id}"]`).waitFor();
    const narrowed = await count();
    assert.ok(narrowed >= 1 && narrowed < all, `the filters narrow ${all} to ${narrowed}`);
    assert.ok(await page.locator('table.activity-results caption').textContent());
    const csv = await page.getByRole('link', { name: m.en['activities.search.csv'] }).getAttribute('href');
    assert.match(csv ?? '', new RegExp(`^/api/v1/activities/search\\.csv\\?.*country=${country}`));
    await page.screenshot({ path: `${resultsDir}/activities-search.png`, fullPage: true });

    await page.locator(`table.activity-results a[href="/activity?id=${target.id}"]`).click();
    await page.locator('h1', { hasText: target.title.en ?? '' }).waitFor();
    await page.getByRole('heading', { name: m.en['activities.history.title'] }).waitFor();
    assert.ok((await page.getByRole('table', { name: m.en['activities.history.caption'] }).locator('tbody tr').count()) >= 2);
    assert.equal(await page.getByRole('table', { name: m.en['activities.page.countriesCaption'] }).locator('tbody tr').count(), 1);

    await page.getByLabel(m.en['activities.diff.from']).selectOption('1');
    await page.getByLabel(m.en['activities.diff.to']).selectOption('2');
    await page.getByRole('button', { name: m.en['activities.diff.show'] }).click();
    const diff = page.getByRole('table', { name: m.en['activities.diff.caption'].replace('{from}', '1').replace('{to}', '2') });
    await diff.waitFor();
    assert.ok((await diff.locator('tbody tr').count()) >= 1, 'the versions differ in at least one field');
    await page.screenshot({ path: `${resultsDir}/activity.png`, fullPage: true });

    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h2', { hasText: m.ar['activities.history.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    await page.screenshot({ path: `${resultsDir}/activity-ar.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('a refused search shows the reason instead of results', async () => {
  const { page, errors } = await openPage('/activities?lang=en&from=2025-01-01&to=2024-01-01');
  try {
    await page.getByRole('alert').filter({ hasText: 'querystring.from' }).waitFor();
    assert.equal(await page.locator('table.activity-results').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
