// The aggregate reports page in a real browser against the demo data: a State's focal point
// sees their own State's counts by year as a chart and a captioned table, switches the
// breakdown, downloads CSV, and reads the page in Arabic. (`void test`: the runner awaits it.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregatesMessages } from '../../web/src/aggregates/messages.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { resultsDir, signInEnrollingSecondFactor, useBrowser } from '../helpers/browser.ts';

const m = aggregatesMessages;
const { openPage } = useBrowser();

void test("a State's focal point reads their counts by sex and by form, downloads CSV, and in Arabic", async () => {
  const { page, errors } = await openPage('/sign-in?lang=en&next=%2Faggregates');
  try {
    await signInEnrollingSecondFactor(page, 'state@demo.tiphub.invalid');
    await page.goto(new URL('/aggregates?lang=en', page.url()).href);
    await page.locator('h1', { hasText: m.en['aggregates.title'] }).waitFor();

    // Only their own State is offered.
    const states = page.getByLabel(m.en['aggregates.state']);
    await states.waitFor();
    assert.equal(await states.locator('option').count(), 1);

    // By sex (the default): a chart with bars, a captioned table with one row per year, synthetic note.
    const table = page.locator('table.aggregates-table');
    await table.waitFor();
    assert.match((await table.locator('caption').textContent()) ?? '', new RegExp(`${m.en['aggregates.indicator.detected_victims']} per year`));
    assert.ok((await table.locator('tbody tr').count()) >= 5, 'several years');
    assert.deepEqual((await table.locator('thead th').allTextContents()).slice(0, 5), ['Year', 'Report status', 'Total', 'Female', 'Male']);
    assert.ok((await page.locator('figure.aggregates-chart svg rect').count()) > 10, 'bars are drawn');
    assert.equal(await page.getByRole('img', { name: /Bar chart of Detected victims per year/ }).count(), 1);
    assert.equal(await page.getByRole('note').filter({ hasText: m.en['aggregates.synthetic'] }).count(), 1);
    const csv = await page.getByRole('link', { name: m.en['aggregates.download'] }).getAttribute('href');
    assert.ok(csv?.startsWith('data:text/csv'));
    assert.match(decodeURIComponent(csv!), /^data:text\/csv;charset=utf-8,reporting_state,year,indicator,dimension,category,sex,age,value_kind,count,suppressed_below,synthetic/);

    // By form of exploitation, chosen with the keyboard.
    await page.getByRole('radio', { name: m.en['aggregates.breakdown.sex'] }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await table.locator('thead th', { hasText: m.en['aggregates.part.sexual_exploitation'] }).waitFor();
    assert.equal(await page.getByRole('radio', { name: m.en['aggregates.breakdown.form'] }).isChecked(), true);
    await page.screenshot({ path: `${resultsDir}/aggregates.png` });

    // Another indicator.
    await page.getByLabel(m.en['aggregates.indicator']).selectOption('prosecuted');
    await table.locator('caption', { hasText: m.en['aggregates.indicator.prosecuted'] }).waitFor();

    // Arabic: right to left, Arabic heading and caption.
    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h1', { hasText: m.ar['aggregates.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await table.locator('caption', { hasText: m.ar['aggregates.indicator.prosecuted'] }).waitFor();
    await page.screenshot({ path: `${resultsDir}/aggregates-ar.png` });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
