import type { ReadinessCheck } from '@ionflux/kit/server';

/**
 * One readiness check per subgraph: its own `/readyz` (which covers its database) answers 200, asked at
 * its admin origin when it has one (`ADMIN_PORT` keeps `/readyz` off its public port), else at its URL.
 */
export function subgraphReadiness(
  graphqlUrls: Record<string, string>,
  adminUrls: Readonly<Record<string, string | undefined>> = {},
): ReadinessCheck[] {
  return Object.entries(graphqlUrls).map(([name, graphqlUrl]) => ({
    name: `subgraph:${name}`,
    async check() {
      const readyUrl = new URL('/readyz', adminUrls[name] ?? graphqlUrl);
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return response.ok;
    },
  }));
}
