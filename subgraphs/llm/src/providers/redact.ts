const KEY_PATTERNS = [/sk-[A-Za-z0-9*_-]{6,}/g, /AIza[0-9A-Za-z_-]{10,}/g, /sk-ant-[A-Za-z0-9*_-]{6,}/g];

/** Cuts the call's key, and anything shaped like a provider key, out of text that is kept or logged. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, '[redacted key]');
  return out;
}
