import { PLAYGROUND_CONFIG_ELEMENT_ID, type PlaygroundConfig } from '../playground-config.ts';

/** Reads the {@link PlaygroundConfig} the server embedded in the page as JSON; fails loudly if absent. */
export function readPlaygroundConfig(document: Document): PlaygroundConfig {
  const text = document.getElementById(PLAYGROUND_CONFIG_ELEMENT_ID)?.textContent;
  if (!text) throw new Error(`playground: missing #${PLAYGROUND_CONFIG_ELEMENT_ID} element`);
  const value: unknown = JSON.parse(text);
  if (!isPlaygroundConfig(value)) throw new Error('playground: malformed configuration');
  return value;
}

function isPlaygroundConfig(value: unknown): value is PlaygroundConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { endpoint, defaultHeaders, workers } = value as Record<string, unknown>;
  return (
    typeof endpoint === 'string' &&
    isStringRecord(defaultHeaders) &&
    isStringRecord(workers) &&
    ['editor', 'json', 'graphql'].every((label) => label in workers)
  );
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}
