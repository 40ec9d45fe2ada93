import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSecretsProvider } from './file-secrets-provider.ts';

describe('the file:<dir> secrets provider', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'ionflux-secrets-'));
    await writeFile(path.join(directory, 'SHOPIFY_API_SECRET'), 'shpss_file\n');
    await writeFile(path.join(directory, 'MULTILINE'), 'line one\nline two\n\n');
    await writeFile(path.join(directory, 'CRLF'), 'windows\r\n');
    await writeFile(path.join(directory, 'EMPTY'), '\n');
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads one file per secret, trimming one trailing newline', async () => {
    const secrets = createFileSecretsProvider(directory);
    expect(await secrets.get('SHOPIFY_API_SECRET')).toBe('shpss_file');
    expect(await secrets.get('MULTILINE')).toBe('line one\nline two\n');
    expect(await secrets.get('CRLF')).toBe('windows');
    expect(await secrets.get('EMPTY')).toBeUndefined();
    expect(await secrets.get('ABSENT')).toBeUndefined();
  });

  it('sees a file rotated under it without a restart', async () => {
    const secrets = createFileSecretsProvider(directory);
    await writeFile(path.join(directory, 'ROTATING'), 'v1\n');
    expect(await secrets.get('ROTATING')).toBe('v1');
    await writeFile(path.join(directory, 'ROTATING'), 'v2\n');
    expect(await secrets.get('ROTATING')).toBe('v2');
  });

  it('names the secret and the directory when a required one is missing', async () => {
    const secrets = createFileSecretsProvider(directory);
    await expect(secrets.require('TIKTOK_CLIENT_SECRET')).rejects.toThrow(
      `Secret TIKTOK_CLIENT_SECRET is not set in the files of ${directory}`,
    );
  });

  it('refuses a name that would leave the directory', async () => {
    const secrets = createFileSecretsProvider(path.join(directory, 'sub'));
    for (const name of ['../SHOPIFY_API_SECRET', '..', '/etc/passwd', 'a/b']) {
      await expect(secrets.get(name)).rejects.toMatchObject({
        code: 'INTERNAL',
        details: { reason: 'invalid_secret_name' },
      });
    }
  });
});
