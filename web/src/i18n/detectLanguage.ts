import { defaultLanguage, isLanguage, languages, type Language } from './languages.ts';

const storageKey = 'tiphub.lang';

/**
 * The language to start in: `?lang=` (shared links, tests) wins over the remembered choice,
 * which wins over the browser's preferences.
 */
export function detectLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) {
    rememberLanguage(fromUrl);
    return fromUrl;
  }
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    const match = languages.find((l) => l === base);
    if (match) return match;
  }
  return defaultLanguage;
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Storage may be disabled (private mode, policy); the choice then lasts for the visit.
  }
}

function readStored(): Language | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a `?lang=` already in the address in step with the choice, so reloading keeps it. */
export function syncLanguageParam(lang: Language): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('lang') || url.searchParams.get('lang') === lang) return;
  url.searchParams.set('lang', lang);
  window.history.replaceState(window.history.state, '', url);
}
