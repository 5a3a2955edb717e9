import { readFileSync } from 'node:fs';
import {
  buildSchema,
  lexicographicSortSchema,
  printSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { buildSchemaText } from '../../src/cli/schema';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SCHEMA_FILE } from '../../src/app.module';
import { bootApp } from '../setup/harness';

describe('GraphQL schema', () => {
  it('documents every type, field, argument and input field', async () => {
    const schema = buildSchema(await buildSchemaText());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isInputObjectType(type))
        for (const f of Object.values(type.getFields())) if (!f.description) missing.push(`${type.name}.${f.name}`);
      if (isEnumType(type) || isScalarType(type)) continue;
    }
    expect(missing).toEqual([]);
  });

  it('matches the committed schema file', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await buildSchemaText());
  });

  it('is the schema the running API serves (no resolver missing from the list the file is built from)', async () => {
    const h = await bootApp();
    try {
      const served = printSchema(lexicographicSortSchema(h.app.get(GraphQLSchemaHost).schema));
      const built = printSchema(lexicographicSortSchema(buildSchema(await buildSchemaText())));
      expect(served).toBe(built);
    } finally {
      await h.close();
    }
  });
});
