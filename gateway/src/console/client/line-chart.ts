import uPlot from 'uplot';
import { h } from './dom.ts';

export type ChartSeries = { label: string; values: number[] };

/**
 * A uPlot chart over x values in epoch seconds. The plotted data is also written, as JSON, to the
 * figure's `data-chart` attribute, so tests (and assistive tools) read the numbers, not pixels.
 */
export function lineChart(
  title: string,
  x: number[],
  series: ChartSeries[],
  options: { /** Decimals on the y axis. @default 0 */ decimals?: number } = {},
): HTMLElement {
  const figure = h(
    'figure',
    { class: 'chart', 'data-chart': JSON.stringify({ x, series }) },
    h('figcaption', {}, title),
  );
  const colors = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
  const plot = new uPlot(
    {
      width: 1100,
      height: 260,
      series: [
        {},
        ...series.map((s, index) => ({
          label: s.label,
          stroke: colors[index % colors.length] ?? '#000',
          width: 2,
        })),
      ],
      axes: [
        {},
        // uPlot rounds small values (a cost of $0.000015) to 0 by default; label them with enough decimals.
        {
          size: 90,
          values: (_u: uPlot, splits: number[]) => splits.map((v) => v.toFixed(options.decimals ?? 0)),
        },
      ],
    },
    [x, ...series.map((s) => s.values)],
    figure,
  );
  figure.dataset['points'] = String(plot.data[0]?.length ?? 0);
  return figure;
}
