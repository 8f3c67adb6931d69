// The activity import wizard in a real browser: an agency's focal point uploads an HXL table,
// reads the problems of a bad one (line, column, value, reason; no Import button), then checks a
// good one (preview, counts) and imports it. (`void test`: the runner awaits it.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activityImportMessages } from '../../web/src/activity-import/messages.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

const m = activityImportMessages.en;
const { openPage } = useBrowser();

const table = (country: string) => `Organisation,Activity,Code,Sector,Country,Start,End,Targeted
#org,#activity+name,#activity+code,#sector,#country,#date+start,#date+end,#targeted
UNODC,Browser test: survivor shelter network,XM-BROWSER-HXL-1,Protection,${country},2026-01-01,2026-12-31,300
UNODC,Browser test: judicial training,XM-BROWSER-HXL-2,Prosecution,KEN,2026-02-01,2026-11-30,40
`;

void test('check an HXL table, read its problems, then import a clean one; Arabic is right to left', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en&next=%2Factivities%2Fimport');
  try {
    await page.getByLabel(en['field.email']).fill('agency@demo.tiphub.invalid');
    await page.getByLabel(en['field.password'], { exact: true }).fill('demo-password-2006');
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await page.locator('h1', { hasText: m['activityImport.title'] }).waitFor();

    // A bad country: the critical and error tables say where and why; nothing to import.
    await page.getByLabel(m['activityImport.file']).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(table('XYZ')) });
    await page.getByRole('button', { name: m['activityImport.check'] }).click();
    const errorRows = page.locator('table.activity-import-error tbody tr');
    await errorRows.first().waitFor();
    assert.deepEqual(await errorRows.first().locator('td').allTextContents(), [
      'XM-BROWSER-HXL-1',
      'line 3, column E (#country)',
      'value "XYZ": unknown country (give an ISO 3166-1 alpha-3 or alpha-2 code, or the country name)',
    ]);
    await page.locator('table.activity-import-critical caption').waitFor();
    assert.equal(await page.getByRole('button', { name: m['activityImport.import'], exact: true }).count(), 0);

    // A clean table: the preview counts two new activities; Import saves them.
    await page.getByRole('button', { name: m['activityImport.startOver'] }).click();
    await page.getByLabel(m['activityImport.file']).setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(table('UGA')) });
    await page.getByRole('button', { name: m['activityImport.check'] }).click();
    await page.getByText(m['activityImport.noProblems']).waitFor();
    const preview = page.locator('table', { has: page.locator('caption', { hasText: m['activityImport.preview.caption'].split(' (')[0]! }) });
    assert.deepEqual(await preview.locator('tbody tr').first().locator('th, td').allTextContents(), ['1', 'XM-BROWSER-HXL-1', m['activityImport.outcome.created'], '0']);
    await page.getByRole('button', { name: m['activityImport.import'], exact: true }).click();
    await page.getByText(m['activityImport.done']).waitFor();
    assert.ok(await page.getByRole('link', { name: 'XM-BROWSER-HXL-2' }).isVisible(), 'imported activities link to their pages');
    assert.equal(await page.getByRole('link', { name: m['activityImport.export.xlsx'] }).getAttribute('href'), '/api/v1/activities/export.xlsx');
    await page.screenshot({ path: `${resultsDir}/activity-import.png`, fullPage: true });

    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.locator('h1', { hasText: activityImportMessages.ar['activityImport.title'] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
