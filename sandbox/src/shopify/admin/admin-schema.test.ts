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
    // buildAdminSchema throws on a resolver for a type or field the SDL lacks; every-field.test.ts
    // checks the other direction (every SDL field resolves over seeded data).
    expect(() => buildAdminSchema()).not.toThrow();
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
