// The page registry. Adding a page = one entry here (plus its messages); the header nav and
// the router both read this list, so no page can be linked without existing.
import type { ComponentType } from 'react';
import { HomePage } from './home/HomePage.tsx';
import type { MessageKey } from './i18n/catalogue.ts';

export interface Page {
  path: string;
  /** Page heading, also used for the document title. */
  titleKey: MessageKey;
  /** Label in the header nav; pages without one are reachable only by links. */
  navKey?: MessageKey;
  component: ComponentType;
}

export const pages: readonly Page[] = [{ path: '/', titleKey: 'home.title', navKey: 'nav.home', component: HomePage }];

/** Links out of the app (served by the API process), shown after the pages in the nav. */
export const externalLinks: readonly { href: string; labelKey: MessageKey; titleKey?: MessageKey }[] = [
  { href: '/api/docs', labelKey: 'nav.api', titleKey: 'nav.apiTitle' },
];

/** The page for a path; trailing slashes are ignored. */
export function findPage(path: string): Page | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return pages.find((p) => p.path === normalized);
}
