import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphqlProviderValue, PROVIDER_ID_PATTERN } from '@ionflux/kit/connections';
import { qualifiedTableName } from '@ionflux/kit/crypto';
import { type EnumTypeDefinitionNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encryptedTablesOf, loadIntegrationRegistrations } from './integration-registrations.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the integrations’ registrations', () => {
  it('are found for every subgraph package (a new one cannot be left out)', async () => {
    const packages = await loadIntegrationRegistrations();
    const subgraphFolders = readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
      .map((entry) => `subgraphs/${entry.name}`);
    expect(packages.map((p) => p.workspace).sort()).toEqual(subgraphFolders.sort());
    expect(packages.map((p) => p.registration.subgraph).sort()).toEqual(['llm', 'shopify', 'tiktok']);
  });

  it('register provider ids of the stored form, each once, each a value of the GraphQL IntegrationProvider', async () => {
    const providers = (await loadIntegrationRegistrations()).flatMap((p) => p.registration.providers);
    expect(providers.map((provider) => provider.id)).toEqual(['shopify', 'tiktok']);
    expect(new Set(providers.map((provider) => provider.id)).size).toBe(providers.length);
    const sdl = parse(readFileSync(path.join(root, 'schema/connections.graphql'), 'utf8'));
    const enumType = sdl.definitions.find(
      (definition): definition is EnumTypeDefinitionNode =>
        definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'IntegrationProvider',
    );
    const values = enumType?.values?.map((value) => value.name.value) ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect(provider.id).toMatch(PROVIDER_ID_PATTERN);
      expect(values).toContain(graphqlProviderValue(provider.id));
    }
  });

  it('give npm run rotate-keys the kit’s encrypted tables and each subgraph’s own', async () => {
    const tables = encryptedTablesOf(await loadIntegrationRegistrations());
    expect(tables.map((table) => qualifiedTableName(table.table))).toEqual([
      'kit.connection_credentials',
      'kit.oauth_states',
      'llm.workspace_provider_keys',
    ]);
  });

  it('refuses a package whose registration has the wrong shape, naming it', async () => {
    const importModule = async (specifier: string) =>
      specifier === '@ionflux/tiktok/registration'
        ? { registration: { subgraph: 'tiktok' } }
        : import(specifier);
    await expect(loadIntegrationRegistrations({ importModule })).rejects.toThrow(
      '@ionflux/tiktok/registration must export `registration`: { subgraph, providers, encryptedTables }',
    );
  });
});
