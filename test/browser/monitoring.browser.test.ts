// The activity map, the country page and the scorecards in a real browser against the real
// app with demonstration data. (`void test`: node:test returns a promise the runner awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monitoringMessages } from '../../web/src/monitoring/messages.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const en = monitoringMessages.en;
const { openPage } = useBrowser();

void test('the map renders; choosing a pillar changes the table; Enter on a country opens its page', async () => {
  const { page, errors } = await openPage('/activity-map?lang=en');
  try {
    await page.locator('h1', { hasText: en['monitoring.map.title'] }).waitFor();
    const links = page.locator('svg.activity-map a[data-iso3]');
    await links.first().waitFor();
    assert.ok((await links.count()) > 10, 'countries with activities are links on the map');
    const rows = page.locator('table.activity-map-table tbody tr');
    const allRows = await rows.count();
    const allFirst = await rows.first().locator('td').textContent();
    // Small States absent from the 1:110m shapes are still in the table.
    const onMap = await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
    const inTable = new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3'))));
    assert.ok(onMap.every((iso3) => inTable.has(iso3)), 'every country on the map is in the table');

    await page.getByLabel(en['monitoring.map.pillar'], { exact: true }).selectOption('prosecution');
    await page.locator('table.activity-map-table caption', { hasText: en['monitoring.pillar.prosecution'] }).waitFor();
    const pillarRows = await rows.count();
    assert.ok(pillarRows > 0 && pillarRows < allRows, `fewer countries for one pillar (${pillarRows} of ${allRows})`);
    assert.ok(Number(await rows.first().locator('td').textContent()) <= Number(allFirst));
    await page.screenshot({ path: `${resultsDir}/activity-map.png`, fullPage: true });

    const first = links.first();
    const iso3 = await first.getAttribute('data-iso3');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/country?iso3=${iso3}`);
    await page.locator('table.treaty-table tbody tr').first().waitFor();
    assert.equal(await page.locator('table.treaty-table tbody tr').count(), 5, 'treaty status on every instrument');
    await page.getByRole('heading', { name: new RegExp(en['monitoring.country.latest']) }).waitFor();
    await page.screenshot({ path: `${resultsDir}/country.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('the scorecards table sorts by a column heading', async () => {
  const { page, errors } = await openPage('/scorecards?lang=en');
  try {
    await page.locator('h1', { hasText: en['monitoring.scorecards.title'] }).waitFor();
    const rows = page.locator('table.scorecard-table tbody tr');
    await rows.first().waitFor();
    const counts = async () => (await rows.locator('td:nth-child(2)').allTextContents()).map((s) => Number.parseInt(s.replace(/[^\d].*$/, ''), 10));
    const names = async () => rows.locator('th').allTextContents();
    const byName = await names();
    assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b)), 'sorted by name at first');

    const header = page.locator('th:has(button[data-sort="activities"])');
    await page.locator('button[data-sort="activities"]').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const desc = await counts();
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    await page.locator('button[data-sort="activities"]').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const asc = await counts();
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));

    await page.locator('table.calendar-table tbody tr').first().waitFor();
    assert.equal(await page.locator('table.calendar-table tbody tr').count(), 12, 'the demo calendar: six years of half-year rounds');
    const csv = page.getByRole('link', { name: en['monitoring.scorecards.download'] });
    assert.match((await csv.getAttribute('href')) ?? '', /^data:text\/csv/);
    await page.screenshot({ path: `${resultsDir}/scorecards.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
