import { toGid } from '../../data/gid.ts';
import type { BulkOperationRecord, WebhookSubscriptionRecord } from '../../data/records.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { iso, typed } from './values.ts';

const subscription: TypeResolvers<WebhookSubscriptionRecord> = {
  id: (w) => toGid('WebhookSubscription', w.id),
  legacyResourceId: (w) => String(w.id),
  endpoint: (w) => typed({ callbackUrl: w.callbackUrl }, 'WebhookHttpEndpoint'),
  apiVersion: (w) => ({ handle: w.apiVersion, displayName: w.apiVersion, supported: true }),
  createdAt: (w) => iso(w.createdAt),
  updatedAt: (w) => iso(w.updatedAt),
};

const bulkOperation: TypeResolvers<BulkOperationRecord> = {
  id: (b) => toGid('BulkOperation', b.id),
  createdAt: (b) => iso(b.createdAt),
  completedAt: (b) => iso(b.completedAt),
  objectCount: (b) => String(b.objectCount),
  rootObjectCount: (b) => String(b.rootObjectCount),
  fileSize: (b) => (b.fileSize === null ? null : String(b.fileSize)),
  url: (b, _args, context) => (b.fileName ? `${context.baseUrl}/_bulk/${b.fileName}` : null),
  partialDataUrl: () => null,
  type: () => 'QUERY',
};

export const webhookResolvers: ResolverMap = {
  WebhookSubscription: subscription,
  BulkOperation: bulkOperation,
};
