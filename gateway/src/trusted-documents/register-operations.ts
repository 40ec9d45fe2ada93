import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { manifestSchema, sha256Hex, type TrustedDocumentManifest } from './trusted-documents.ts';

export type Registration =
  | { ok: true; manifest: TrustedDocumentManifest; added: string[]; unchanged: string[] }
  | { ok: false; problems: string[] };

/**
 * The manifest with the operations of every `.graphql` / `.gql` file under `directory` added: one
 * operation per file (with the fragments it uses), validated against the supergraph's API schema; the
 * file's text, exactly, is the document clients send (or whose SHA-256 they send). Operations already in
 * `existing` stay. Every invalid file is named in `problems`, and then nothing is registered.
 */
export function registerOperations(
  directory: string,
  supergraphSdl: string,
  existing: TrustedDocumentManifest | undefined,
): Registration {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const operations = new Map((existing?.operations ?? []).map((operation) => [operation.id, operation]));
  const problems: string[] = [];
  const added: string[] = [];
  const unchanged: string[] = [];
  const files = graphqlFiles(directory);
  if (files.length === 0) return { ok: false, problems: [`no .graphql or .gql file under ${directory}`] };
  for (const file of files) {
    const body = readFileSync(file, 'utf8');
    const where = path.relative(process.cwd(), file);
    let document: ReturnType<typeof parse>;
    try {
      document = parse(body);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    const definitions = document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = definitions[0];
    if (definitions.length !== 1 || !operation) {
      problems.push(`${where}: holds ${definitions.length} operations; put each in a file of its own`);
      continue;
    }
    const errors = validate(schema, document);
    if (errors.length > 0) {
      problems.push(...errors.map((error) => `${where}: ${error.message}`));
      continue;
    }
    const id = sha256Hex(body);
    const name = operation.name?.value ?? path.basename(file).replace(/\.(graphql|gql)$/, '');
    if (operations.has(id)) unchanged.push(name);
    else added.push(name);
    operations.set(id, { id, name, type: operation.operation, body });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations: [...operations.values()] },
    added,
    unchanged,
  };
}

/** The manifest at `file`, or undefined when there is none yet; throws when it is not a manifest. */
export function readManifest(file: string): TrustedDocumentManifest | undefined {
  if (!existsSync(file)) return undefined;
  return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function graphqlFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((entry) => {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) return graphqlFiles(full);
      return /\.(graphql|gql)$/.test(entry) ? [full] : [];
    });
}
