import { createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../config/index.ts';
import { KEY_ID_PATTERN, type Keyring, MASTER_KEY_BYTES } from './keyring.ts';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HOW_TO = `generate one with: echo "k$(date +%Y-%m):$(openssl rand -base64 ${MASTER_KEY_BYTES})"`;

/**
 * Builds a keyring from its two settings:
 *
 * - `IONFLUX_MASTER_KEY=<keyId>:<base64 of 32 bytes>` — the active key; it seals and opens.
 * - `IONFLUX_MASTER_KEYS_PREVIOUS=<keyId>:<base64>,<keyId>:<base64>` — other keys that still open (the
 *   keys being rotated away from, or the next key staged on every instance before it becomes active).
 *
 * Throws a {@link ConfigError} naming every bad entry by setting and key id; key bytes never appear in it.
 */
export function parseKeyring(active: string | undefined, previous?: string): Keyring {
  const problems: string[] = [];
  const keys = new Map<string, KeyObject>();
  const material = new Map<string, Buffer>();

  const add = (setting: string, spec: string, position: string) => {
    const parsed = parseKeySpec(spec);
    if (!parsed.ok) {
      problems.push(`${setting}: ${position}${parsed.reason}`);
      return undefined;
    }
    const known = material.get(parsed.keyId);
    if (known) {
      if (!timingSafeEqual(known, parsed.key)) {
        problems.push(`${setting}: key id "${parsed.keyId}" appears twice with different keys`);
      }
      parsed.key.fill(0);
      return parsed.keyId;
    }
    material.set(parsed.keyId, parsed.key);
    keys.set(parsed.keyId, createSecretKey(parsed.key));
    return parsed.keyId;
  };

  let activeKeyId: string | undefined;
  if (active === undefined || active.trim() === '') problems.push(`IONFLUX_MASTER_KEY: not set; ${HOW_TO}`);
  else activeKeyId = add('IONFLUX_MASTER_KEY', active.trim(), '');
  const entries = (previous ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    add('IONFLUX_MASTER_KEYS_PREVIOUS', entry, entries.length > 1 ? `entry ${index + 1}: ` : '');
  });
  // The KeyObjects hold their own copies; these buffers need not outlive parsing.
  for (const key of material.values()) key.fill(0);

  if (problems.length > 0 || activeKeyId === undefined) throw new ConfigError('master keys', problems);
  return { activeKeyId, keys };
}

type KeySpec = { ok: true; keyId: string; key: Buffer } | { ok: false; reason: string };

function parseKeySpec(spec: string): KeySpec {
  const colon = spec.indexOf(':');
  if (colon < 0) {
    return {
      ok: false,
      reason: `expected <keyId>:<base64 of ${MASTER_KEY_BYTES} bytes> (no key id); ${HOW_TO}`,
    };
  }
  const keyId = spec.slice(0, colon);
  const encoded = spec.slice(colon + 1);
  if (!KEY_ID_PATTERN.test(keyId)) {
    return {
      ok: false,
      reason: `key id "${keyId.slice(0, 64)}" must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    };
  }
  if (!BASE64.test(encoded)) return { ok: false, reason: `key "${keyId}" is not base64; ${HOW_TO}` };
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    const length = key.length;
    key.fill(0);
    return {
      ok: false,
      reason: `key "${keyId}" is ${length} bytes; AES-256 needs exactly ${MASTER_KEY_BYTES}; ${HOW_TO}`,
    };
  }
  return { ok: true, keyId, key };
}
