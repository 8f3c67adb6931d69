// The incident import wizard in a real browser: a State's focal point uploads an HTCDS file,
// sees the problems of a bad one (line, column, value, reason), then checks a good one (preview
// without identifiers, summary by year) and imports it. (`void test`: the runner awaits it.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleCsv, sampleRow } from '../../server/modules/incidents/import/htcds-sample.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { incidentImportMessages } from '../../web/src/incident-import/messages.ts';
import { resultsDir, signInEnrollingSecondFactor, useBrowser } from '../helpers/browser.ts';

const m = incidentImportMessages.en;
const { openPage } = useBrowser();

void test('check a file, read its problems, then import a clean one; Arabic is right to left', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en&next=%2Fincidents%2Fimport');
  try {
    await signInEnrollingSecondFactor(page, 'state@demo.tiphub.invalid');
    await page.goto(new URL('/incidents/import?lang=en', page.url()).href);
    await page.locator('h1', { hasText: m['incidentImport.title'] }).waitFor();

    // The focal point's own State is the default reporter.
    const state = await page.getByLabel(m['incidentImport.reporter']).inputValue();
    assert.match(state, /^[A-Z]{3}$/);

    // A file with a bad value: the problem table says where and why, and there is no Import button.
    const bad = sampleCsv([sampleRow(1, state), { ...sampleRow(2, state), prs_Gender: 'Robot' }]);
    await page.getByLabel(m['incidentImport.file']).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: m['incidentImport.check'] }).click();
    const problems = page.locator('table.incident-import-problems tbody tr');
    await problems.first().waitFor();
    assert.deepEqual(await problems.first().locator('td').allTextContents(), ['3', 'prs_Gender', 'Robot', 'not a value of HTCDS Gender']);
    assert.equal(await page.getByRole('button', { name: m['incidentImport.import'], exact: true }).count(), 0);
    assert.ok((await page.getByRole('link', { name: m['incidentImport.problems.download'] }).getAttribute('href'))?.startsWith('data:text/csv'));

    // A clean file: preview without identifier columns, summary, then Import.
    await page.getByRole('button', { name: m['incidentImport.startOver'] }).click();
    const good = sampleCsv(Array.from({ length: 25 }, (_, i) => sampleRow(500 + i, state)));
    await page.getByLabel(m['incidentImport.file']).setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: m['incidentImport.check'] }).click();
    await page.locator('caption', { hasText: m['incidentImport.summary.caption'] }).waitFor();
    await page.getByText(m['incidentImport.problems.none']).waitFor();
    const previewHead = await page.locator('table', { has: page.locator('caption', { hasText: m['incidentImport.preview.caption'] }) }).locator('thead th').allTextContents();
    assert.ok(previewHead.includes('prs_Gender'));
    assert.ok(!previewHead.some((h) => /Names|IdentityNumber|BirthDate|Contact|FamilyName/.test(h)), 'no identifier column in the preview');
    assert.ok(!(await page.content()).includes(sampleRow(500).prs_FamilyName), 'no identifier value on the page');
    await page.getByRole('button', { name: m['incidentImport.import'], exact: true }).click();
    await page.getByText(m['incidentImport.done']).waitFor();
    await page.screenshot({ path: `${resultsDir}/incident-import.png`, fullPage: true });

    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h1', { hasText: incidentImportMessages.ar['incidentImport.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
