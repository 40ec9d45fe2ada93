export { persistedQueryCache } from './persisted-query-cache.ts';
export { refuseUntrustedDocuments } from './refuse-untrusted-documents.ts';
export type { TrustedDocumentManifest, TrustedDocuments } from './trusted-documents.ts';
export { loadTrustedDocuments, manifestSchema, sha256Hex } from './trusted-documents.ts';
