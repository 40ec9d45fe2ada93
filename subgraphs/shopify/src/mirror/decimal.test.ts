import { describe, expect, it } from 'vitest';
import { compareDecimal, isDecimal, scaleDecimal, sumDecimals } from './decimal.ts';

describe('mirror decimals', () => {
  it('accepts plain decimal strings only', () => {
    expect(['414.95', '-3.5', '1200', '0.000001'].every(isDecimal)).toBe(true);
    expect(['1e5', ' 1', '1.', '.5', 'NaN', '', '1,5'].some(isDecimal)).toBe(false);
  });

  it('compares and sums exactly where floats would not', () => {
    expect(compareDecimal('0.3', '0.30')).toBe(0);
    expect(compareDecimal('1000.01', '999.999')).toBe(1);
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['19.99', '0.015', '-5'])).toBe('15.005');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['90071992547409.93', '0.07'])).toBe('90071992547410.00');
  });

  it('converts with a ratio, rounding half to even', () => {
    // 10.00 CAD of an order worth 73.53 USD / 100.00 CAD → 7.353 USD → 7.35
    expect(scaleDecimal('10.00', '73.53', '100.00', 2)).toBe('7.35');
    expect(scaleDecimal('0.125', '1', '1', 2)).toBe('0.12');
    expect(scaleDecimal('0.135', '1', '1', 2)).toBe('0.14');
    expect(scaleDecimal('-0.135', '1', '1', 2)).toBe('-0.14');
  });
});
