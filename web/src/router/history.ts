// A minimal history-API router: the path is external state that React subscribes to.
// Deep links need the server to answer unknown non-API paths with index.html.
import { useSyncExternalStore } from 'react';

const navigationEvent = 'tiphub:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current path (e.g. "/registry"), re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to `to` without reloading the page. */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(navigationEvent));
}

const currentSearch = () => window.location.search;

/** One query parameter of the current address (e.g. `?token=`), re-rendering on navigation. */
export function useSearchParam(name: string): string | null {
  const search = useSyncExternalStore(subscribe, currentSearch);
  return new URLSearchParams(search).get(name);
}

/** A local path to go back to after signing in; anything else (other sites, "//x") is ignored. */
export function safeNext(value: string | null): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}
