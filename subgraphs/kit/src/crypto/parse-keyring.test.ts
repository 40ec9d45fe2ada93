import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/index.ts';
import { createSecretsProvider } from '../secrets/index.ts';
import { generateMasterKey } from './generate-master-key.ts';
import { loadKeyring } from './load-keyring.ts';
import { parseKeyring } from './parse-keyring.ts';

function problemsOf(active: string | undefined, previous?: string): readonly string[] {
  try {
    parseKeyring(active, previous);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the keyring to be refused');
}

describe('parseKeyring', () => {
  it('takes <keyId>:<base64 of 32 bytes> as the active key and a comma list of previous ones', () => {
    const active = generateMasterKey('k2026-11');
    const previous = [generateMasterKey('k2026-10'), generateMasterKey('k2026-09')].join(', ');
    const keyring = parseKeyring(active, previous);
    expect(keyring.activeKeyId).toBe('k2026-11');
    expect([...keyring.keys.keys()]).toEqual(['k2026-11', 'k2026-10', 'k2026-09']);
    expect(keyring.keys.get('k2026-11')?.symmetricKeySize).toBe(32);
  });

  it('accepts base64url and a key repeated with the same bytes', () => {
    const bytes = randomBytes(32);
    const keyring = parseKeyring(`k1:${bytes.toString('base64url')}`, `k1:${bytes.toString('base64')}`);
    expect(keyring.keys.size).toBe(1);
  });

  it('refuses a key of the wrong length with a clear message and no key bytes', () => {
    const short = randomBytes(16).toString('base64');
    const problems = problemsOf(`k1:${short}`);
    expect(problems).toEqual([
      expect.stringMatching(
        /^IONFLUX_MASTER_KEY: key "k1" is 16 bytes; AES-256 needs exactly 32; generate one with: .*openssl rand -base64 32/,
      ),
    ]);
    expect(problems.join()).not.toContain(short);
  });

  it('names every bad entry at once', () => {
    const problems = problemsOf(
      randomBytes(32).toString('base64'),
      `k1:${randomBytes(33).toString('base64')},bad id:${randomBytes(32).toString('base64')},k2:not*base64`,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^IONFLUX_MASTER_KEY: expected <keyId>:<base64 of 32 bytes> \(no key id\)/),
      expect.stringMatching(/^IONFLUX_MASTER_KEYS_PREVIOUS: entry 1: key "k1" is 33 bytes/),
      expect.stringMatching(/^IONFLUX_MASTER_KEYS_PREVIOUS: entry 2: key id "bad id" must be/),
      expect.stringMatching(/^IONFLUX_MASTER_KEYS_PREVIOUS: entry 3: key "k2" is not base64/),
    ]);
  });

  it('refuses a missing master key and one id used for two different keys', () => {
    expect(problemsOf(undefined)).toEqual([expect.stringMatching(/^IONFLUX_MASTER_KEY: not set; generate/)]);
    expect(problemsOf('  ')).toHaveLength(1);
    expect(problemsOf(generateMasterKey('k1'), generateMasterKey('k1'))).toEqual([
      'IONFLUX_MASTER_KEYS_PREVIOUS: key id "k1" appears twice with different keys',
    ]);
  });

  it('never shows key bytes when a keyring is logged', () => {
    const spec = generateMasterKey('k1');
    const keyring = parseKeyring(spec);
    const encoded = spec.split(':')[1] ?? '';
    expect(inspect(keyring, { depth: 5 })).not.toContain(encoded);
    expect(JSON.stringify({ ...keyring, keys: [...keyring.keys] })).not.toContain(encoded);
  });
});

describe('loadKeyring', () => {
  it('reads IONFLUX_MASTER_KEY and IONFLUX_MASTER_KEYS_PREVIOUS from the secrets provider', async () => {
    const secrets = createSecretsProvider(
      {},
      {
        IONFLUX_MASTER_KEY: generateMasterKey('new'),
        IONFLUX_MASTER_KEYS_PREVIOUS: generateMasterKey('old'),
      },
    );
    const keyring = await loadKeyring(secrets);
    expect(keyring.activeKeyId).toBe('new');
    expect([...keyring.keys.keys()]).toEqual(['new', 'old']);
  });

  it('fails with a ConfigError when the provider has no master key', async () => {
    await expect(loadKeyring(createSecretsProvider({}, {}))).rejects.toThrow(/IONFLUX_MASTER_KEY: not set/);
  });
});
