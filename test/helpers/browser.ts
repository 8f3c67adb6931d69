// The real app in Debian's Chromium, driven by playwright-core: one server and one browser per
// test file, a fresh context per page.
import fs from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { totpCode } from '../../server/platform/access/totp.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { startTestServer, type TestServer } from './server.ts';

export const resultsDir = 'test-results';

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserSession {
  /** A fresh page (own cookies and localStorage) collecting uncaught script errors. */
  openPage: (path: string) => Promise<{ page: Page; errors: string[] }>;
}

/** Registers before/after hooks that start the server (demo data on) and the browser. */
export function useBrowser(): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    await fs.mkdir(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    openPage: async (path) => {
      if (!browser || !server) throw new Error('useBrowser: the browser is not started yet');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(path, server.baseUrl).href);
      return { page, errors };
    },
  };
}

/**
 * Signs in a demo account on the sign-in page (password demo-password-2006). Demo accounts have
 * no second factor yet, and the roles that handle cases or administration require one, so the
 * account enrols it on the way, as a person would, with a code computed from the shown secret.
 */
export async function signInEnrollingSecondFactor(page: Page, email: string): Promise<void> {
  await page.getByLabel(en['field.email']).fill(email);
  await page.getByLabel(en['field.password'], { exact: true }).fill('demo-password-2006');
  await page.getByRole('button', { name: en['signIn.submit'] }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(en['field.code']).fill(totpCode(secret));
  await page.getByRole('button', { name: en['twoFactor.confirm'] }).click();
  await page.getByRole('button', { name: en['twoFactor.continue'] }).click();
}
