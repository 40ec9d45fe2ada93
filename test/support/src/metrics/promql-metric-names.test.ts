import { describe, expect, it } from 'vitest';
import { promqlMetricNames } from './promql-metric-names.ts';

describe('promqlMetricNames', () => {
  it('finds the selected metrics, not functions, keywords, labels, strings or ranges', () => {
    expect(
      promqlMetricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(a_seconds_bucket{route="x_total",b=~"c"}[5m]))) / on (route) group_left (name) scalar(sum(rate(b_total[$__rate_interval] offset 1h)))',
      ).sort(),
    ).toEqual(['a_seconds_bucket', 'b_total']);
  });

  it('finds a bare selector and one after a binary operator', () => {
    expect(promqlMetricNames('up and bool other_metric > 1')).toEqual(['up', 'other_metric']);
  });
});
