/** Which error shape an LLM door answers in: spec 1.3's envelope, or OpenAI's `{error}`. */
export type LlmDoorShape = 'spec' | 'openai';

/** One public LLM route: exactly this path and method, forwarded to the same path of the LLM subgraph. */
export interface LlmRoute {
  path: string;
  method: 'GET' | 'POST';
  shape: LlmDoorShape;
}

/**
 * The allow-list: the only paths under `/llm` that exist. Spec 1.3's JSON contract and the
 * OpenAI-compatible API (its base URL is `<gateway>/llm/openai/v1`).
 */
export const LLM_ROUTES: ReadonlyMap<string, LlmRoute> = new Map(
  (
    [
      { path: '/llm/v1/completions', method: 'POST', shape: 'spec' },
      { path: '/llm/openai/v1/chat/completions', method: 'POST', shape: 'openai' },
      { path: '/llm/openai/v1/embeddings', method: 'POST', shape: 'openai' },
      { path: '/llm/openai/v1/models', method: 'GET', shape: 'openai' },
    ] satisfies LlmRoute[]
  ).map((route) => [route.path, route]),
);

/** Whether a path is in the LLM namespace (any case: `/LLM/…` is not another namespace). */
export function isLlmRoutePath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/llm' || lower.startsWith('/llm/');
}

/** The shape a path under `/llm` answers in, routed or not. */
export function shapeOfLlmPath(path: string): LlmDoorShape {
  return LLM_ROUTES.get(path)?.shape ?? (path.toLowerCase().startsWith('/llm/openai/') ? 'openai' : 'spec');
}

/** Copied back from the LLM subgraph's answer; nothing else (no `server`, hop-by-hop headers). */
export const LLM_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'cache-control',
  'retry-after',
  'x-should-retry',
  'x-accel-buffering',
  'x-ionflux-provider',
  'x-ionflux-fallback-used',
];
