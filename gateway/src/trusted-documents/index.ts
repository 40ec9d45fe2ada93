export { persistedQueryCache } from './persisted-query-cache.ts';
export { refuseUntrustedDocuments } from './refuse-untrusted-documents.ts';
export type { Registration } from './register-operations.ts';
export { readManifest, registerOperations } from './register-operations.ts';
export type { TrustedDocumentManifest, TrustedDocuments } from './trusted-documents.ts';
export { loadTrustedDocuments, manifestSchema, sha256Hex } from './trusted-documents.ts';
