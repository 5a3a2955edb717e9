import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (s: string): boolean => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const parseDate = (value: unknown): string => {
  if (typeof value !== 'string' || !isRealDate(value)) {
    throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'VALIDATION' },
    });
  }
  return value;
};

/** A calendar date without time or zone, written YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time or time zone, written YYYY-MM-DD (e.g. 2026-11-22).',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Free-form JSON (flag parameters, audit snapshots). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: used for flag parameters and audit snapshots.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: () => {
    throw new GraphQLError('JSON literals are not accepted; pass JSON as a variable', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
