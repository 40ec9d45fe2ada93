/** A summed amount as served: at least two decimals (`"0.00"`, `"12.50"`), more when the data has more. */
export function moneyAmount(value: string | null | undefined): string {
  const text = value ?? '0';
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.00`;
  const decimals = text.length - dot - 1;
  return decimals >= 2 ? text : text.padEnd(dot + 3, '0');
}
