import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The registered operations a client ships, as Apollo's persisted query manifest stores them
 * (`apollo-persisted-query-manifest`, version 1): each document's text (`body`) under its id, the
 * SHA-256 of that text in hex, the hash APQ clients send as `extensions.persistedQuery.sha256Hash`.
 */
export const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'id must be a SHA-256 in lowercase hex'),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export type TrustedDocumentManifest = z.output<typeof manifestSchema>;

export interface TrustedDocuments {
  /** Documents by SHA-256 (hex) of their text. */
  byHash: ReadonlyMap<string, string>;
  /** The operations registered: name and text, for the plan cache's warm-up. */
  operations: readonly { name: string; body: string }[];
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Loads and checks a manifest file; throws an error naming the file and the problem. */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let parsed: TrustedDocumentManifest;
  try {
    parsed = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(
      `GATEWAY_TRUSTED_DOCUMENTS ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const byHash = new Map<string, string>();
  for (const operation of parsed.operations) {
    if (sha256Hex(operation.body) !== operation.id) {
      throw new Error(
        `GATEWAY_TRUSTED_DOCUMENTS ${file}: operation ${operation.name} has id ${operation.id}, not the SHA-256 of its body; register it again`,
      );
    }
    byHash.set(operation.id, operation.body);
  }
  return { byHash, operations: parsed.operations.map(({ name, body }) => ({ name, body })) };
}
