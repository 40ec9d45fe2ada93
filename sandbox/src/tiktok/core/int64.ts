const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/**
 * A 64-bit id written as a bare JSON number, as TikTok writes post ids (status fetch) and Research API
 * video ids: 19 digits, beyond JavaScript's safe integers. A client must parse them losslessly to keep
 * them exact, and the simulator makes the same demand rather than hiding the problem.
 */
export function int64(decimal: string): unknown {
  if (!/^\d{1,19}$/.test(decimal)) throw new Error(`not an int64: ${decimal}`);
  return rawJson(decimal);
}
