// The mandate page of the seed resolution in a real browser against the demo data: every
// operative paragraph, the activities that implement it, a clear mark on paragraphs none
// implements, and the page in Arabic (right to left).
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../web/src/i18n/messages/en.ts';
import { mandatesMessages } from '../../web/src/mandates/messages.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const m = mandatesMessages;
const { openPage } = useBrowser();
const seedLabels = ['1', '2', '3', '4', '5', '5(a)', '5(b)', '5(c)', '6', '6(a)', '6(b)', '6(c)', '6(d)', '7', '8', '9', '10', '11'];

void test('the list links to A/RES/61/180, whose page lists paragraphs, linked activities and empty paragraphs', async () => {
  const { page, errors } = await openPage('/mandates?lang=en');
  try {
    await page.locator('h1', { hasText: m.en['mandates.list.title'] }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: en['nav.label'] }).locator('a[href="/mandates"]').count(), 1, 'Mandates is in the nav');
    // Filtering by body keeps only that body's decisions.
    await page.getByLabel(m.en['mandates.list.body']).selectOption('hrc');
    await page.waitForFunction(() => [...document.querySelectorAll('table.mandates-table tbody tr')].map((r) => r.getAttribute('data-symbol')).join() === 'A/HRC/RES/8/12');
    await page.getByLabel(m.en['mandates.list.body']).selectOption('general_assembly');
    await page.locator('tr[data-symbol="A/RES/61/180"]').waitFor();

    await page.getByRole('link', { name: 'A/RES/61/180' }).click();
    await page.locator('h1', { hasText: 'A/RES/61/180' }).waitFor();
    const paragraphs = page.locator('article[data-paragraph]');
    await paragraphs.first().waitFor();
    assert.deepEqual(await paragraphs.evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph'))), seedLabels);

    // Covered paragraphs list their activities (title, organisation, status); empty ones are marked.
    const covered = page.locator('article[data-paragraph]:has(tr[data-activity])');
    const empty = page.locator('article.paragraph-empty');
    assert.ok((await covered.count()) > 0, 'some paragraphs have activities');
    assert.ok((await empty.count()) > 0, 'some paragraphs have none');
    assert.equal((await covered.count()) + (await empty.count()), seedLabels.length);
    const firstRow = covered.first().locator('tbody tr').first();
    assert.equal(await firstRow.locator('td').count(), 2, 'organisation and status beside the title');
    assert.ok(Object.values(m.en).includes((await firstRow.locator('td').nth(1).textContent()) ?? ''), 'the status is a translated label');
    assert.equal(await empty.first().getByText(m.en['mandates.page.noActivity']).count(), 1);

    // The summary sentence and the chart agree with the paragraphs.
    const summary = (await page.getByTestId('coverage-text').textContent()) ?? '';
    assert.match(summary, new RegExp(`^${await covered.count()} of ${seedLabels.length} `));
    assert.equal(await page.locator('[data-coverage="uncovered"] .coverage-value').textContent(), String(await empty.count()));
    await page.screenshot({ path: `${resultsDir}/mandate.png` });

    // Switching to Arabic: right to left, Arabic headings.
    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h2', { hasText: m.ar['mandates.page.paragraphs'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.ok((await page.getByText(m.ar['mandates.page.noActivity']).count()) > 0);
    await page.screenshot({ path: `${resultsDir}/mandate-ar.png` });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
