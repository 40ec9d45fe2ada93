import { existsSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ADMIN_SCHEMA_PATH, buildAdminSchema } from './admin-schema.ts';

describe('admin-schema.graphql', () => {
  it('parses and builds, with QueryRoot and Mutation as roots like Shopify', () => {
    const schema = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, 'utf8'));
    expect(schema.getQueryType()?.name).toBe('QueryRoot');
    expect(schema.getMutationType()?.name).toBe('Mutation');
    expect(parse(readFileSync(ADMIN_SCHEMA_PATH, 'utf8')).definitions.length).toBeGreaterThan(100);
  });

  it('every resolver the simulator attaches names a field of the SDL', () => {
    // buildAdminSchema throws on a resolver for a type or field the SDL lacks.
    expect(() => buildAdminSchema()).not.toThrow();
  });

  it('every object field of the SDL is served: a resolver or a record property of that name', () => {
    const schema = buildAdminSchema();
    const unresolved: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        // Connections, edges, payloads and small value objects are plain objects built by resolvers.
        if (!field.resolve && !/Connection$|Edge$|Payload$/.test(type.name))
          unresolved.push(`${type.name}.${field.name}`);
      }
    }
    // Fields read straight from records (same name in the record as in the SDL).
    expect(unresolved.filter((name) => !PROPERTY_FIELDS.has(name))).toEqual([]);
  });

  // Set SHOPIFY_ADMIN_SDL to a published Admin SDL of 2025-04 (e.g. a codegen `schema.graphql`) to check
  // that every type, field, argument, enum value and input field served exists there with the same type.
  it.skipIf(!process.env['SHOPIFY_ADMIN_SDL'] || !existsSync(process.env['SHOPIFY_ADMIN_SDL'] ?? ''))(
    'is a subset of Shopify’s published Admin schema',
    () => {
      const ours = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, 'utf8'));
      const real = buildSchema(readFileSync(process.env['SHOPIFY_ADMIN_SDL'] ?? '', 'utf8'), {
        assumeValidSDL: true,
      });
      const problems: string[] = [];
      for (const type of Object.values(ours.getTypeMap())) {
        if (type.name.startsWith('__')) continue;
        const theirs = real.getType(type.name);
        if (!theirs) {
          problems.push(`type ${type.name}`);
          continue;
        }
        if (
          (isObjectType(type) || isInterfaceType(type)) &&
          (isObjectType(theirs) || isInterfaceType(theirs))
        ) {
          for (const field of Object.values(type.getFields())) {
            const match = theirs.getFields()[field.name];
            if (String(match?.type) !== String(field.type)) problems.push(`${type.name}.${field.name}`);
            for (const arg of field.args) {
              if (String(match?.args.find((a) => a.name === arg.name)?.type) !== String(arg.type))
                problems.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
        if (isInputObjectType(type) && isInputObjectType(theirs)) {
          for (const field of Object.values(type.getFields())) {
            if (String(theirs.getFields()[field.name]?.type) !== String(field.type))
              problems.push(`${type.name}.${field.name}`);
          }
        }
        if (isEnumType(type) && isEnumType(theirs)) {
          for (const value of type.getValues())
            if (!theirs.getValue(value.name)) problems.push(`${type.name}.${value.name}`);
        }
        if (isUnionType(type) && isUnionType(theirs)) {
          for (const member of type.getTypes())
            if (!theirs.getTypes().some((t) => t.name === member.name))
              problems.push(`${type.name} | ${member.name}`);
        }
      }
      expect(problems).toEqual([]);
      expect(getNamedType(real.getQueryType() ?? undefined)?.name).toBe('QueryRoot');
    },
  );
});

const PROPERTY_FIELDS = new Set(
  `Shop.name Product.title Product.handle Product.descriptionHtml Product.vendor Product.productType Product.status Product.tags
  ProductVariant.title ProductVariant.sku ProductVariant.barcode ProductVariant.position
  Image.altText Image.width Image.height Location.name
  Order.email Order.note Order.tags Order.test Order.cancelReason Order.discountCodes Order.sourceName
  Customer.firstName Customer.lastName Customer.email Customer.phone Customer.note Customer.tags Customer.state
  Customer.verifiedEmail Customer.locale
  WebhookSubscription.topic WebhookSubscription.format WebhookSubscription.callbackUrl WebhookSubscription.includeFields
  WebhookSubscription.metafieldNamespaces WebhookSubscription.filter
  BulkOperation.errorCode BulkOperation.query BulkOperation.status
  MailingAddress.firstName MailingAddress.lastName MailingAddress.name MailingAddress.company MailingAddress.phone
  MailingAddress.address1 MailingAddress.address2 MailingAddress.city MailingAddress.province MailingAddress.provinceCode
  MailingAddress.country MailingAddress.zip
  InventoryQuantity.id InventoryQuantity.name InventoryQuantity.quantity InventoryQuantity.updatedAt
  Domain.id Domain.host Domain.url Domain.sslEnabled ShopPlan.displayName ShopPlan.partnerDevelopment ShopPlan.shopifyPlus
  ApiVersion.handle ApiVersion.displayName ApiVersion.supported Count.count Count.precision PageInfo.hasNextPage
  PageInfo.hasPreviousPage PageInfo.startCursor PageInfo.endCursor MoneyBag.shopMoney MoneyBag.presentmentMoney
  MoneyV2.amount MoneyV2.currencyCode ProductPriceRangeV2.minVariantPrice ProductPriceRangeV2.maxVariantPrice
  SelectedOption.name SelectedOption.value WebhookHttpEndpoint.callbackUrl
  DiscountCustomerGets.appliesOnOneTimePurchase DiscountCustomerGets.appliesOnSubscription DiscountCustomerGets.items
  DiscountCustomerGets.value AllDiscountItems.allItems DiscountPercentage.percentage DiscountAmount.amount
  DiscountAmount.appliesOnEachItem DiscountCustomerAll.allCustomers DiscountRedeemCode.code DiscountRedeemCode.asyncUsageCount
  DiscountCombinesWith.orderDiscounts DiscountCombinesWith.productDiscounts DiscountCombinesWith.shippingDiscounts
  UserError.field UserError.message DiscountUserError.field DiscountUserError.message DiscountUserError.code
  DiscountUserError.extraInfo BulkOperationUserError.field BulkOperationUserError.message BulkOperationUserError.code
  CustomerEmailAddress.emailAddress CustomerEmailAddress.marketingState`.split(/\s+/),
);
