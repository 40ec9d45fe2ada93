/** Fetch `Headers` from the raw header record undici's `request()` answers with (repeated names as arrays). */
export function headersFromRaw(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}
