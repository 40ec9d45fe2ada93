import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import type { CiphertextContext } from './ciphertext-context.ts';
import { createCredentialCipher } from './credential-cipher.ts';
import { generateMasterKey } from './generate-master-key.ts';
import { parseKeyring } from './parse-keyring.ts';
import { SealedFormat, type SealedValue } from './sealed-value.ts';

const keyA = generateMasterKey('k2026-10');
const keyB = generateMasterKey('k2026-11');
const context: CiphertextContext = {
  table: 'kit.connection_credentials',
  column: 'access_token_ciphertext',
  rowId: '7f1c3c1e-0d7e-4b8e-9a55-3b1f9f8c0a11',
  workspaceId: '0d919aca-5b1e-4c55-8f55-2a8e1f0b7e22',
};
const SECRET = 'shpat_0123456789abcdef-very-secret';

function openFailure(open: () => string): IntegrationError {
  let error: unknown;
  try {
    open();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(IntegrationError);
  const coded = error as IntegrationError;
  expect(coded.code).toBe('INTERNAL');
  expect(coded.message).not.toContain(SECRET);
  expect(inspect(coded)).not.toContain(SECRET);
  for (const key of [keyA, keyB]) expect(coded.message).not.toContain(key.split(':')[1]);
  return coded;
}

describe('createCredentialCipher', () => {
  const cipher = createCredentialCipher(parseKeyring(keyA));

  it('opens what it sealed, and stores version, IV, ciphertext and tag under the active key id', () => {
    const sealed = cipher.seal(SECRET, context);
    expect(sealed.keyId).toBe('k2026-10');
    expect(cipher.activeKeyId).toBe('k2026-10');
    expect(sealed.ciphertext[0]).toBe(SealedFormat.VERSION);
    expect(sealed.ciphertext).toHaveLength(SealedFormat.MIN_BYTES + Buffer.byteLength(SECRET));
    expect(sealed.ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(cipher.open(sealed, { ...context })).toBe(SECRET);
  });

  it('round-trips the empty string and non-ASCII text', () => {
    for (const plaintext of ['', 'clé-🔑-ключ', 'x'.repeat(10_000)]) {
      expect(cipher.open(cipher.seal(plaintext, context), context)).toBe(plaintext);
    }
  });

  it('uses a fresh IV for each seal: the same plaintext twice gives different ciphertexts', () => {
    const first = cipher.seal(SECRET, context);
    const second = cipher.seal(SECRET, context);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    const ivOf = (sealed: SealedValue) => sealed.ciphertext.subarray(1, SealedFormat.HEADER_BYTES);
    expect(ivOf(first).equals(ivOf(second))).toBe(false);
    const ivs = new Set(Array.from({ length: 1000 }, () => ivOf(cipher.seal('v', context)).toString('hex')));
    expect(ivs.size).toBe(1000);
  });

  it('refuses a tampered ciphertext with reason authentication_failed', () => {
    const sealed = cipher.seal(SECRET, context);
    for (const offset of [0, 1, SealedFormat.HEADER_BYTES + 2, sealed.ciphertext.length - 1]) {
      const tampered = Buffer.from(sealed.ciphertext);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      const error = openFailure(() => cipher.open({ ...sealed, ciphertext: tampered }, context));
      expect(error.details).toEqual({ reason: 'authentication_failed' });
    }
    const truncated = sealed.ciphertext.subarray(0, SealedFormat.MIN_BYTES - 1);
    expect(openFailure(() => cipher.open({ ...sealed, ciphertext: truncated }, context)).details).toEqual({
      reason: 'authentication_failed',
    });
  });

  it.each([
    ['another row', { rowId: '7f1c3c1e-0d7e-4b8e-9a55-3b1f9f8c0a12' }],
    ['another workspace', { workspaceId: '11111111-1111-4111-8111-111111111111' }],
    ['another column', { column: 'refresh_token_ciphertext' }],
    ['another table', { table: 'llm.workspace_provider_keys' }],
  ])('refuses a ciphertext opened for %s (wrong AAD)', (_, change) => {
    const sealed = cipher.seal(SECRET, context);
    const error = openFailure(() => cipher.open(sealed, { ...context, ...change }));
    expect(error.details).toEqual({ reason: 'authentication_failed' });
    expect(error.message).toMatch(/does not authenticate/);
  });

  it('refuses a key id the keyring does not hold with reason unknown_key_id', () => {
    const sealedUnderB = createCredentialCipher(parseKeyring(keyB)).seal(SECRET, context);
    const error = openFailure(() => cipher.open(sealedUnderB, context));
    expect(error.details).toEqual({ reason: 'unknown_key_id' });
    expect(error.message).toContain('"k2026-11"');
    expect(error.message).toContain('IONFLUX_MASTER_KEYS_PREVIOUS');
  });

  it('opens values of a previous key while sealing under the new active one', () => {
    const sealedUnderA = cipher.seal(SECRET, context);
    const rotated = createCredentialCipher(parseKeyring(keyB, keyA));
    expect(rotated.open(sealedUnderA, context)).toBe(SECRET);
    expect(rotated.seal(SECRET, context).keyId).toBe('k2026-11');
  });

  it('refuses a value whose key id column was changed to another key of the keyring', () => {
    const both = createCredentialCipher(parseKeyring(keyB, keyA));
    const sealedUnderA = cipher.seal(SECRET, context);
    const error = openFailure(() => both.open({ ...sealedUnderA, keyId: 'k2026-11' }, context));
    expect(error.details).toEqual({ reason: 'authentication_failed' });
  });

  it('refuses to seal without a full context', () => {
    expect(() => cipher.seal(SECRET, { ...context, rowId: '' })).toThrow(
      expect.objectContaining({ code: 'INTERNAL', details: { reason: 'invalid_context' } }),
    );
  });
});
