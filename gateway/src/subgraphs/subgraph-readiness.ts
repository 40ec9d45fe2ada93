import type { ReadinessCheck } from '@ionflux/kit/server';

/** One readiness check per subgraph: its own `/readyz` (which covers its database) answers 200. */
export function subgraphReadiness(graphqlUrls: Record<string, string>): ReadinessCheck[] {
  return Object.entries(graphqlUrls).map(([name, graphqlUrl]) => ({
    name: `subgraph:${name}`,
    async check() {
      const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return response.ok;
    },
  }));
}
