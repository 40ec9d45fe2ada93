export type { DoorShape, LlmHttpApiOptions } from './mount-llm-http-api.ts';
export { LLM_HTTP_ROUTES, mountLlmHttpApi } from './mount-llm-http-api.ts';
