import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One row of the README's metrics table. */
export interface DocumentedMetric {
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
  labels: string[];
  /** The services whose `/metrics` serve it: `gateway`, `llm`, `shopify`, `tiktok`. */
  services: string[];
}

const SERVICES = ['gateway', 'llm', 'shopify', 'tiktok'];
const README = fileURLToPath(new URL('../../../../README.md', import.meta.url));

/**
 * The table of the README's "## Metrics" section, parsed; throws naming the line it cannot read, so a
 * malformed row fails the tests instead of silently dropping a metric.
 */
export function readMetricsTable(readme: string = readFileSync(README, 'utf8')): DocumentedMetric[] {
  const section = readme.split(/^## Metrics$/m)[1]?.split(/^## /m)[0];
  if (section === undefined) throw new Error('README.md has no "## Metrics" section');
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, name, type, labels, services] = cells;
    const metric = name?.match(/^`([a-z_:][a-z0-9_:]*)`$/)?.[1];
    if (!metric || (type !== 'counter' && type !== 'gauge' && type !== 'histogram')) {
      throw new Error(`cannot read the metrics table row: ${line}`);
    }
    const labelNames =
      labels === '—' ? [] : [...(labels ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? '');
    const serviceNames =
      services === 'every service' ? SERVICES : (services ?? '').split(',').map((service) => service.trim());
    for (const service of serviceNames) {
      if (!SERVICES.includes(service)) throw new Error(`unknown service ${service} in row: ${line}`);
    }
    return { name: metric, type, labels: labelNames, services: serviceNames };
  });
}
