/**
 * What the server tells the browser app, as JSON in a `<script type="application/json">` element (the
 * page's CSP forbids inline executable script, so configuration travels as data).
 */
export type PlaygroundConfig = {
  /** Where GraphiQL sends operations; same origin. */
  endpoint: string;
  /** Pre-filled into the header editor (in development: the dev JWT as `Authorization`). */
  defaultHeaders: Record<string, string>;
  /** URLs of the Monaco worker bundles, by the label Monaco asks for. */
  workers: PlaygroundWorkerUrls;
};

export type PlaygroundWorkerUrls = { editor: string; json: string; graphql: string };

/** The id of the element carrying the {@link PlaygroundConfig}. */
export const PLAYGROUND_CONFIG_ELEMENT_ID = 'playground-config';

/** The id of the element GraphiQL renders into. */
export const PLAYGROUND_ROOT_ELEMENT_ID = 'playground';
