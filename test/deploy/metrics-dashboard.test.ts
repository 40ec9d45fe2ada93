import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promqlMetricNames, readMetricsTable } from '@ionflux/testing/metrics';
import { describe, expect, it } from 'vitest';

interface Panel {
  title?: string;
  type: string;
  targets?: { expr?: string; refId?: string }[];
  panels?: Panel[];
}

const dashboard = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../deploy/grafana/ionflux.json', import.meta.url)), 'utf8'),
) as { uid: string; title: string; panels: Panel[] };
const table = readMetricsTable();

/** Every query of the dashboard, with the panel it belongs to. */
function queries(panels: readonly Panel[]): { panel: string; expr: string }[] {
  return panels.flatMap((panel) => [
    ...(panel.targets ?? []).map((target) => ({ panel: panel.title ?? '', expr: target.expr ?? '' })),
    ...queries(panel.panels ?? []),
  ]);
}

/** The documented metric a selected series belongs to: a histogram's `_bucket`, `_sum` and `_count` too. */
function documentedMetricOf(series: string): string | undefined {
  const exact = table.find((metric) => metric.name === series);
  if (exact) return exact.name;
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return table.find((metric) => metric.name === base && metric.type === 'histogram')?.name;
}

describe('the Grafana dashboard (deploy/grafana/ionflux.json)', () => {
  it('reads a metrics table of stable names with bounded labels from the README', () => {
    expect(table.length).toBeGreaterThan(25);
    expect(new Set(table.map((metric) => metric.name)).size).toBe(table.length);
    for (const metric of table) {
      expect(metric.name, metric.name).toMatch(/^ionflux_[a-z0-9_]+$/);
      if (metric.type === 'counter') expect(metric.name, metric.name).toMatch(/_total$/);
      // A workspace, user, connection or shop as a label would make the series count unbounded.
      for (const label of metric.labels) {
        expect(label, metric.name).not.toMatch(/workspace|user|connection|shop|tenant|request_id|model/);
      }
    }
  });

  it('has queries, each naming only metrics of the README table', () => {
    const all = queries(dashboard.panels);
    expect(all.length).toBeGreaterThan(20);
    for (const { panel, expr } of all) {
      const names = promqlMetricNames(expr);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const name of names) {
        expect(
          documentedMetricOf(name),
          `${panel}: ${name} in ${expr} is not in the README's table`,
        ).toBeDefined();
      }
    }
  });

  it('charts every metric of the table', () => {
    const charted = new Set(
      queries(dashboard.panels).flatMap(({ expr }) => promqlMetricNames(expr).map(documentedMetricOf)),
    );
    expect(table.map((metric) => metric.name).filter((name) => !charted.has(name))).toEqual([]);
  });

  it('groups by documented labels only', () => {
    for (const { panel, expr } of queries(dashboard.panels)) {
      const metrics = promqlMetricNames(expr).map(documentedMetricOf);
      const known = new Set([
        'le',
        'service',
        ...table.filter((m) => metrics.includes(m.name)).flatMap((m) => m.labels),
      ]);
      for (const [, list] of expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)) {
        for (const label of (list ?? '').split(',').map((l) => l.trim())) {
          expect(known.has(label), `${panel}: label ${label} in ${expr}`).toBe(true);
        }
      }
    }
  });
});
