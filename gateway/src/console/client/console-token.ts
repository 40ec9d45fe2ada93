const storageKey = 'ionflux.console.token';

/**
 * The caller's JWT: taken from `#token=<jwt>` (a fragment never reaches a server) and moved into
 * sessionStorage, the fragment then erased from the address bar and history; else what sessionStorage holds.
 */
export function readConsoleToken(location: Location, history: History, storage: Storage): string | undefined {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get('token');
  if (fromFragment) {
    storage.setItem(storageKey, fromFragment.trim());
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(storageKey) ?? undefined;
}

export function storeConsoleToken(storage: Storage, token: string): void {
  storage.setItem(storageKey, token.trim());
}

export function forgetConsoleToken(storage: Storage): void {
  storage.removeItem(storageKey);
}
