/** Amounts are kept in integer cents and rendered the way Shopify does: decimal strings. */
export function toDecimal(cents: number): string {
  return (Math.round(cents) / 100).toFixed(2);
}

export function convert(cents: number, rate: number): number {
  return Math.round(cents * rate);
}
