// Signing in, the audit viewer and the sign-in page's direction, in a real browser against
// the real app (fresh database, demo data with one demo user per role, built web app).
// (`void test`: node:test returns a promise the runner itself awaits.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ar } from '../../web/src/i18n/messages/ar.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { resultsDir, useBrowser } from '../helpers/browser.ts';

// Demo accounts (server/platform/access/access.demo.ts); the auditor needs no second factor.
const auditorEmail = 'auditor@demo.tiphub.invalid';
const demoPassword = 'demo-password-2006';

const { openPage } = useBrowser();

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(en['field.email']).fill(email);
  await page.getByLabel(en['field.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: en['signIn.submit'] }).click();
}

void test('a wrong password is refused with an announced alert', async () => {
  const { page, errors } = await openPage('/sign-in?lang=en');
  try {
    assert.equal(await page.locator('h1').textContent(), en['signIn.title']);
    await signIn(page, auditorEmail, 'not-the-password-at-all');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', new RegExp(escape(en['error.invalidCredentials'])));
    // Still signed out: the header offers signing in, nobody's name.
    assert.equal(await page.locator('.user-menu-button').count(), 0);
    await page.screenshot({ path: `${resultsDir}/sign-in.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('the auditor signs in and the audit viewer shows the sign-in', async () => {
  const { page, errors } = await openPage('/audit?lang=en');
  try {
    // Anonymous: the audit viewer asks to sign in, and the nav does not offer it.
    await page.locator('h1', { hasText: en['guard.signInTitle'] }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: en['nav.label'] }).locator('a[href="/audit"]').count(), 0);

    await page.getByRole('main').getByRole('link', { name: en['signIn.title'] }).click();
    await page.locator('h1', { hasText: en['signIn.title'] }).waitFor();
    await signIn(page, auditorEmail, demoPassword);

    // Back on the page that asked (?next=), now signed in: the user's menu replaces "Sign in".
    await page.locator('.user-menu-button').waitFor();
    const nav = page.getByRole('navigation', { name: await navLabel(page) });
    assert.equal(await nav.locator('a[href="/audit"]').count(), 1, 'the auditor sees the audit log in the nav');
    assert.equal(await nav.locator('a[href="/admin/users"]').count(), 0, 'but not the administration');

    await page.goto(new URL('/audit?lang=en', page.url()).href);
    await page.locator('h1', { hasText: en['audit.title'] }).waitFor();
    const signIns = page.locator('table.audit-table tbody tr[data-action="auth.sign_in"]');
    await signIns.first().waitFor();
    assert.ok((await signIns.count()) >= 1, 'the sign-in is in the log');

    await page.getByRole('button', { name: en['audit.verify'] }).click();
    await page.locator('.chain-ok').waitFor();

    // Filtering by action keeps only matching rows.
    await page.getByLabel(en['audit.action'], { exact: true }).fill('auth.sign_in_failed');
    await page.getByRole('button', { name: en['action.apply'] }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('table.audit-table tbody tr')].every((r) => r.getAttribute('data-action') === 'auth.sign_in_failed'));

    await page.screenshot({ path: `${resultsDir}/audit.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

void test('the sign-in page in Arabic is right-to-left', async () => {
  const { page, errors } = await openPage('/sign-in?lang=ar');
  try {
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('h1').textContent(), ar['signIn.title']);
    await page.getByLabel(ar['field.email']).waitFor();
    await page.getByLabel(ar['field.password'], { exact: true }).waitFor();
    await page.screenshot({ path: `${resultsDir}/sign-in-ar.png`, fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

/** The nav's label in whatever language sign-in switched to (the user's preferred one). */
async function navLabel(page: Page): Promise<string> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? 'en';
  const catalogues: Record<string, { 'nav.label': string }> = { en, ar };
  return (catalogues[lang] ?? en)['nav.label'];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
