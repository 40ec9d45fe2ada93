import type { Registry } from 'prom-client';

/**
 * The metric `name` of `registry`, created by `create` the first time. Several parts of one service (a
 * provider client per provider, the router and the worker of one process) share its registry, and
 * prom-client refuses a second metric of the same name.
 */
export function metricOnce<T>(registry: Registry, name: string, create: (registers: Registry[]) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create([registry]);
}
