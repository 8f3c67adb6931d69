// The treaty status page in a real browser against the demo data: the map coloured by status,
// its legend, the States not yet party with a CSV download, and the page in Arabic (right to left).
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../web/src/i18n/messages/en.ts';
import { statusColours } from '../../web/src/treaties/statusColours.ts';
import { treatiesMessages } from '../../web/src/treaties/messages.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const m = treatiesMessages;
const { openPage } = useBrowser();
const mapCountries = 'svg.treaty-map[role="img"] path.world-map-country';

void test('per instrument: map by status, legend, synthetic mark, not-party list and CSV; Arabic is right to left', async () => {
  const { page, errors } = await openPage('/treaties?lang=en');
  try {
    await page.locator('h1', { hasText: m.en['treaties.title'] }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: en['nav.label'] }).locator('a[href="/treaties"]').count(), 1, 'Treaty status is in the nav');
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel}[data-key]`).length > 150, mapCountries);
    // Every status colour is on the map, and the legend names all three.
    const fills = new Set(await page.locator(`${mapCountries}[data-key]`).evaluateAll((els) => els.map((e) => e.getAttribute('fill'))));
    assert.ok(fills.has(statusColours.party) && fills.has(statusColours.none), 'parties and non-parties are coloured apart');
    // The legend names the three statuses with the counts the accessible table gives.
    for (const s of ['party', 'signatory', 'none'] as const) {
      const label = m.en[`treaties.status.${s}`];
      const inTable = await page.locator('table.treaty-status-table tbody td:nth-child(2)').evaluateAll((els, l) => els.filter((e) => (e.textContent ?? '').startsWith(l)).length, label);
      assert.equal(await page.locator('.map-legend li', { hasText: new RegExp(`^${label} \\(`) }).textContent(), `${label} (${inTable})`);
    }
    await page.getByRole('note').filter({ hasText: m.en['treaties.synthetic'] }).waitFor();

    // The not-party list agrees with the map and the summary, signatories first.
    const notParty = page.locator('table.not-party-table tbody tr');
    const listed = await notParty.count();
    const nonePaths = await page.locator(`${mapCountries}[fill="${statusColours.none}"], ${mapCountries}[fill="${statusColours.signatory}"]`).count();
    assert.ok(listed > 0 && Math.abs(listed - nonePaths) <= 10, `the list (${listed}) matches the map (${nonePaths}, small territories aside)`);
    const statuses = await notParty.locator('td:nth-child(2)').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const firstNone = statuses.findIndex((s) => s.startsWith(m.en['treaties.status.none']));
    assert.ok(statuses.slice(firstNone).every((s) => s.startsWith(m.en['treaties.status.none'])), 'signatories first');
    const csv = decodeURIComponent(((await page.getByRole('link', { name: m.en['treaties.notParty.download'] }).getAttribute('href')) ?? '').replace(/^data:text\/csv;charset=utf-8,/, ''));
    assert.equal(csv.trim().split('\n').length - 1, listed);
    assert.equal(await page.getByRole('link', { name: m.en['treaties.export'] }).getAttribute('href'), '/api/v1/treaties/export.csv');
    assert.ok((await page.locator('table.treaty-status-table tbody tr').count()) >= 193, 'the accessible table lists every State');

    // Another instrument: the ILO protocol has far fewer parties in the demo.
    const partiesBefore = await page.locator(`${mapCountries}[fill="${statusColours.party}"]`).count();
    await page.getByLabel(m.en['treaties.instrument']).selectOption('ILO-P029');
    await page.waitForFunction(
      ([sel, colour, before]) => document.querySelectorAll(`${sel}[fill="${colour}"]`).length < before / 2 && document.querySelectorAll(`${sel}[data-key]`).length > 150,
      [mapCountries, statusColours.party, partiesBefore] as const,
    );
    await page.screenshot({ path: `${resultsDir}/treaties.png`, fullPage: true });

    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h2', { hasText: m.ar['treaties.notParty.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.ok((await page.locator('table.not-party-table caption').textContent())?.startsWith('الدول التي ليست أطرافًا بعد'));
    await page.screenshot({ path: `${resultsDir}/treaties-ar.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
