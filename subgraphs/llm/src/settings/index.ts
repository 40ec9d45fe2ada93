export type { Fallback } from './fallback-store.ts';
export { getFallback, setFallback } from './fallback-store.ts';
