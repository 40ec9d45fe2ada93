/**
 * Money as Shopify sends it: a decimal string (`"414.95"`, `"-3.5"`, `"1200"`). Amounts stay strings end
 * to end and are summed by PostgreSQL's `numeric`; the few comparisons made here are exact, on BigInt.
 */
const DECIMAL = /^-?\d{1,30}(\.\d{1,12})?$/;

/** True when `value` is a plain decimal string (no exponent, no spaces, at most 12 decimals). */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** `a` compared with `b` exactly: negative, zero or positive. Both must pass {@link isDecimal}. */
export function compareDecimal(a: string, b: string): number {
  const [x, y] = alignedPair(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Σ of decimal strings, exact, at the largest scale among them (`"0"` for none). */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map(scaleOf));
  const total = values.reduce((sum, value) => sum + scaled(value, scale), 0n);
  return render(total, scale);
}

/** `value × numerator / denominator` rounded half to even at `scale` decimals (exact inputs). */
export function scaleDecimal(value: string, numerator: string, denominator: string, scale: number): string {
  const s = Math.max(scaleOf(value), scaleOf(numerator), scaleOf(denominator), scale);
  const n = scaled(value, s) * scaled(numerator, s);
  const d = scaled(denominator, s);
  if (d === 0n) throw new Error('division by zero');
  // n / d has scale s; bring it to `scale` decimals.
  const factor = 10n ** BigInt(s - scale);
  const num = n;
  const den = d * factor;
  const negative = num < 0n !== den < 0n;
  const absNum = num < 0n ? -num : num;
  const absDen = den < 0n ? -den : den;
  let quotient = absNum / absDen;
  const remainder = absNum % absDen;
  const twice = remainder * 2n;
  if (twice > absDen || (twice === absDen && quotient % 2n === 1n)) quotient += 1n;
  return render(negative ? -quotient : quotient, scale);
}

function scaleOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

function scaled(value: string, scale: number): bigint {
  if (!isDecimal(value)) throw new Error(`not a decimal: ${JSON.stringify(value.slice(0, 40))}`);
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function alignedPair(a: string, b: string): [bigint, bigint] {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return [scaled(a, scale), scaled(b, scale)];
}

function render(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
