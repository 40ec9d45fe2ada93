import { parseGid, toGid } from '../../data/gid.ts';
import type { DiscountRecord, WebhookSubscriptionRecord } from '../../data/records.ts';
import { type AdminContext, requireScope } from '../admin-context.ts';
import { discountNodeOf } from './discount-resolvers.ts';
import { type Args, num, type ResolverMap, str, type TypeResolvers } from './resolver-map.ts';

const WEBHOOK_ID_BASE = 1_400_000_000;
const DISCOUNT_ID_BASE = 1_500_000_000_000;
const REDEEM_CODE_ID_BASE = 1_600_000_000_000;

interface SubscriptionInput {
  callbackUrl?: unknown;
  format?: unknown;
  includeFields?: unknown;
  metafieldNamespaces?: unknown;
  filter?: unknown;
}

interface DiscountInput {
  title?: unknown;
  code?: unknown;
  startsAt?: unknown;
  endsAt?: unknown;
  usageLimit?: unknown;
  appliesOncePerCustomer?: unknown;
  combinesWith?: { orderDiscounts?: unknown; productDiscounts?: unknown; shippingDiscounts?: unknown };
  customerGets?: {
    value?: { percentage?: unknown; discountAmount?: { amount?: unknown; appliesOnEachItem?: unknown } };
  };
}

const input = <T>(value: unknown): T => (typeof value === 'object' && value !== null ? value : {}) as T;
const userError = (field: string[], message: string) => ({ field, message });

function validCallback(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function applySubscriptionInput(
  context: AdminContext,
  record: WebhookSubscriptionRecord,
  given: SubscriptionInput,
): void {
  const url = str(given.callbackUrl);
  if (url) record.callbackUrl = url;
  if (given.format === 'JSON' || given.format === 'XML') record.format = given.format;
  if (Array.isArray(given.includeFields)) record.includeFields = given.includeFields.map(String);
  if (Array.isArray(given.metafieldNamespaces))
    record.metafieldNamespaces = given.metafieldNamespaces.map(String);
  if ('filter' in given) record.filter = str(given.filter) ?? null;
  record.updatedAt = context.now();
}

function createSubscription(context: AdminContext, args: Args) {
  const given = input<SubscriptionInput>(args.webhookSubscription);
  const url = str(given.callbackUrl);
  const topic = String(args.topic);
  if (!validCallback(url)) {
    return {
      webhookSubscription: null,
      userErrors: [
        userError(
          ['webhookSubscription', 'callbackUrl'],
          url ? 'Address is invalid' : "Address can't be blank",
        ),
      ],
    };
  }
  const subscriptions = context.shop.webhookSubscriptions;
  if (subscriptions.some((w) => w.topic === topic && w.callbackUrl === url)) {
    return {
      webhookSubscription: null,
      userErrors: [
        userError(['webhookSubscription', 'callbackUrl'], 'Address for this topic has already been taken'),
      ],
    };
  }
  const now = context.now();
  const record: WebhookSubscriptionRecord = {
    id: context.shop.nextId(WEBHOOK_ID_BASE),
    topic,
    callbackUrl: url ?? '',
    format: 'JSON',
    includeFields: [],
    metafieldNamespaces: [],
    filter: null,
    apiVersion: context.apiVersion,
    createdAt: now,
    updatedAt: now,
  };
  applySubscriptionInput(context, record, given);
  subscriptions.push(record);
  return { webhookSubscription: record, userErrors: [] };
}

function findSubscription(context: AdminContext, gid: unknown): WebhookSubscriptionRecord | undefined {
  const parsed = parseGid(String(gid ?? ''));
  return parsed?.type === 'WebhookSubscription'
    ? context.shop.webhookSubscriptions.find((w) => w.id === parsed.id)
    : undefined;
}

function createDiscount(context: AdminContext, args: Args) {
  requireScope(context, 'write_discounts', 'discountCodeBasicCreate');
  const given = input<DiscountInput>(args.basicCodeDiscount);
  const errors: { field: string[]; message: string; code: string; extraInfo: null }[] = [];
  const fail = (field: string, message: string, code: string) =>
    errors.push({ field: ['basicCodeDiscount', field], message, code, extraInfo: null });
  const code = str(given.code)?.trim() ?? '';
  const title = str(given.title)?.trim() ?? '';
  const value = given.customerGets?.value ?? {};
  const percentage = num(value.percentage);
  const amount = str(value.discountAmount?.amount) ?? num(value.discountAmount?.amount);
  if (!code) fail('code', "Code can't be blank", 'BLANK');
  if (!title) fail('title', "Title can't be blank", 'BLANK');
  if (!str(given.startsAt)) fail('startsAt', "Starts at can't be blank", 'BLANK');
  if (percentage === undefined && amount === undefined)
    fail('customerGets', 'Value must be specified', 'BLANK');
  if (percentage !== undefined && (percentage < 0 || percentage > 1))
    fail('customerGets', 'Value must be between 0.0 and 1.0', 'VALUE_OUTSIDE_RANGE');
  if (code && context.shop.discounts.some((d) => d.code.toLowerCase() === code.toLowerCase())) {
    fail('code', 'Code must be unique. Please try a different code.', 'TAKEN');
  }
  if (errors.length > 0) return { codeDiscountNode: null, userErrors: errors };
  const combines = given.combinesWith ?? {};
  const record: DiscountRecord = {
    id: context.shop.nextId(DISCOUNT_ID_BASE),
    title,
    code,
    codeId: context.shop.nextId(REDEEM_CODE_ID_BASE),
    percentage: percentage ?? null,
    amountCents: amount === undefined ? null : Math.round(Number(amount) * 100),
    appliesOnEachItem: value.discountAmount?.appliesOnEachItem === true,
    appliesOncePerCustomer: given.appliesOncePerCustomer === true,
    usageLimit: num(given.usageLimit) ?? null,
    combinesWith: {
      orderDiscounts: combines.orderDiscounts === true,
      productDiscounts: combines.productDiscounts === true,
      shippingDiscounts: combines.shippingDiscounts === true,
    },
    startsAt: new Date(String(given.startsAt)),
    endsAt: str(given.endsAt) ? new Date(String(given.endsAt)) : null,
    createdAt: context.now(),
  };
  context.shop.discounts.push(record);
  return { codeDiscountNode: discountNodeOf(record), userErrors: [] };
}

const mutation: TypeResolvers<unknown> = {
  webhookSubscriptionCreate: (_root, args, context) => createSubscription(context, args),
  webhookSubscriptionUpdate: (_root, args, context) => {
    const record = findSubscription(context, args.id);
    if (!record)
      return {
        webhookSubscription: null,
        userErrors: [userError(['id'], 'Webhook subscription does not exist')],
      };
    const given = input<SubscriptionInput>(args.webhookSubscription);
    if ('callbackUrl' in given && !validCallback(str(given.callbackUrl))) {
      return {
        webhookSubscription: null,
        userErrors: [userError(['webhookSubscription', 'callbackUrl'], 'Address is invalid')],
      };
    }
    applySubscriptionInput(context, record, given);
    return { webhookSubscription: record, userErrors: [] };
  },
  webhookSubscriptionDelete: (_root, args, context) => {
    const record = findSubscription(context, args.id);
    if (!record)
      return {
        deletedWebhookSubscriptionId: null,
        userErrors: [userError(['id'], 'Webhook subscription does not exist')],
      };
    const list = context.shop.webhookSubscriptions;
    list.splice(list.indexOf(record), 1);
    return { deletedWebhookSubscriptionId: toGid('WebhookSubscription', record.id), userErrors: [] };
  },
  discountCodeBasicCreate: (_root, args, context) => createDiscount(context, args),
  bulkOperationRunQuery: (_root, args, context) => {
    const started = context.effects.startBulkQuery(context, String(args.query ?? ''));
    if (!started.ok)
      return {
        bulkOperation: null,
        userErrors: [{ field: ['query'], message: started.message, code: started.code }],
      };
    return {
      bulkOperation: context.shop.bulkOperations.find((b) => b.id === started.id) ?? null,
      userErrors: [],
    };
  },
  bulkOperationCancel: (_root, args, context) => {
    const parsed = parseGid(String(args.id ?? ''));
    const operation = parsed ? context.shop.bulkOperations.find((b) => b.id === parsed.id) : undefined;
    if (!operation)
      return { bulkOperation: null, userErrors: [userError(['id'], 'Bulk operation does not exist')] };
    if (!context.effects.cancelBulkOperation(context, operation.id)) {
      return {
        bulkOperation: operation,
        userErrors: [
          userError([], `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`),
        ],
      };
    }
    return { bulkOperation: operation, userErrors: [] };
  },
};

export const mutationResolvers: ResolverMap = { Mutation: mutation };
