import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNullableType,
  GraphQLError,
  isListType,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ActorLookup } from '../auth/actor-lookup';
import { MAX_PAGE_SIZE } from './pagination';
import { RateLimits, tooManyRequests } from './rate-limits';
import type { RequestContext } from './request-context';

/** Largest GraphQL document parsed, in lexical tokens (graphql-js aborts the parse beyond it). */
export const MAX_TOKENS = 5000;

/**
 * Cost model (see docs/graphql.md, Limits). A field costs 1 plus what it selects; a paged list costs 10 plus its
 * selection times the page size asked for (`page.limit`, default 50); a list without paging multiplies its
 * selection by 5; an export (`*Xlsx`) costs 2,000 (it reads up to 50,000 rows). Scalars in a page's items are
 * therefore counted once per row: 500 organisations with three fields cost about 2,500.
 */
export const EXPORT_COST = 2000;
export const UNPAGED_LIST_FACTOR = 5;
export const DEFAULT_PAGE_LIMIT = 50;

export const isExportField = (name: string): boolean => name.endsWith('Xlsx');

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isExportField(field.name)) return EXPORT_COST;
  if (field.args.some((a) => a.name === 'page')) {
    const asked = (args.page as { limit?: unknown } | undefined)?.limit;
    const limit = typeof asked === 'number' && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_LIMIT;
    return 10 + limit * childComplexity;
  }
  // The items of a page are already multiplied by the page size at the paged field.
  if (type.name.endsWith('Page') && field.name === 'items') return 1 + childComplexity;
  if (isListType(getNullableType(field.type)) && childComplexity > 0) return 1 + UNPAGED_LIST_FACTOR * childComplexity;
  return 1 + childComplexity;
};

export type QueryLimits = Pick<
  AppConfig,
  'graphqlMaxDepth' | 'graphqlMaxAliases' | 'graphqlMaxCost' | 'graphqlMaxExports'
>;

/** The stable refusal: BAD_USER_INPUT with reason QUERY_TOO_COMPLEX, which limit, the maximum and what was found. */
export const tooComplex = (
  limit: 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'exports',
  message: string,
  max?: number,
  found?: number,
): GraphQLError =>
  new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
      limit,
      ...(max !== undefined ? { max } : {}),
      ...(found !== undefined ? { found } : {}),
      http: { status: 400, headers: new Map() },
    },
  });

const armorRules = (limits: QueryLimits): ValidationRule[] =>
  new ApolloArmor({
    costLimit: { enabled: false },
    maxTokens: { enabled: false }, // graphql-js' own parse option (MAX_TOKENS) does it before any validation
    blockFieldSuggestion: { enabled: false }, // suggestions are removed for anonymous callers below
    maxAliases: { n: limits.graphqlMaxAliases },
    maxDirectives: { n: 20 },
    maxDepth: { n: limits.graphqlMaxDepth, ignoreIntrospection: true, flattenFragments: true },
  }).protect().validationRules as ValidationRule[];

const LIMIT_OF = (message: string): 'depth' | 'aliases' | 'directives' =>
  /alias/i.test(message) ? 'aliases' : /directive/i.test(message) ? 'directives' : 'depth';

/** A refusal for depth, aliases or directives from the armor rules' first finding, or null. */
const shapeRefusal = (
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  rules: ValidationRule[],
): GraphQLError | null => {
  const [problem] = validate(schema, document, rules);
  if (!problem) return null;
  const m = problem.message.replace(/^Syntax Error: /, '');
  const found = /found (\d+)/.exec(m);
  const limit = LIMIT_OF(m);
  const max = limit === 'aliases' ? limits.graphqlMaxAliases : limit === 'depth' ? limits.graphqlMaxDepth : 20;
  return tooComplex(limit, `The query is too complex: ${m}`, max, found ? Number(found[1]) : undefined);
};

const countExports = (document: DocumentNode): number => {
  let exports = 0;
  visit(document, {
    Field(node) {
      if (isExportField(node.name.value)) exports++;
    },
  });
  return exports;
};

const exportsRefusal = (exports: number, limits: QueryLimits): GraphQLError | null =>
  exports > limits.graphqlMaxExports
    ? tooComplex(
        'exports',
        `At most ${limits.graphqlMaxExports} export(s) per request; this one asks for ${exports}`,
        limits.graphqlMaxExports,
        exports,
      )
    : null;

/** The operation's cost (costEstimator), or null when the variables do not fit (graphql-js reports that itself). */
const costOf = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): number | null => {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [costEstimator],
    });
  } catch {
    return null;
  }
};

const costRefusal = (cost: number, limits: QueryLimits): GraphQLError | null =>
  cost > limits.graphqlMaxCost
    ? tooComplex(
        'cost',
        `The query is too expensive: cost ${cost}, at most ${limits.graphqlMaxCost} (ask for smaller pages, fewer fields or fewer aliases)`,
        limits.graphqlMaxCost,
        cost,
      )
    : null;

/**
 * Checks a parsed, validated operation against the limits; returns the first refusal or null. Runs before any
 * resolver, so a refused request reads nothing.
 */
export const checkQueryLimits = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limits: QueryLimits,
  rules: ValidationRule[] = armorRules(limits),
): GraphQLError | null => {
  const refusal = shapeRefusal(schema, document, limits, rules) ?? exportsRefusal(countExports(document), limits);
  if (refusal) return refusal;
  const cost = costOf(schema, document, variables, operationName);
  return cost === null ? null : costRefusal(cost, limits);
};

/**
 * The variables a document's cost can depend on: those used in a `page` argument (its limit multiplies the
 * selection) or in a directive's argument (`@include(if: $x)` / `@skip` drop a selection). No other argument
 * enters costEstimator.
 */
const costVariables = (document: DocumentNode): string[] => {
  const names = new Set<string>();
  let inside = 0; // depth of arguments that count (a page argument, any directive's argument)
  const counted: boolean[] = [];
  visit(document, {
    Directive: { enter: () => void inside++, leave: () => void inside-- },
    Argument: {
      enter(node) {
        const counts = node.name.value === 'page';
        counted.push(counts);
        if (counts) inside++;
      },
      leave() {
        if (counted.pop()) inside--;
      },
    },
    Variable(node) {
      if (inside) names.add(node.name.value);
    },
  });
  return [...names].sort();
};

/** What the checks learn from a document alone, worked out once per parsed document. */
interface DocumentFacts {
  shape: GraphQLError | null;
  exports: number;
  asksForSchema: boolean;
  /** Paths of inline strings with a NUL (nulFields). */
  inlineNul: string[];
  costVariables: string[];
  /** Costs by operation name and the values of costVariables; bounded (cleared when full). */
  costs: Map<string, number>;
}

const COSTS_PER_DOCUMENT = 256;

/**
 * The limits of checkQueryLimits, remembered per parsed document. Apollo keeps parsed documents in its document
 * store (keyed by the query's hash), so a query string sent again arrives as the same DocumentNode: the armor
 * rules, the export count and the introspection test then run once per query string instead of once per request
 * (about 0.4 ms a request, measured), and the cost once per page size asked for. Same answers as
 * checkQueryLimits (the query-limits tests run both).
 */
export class QueryLimitChecks {
  private readonly facts = new WeakMap<DocumentNode, DocumentFacts>();

  constructor(
    private readonly limits: QueryLimits,
    private readonly rules: ValidationRule[] = armorRules(limits),
  ) {}

  of(schema: GraphQLSchema, document: DocumentNode): DocumentFacts {
    let f = this.facts.get(document);
    if (!f) {
      f = {
        shape: shapeRefusal(schema, document, this.limits, this.rules),
        exports: countExports(document),
        asksForSchema: asksForSchema(document),
        inlineNul: nulInline(document),
        costVariables: costVariables(document),
        costs: new Map(),
      };
      this.facts.set(document, f);
    }
    return f;
  }

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined | null,
  ): GraphQLError | null {
    const f = this.of(schema, document);
    const refusal = f.shape ?? exportsRefusal(f.exports, this.limits);
    if (refusal) return refusal;
    const key = JSON.stringify([operationName ?? null, ...f.costVariables.map((v) => variables?.[v] ?? null)]);
    const known = f.costs.get(key);
    // Only a cost within the limit is taken from memory: a refusal is worked out again from the request, so that
    // variables that do not fit are still reported by graphql-js rather than as a cost.
    if (known !== undefined && known <= this.limits.graphqlMaxCost) return null;
    const cost = costOf(schema, document, variables, operationName);
    if (cost === null) return null;
    if (f.costs.size >= COSTS_PER_DOCUMENT) f.costs.clear();
    f.costs.set(key, cost);
    return costRefusal(cost, this.limits);
  }
}

/**
 * Strings PostgreSQL cannot store (NUL) anywhere in the request, in variables or inline: the paths of the fields
 * that carry one (`i.job`, `filter.search`). Answered before any resolver as BAD_USER_INPUT / INVALID_CHARACTER.
 */
export const nulFields = (document: DocumentNode, variables: Record<string, unknown> | undefined): string[] => [
  ...nulInVariables(variables),
  ...nulInline(document),
];

const nulInVariables = (variables: Record<string, unknown> | undefined): string[] => {
  const found: string[] = [];
  const scan = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => scan(x, `${path}.${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) scan(x, path ? `${path}.${k}` : k);
  };
  scan(variables ?? {}, '');
  return found;
};

const nulInline = (document: DocumentNode): string[] => {
  const found: string[] = [];
  const stack: string[] = [];
  visit(document, {
    Argument: { enter: (n) => void stack.push(n.name.value), leave: () => void stack.pop() },
    ObjectField: { enter: (n) => void stack.push(n.name.value), leave: () => void stack.pop() },
    StringValue(n) {
      if (n.value.includes('\u0000')) found.push(stack.join('.'));
    },
  });
  return found;
};

const asksForSchema = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
};

type Ctx = RequestContext & { actorPromise?: Promise<RequestContext['actor'] | null> };

/**
 * Query limits (depth, aliases, directives, cost, exports per request), introspection and field suggestions only
 * for signed-in callers. The token limit is graphql-js' parse option (see graphql.module.ts).
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<Ctx> {
  private readonly checks: QueryLimitChecks;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: ActorLookup,
    private readonly rates: RateLimits,
  ) {
    this.checks = new QueryLimitChecks(config);
  }

  /** Same lookup the auth guard does; shared through the context so the header is checked once. */
  private signedIn(ctx: Ctx): Promise<boolean> {
    if (!ctx.actorPromise) {
      const header = ctx.req?.headers?.authorization;
      ctx.actorPromise = this.auth.actorFromHeader(Array.isArray(header) ? header[0] : header);
      ctx.actorPromise.catch(() => undefined);
    }
    return ctx.actorPromise.then(
      (a) => Boolean(a),
      () => false,
    );
  }

  /** Sign-ins and refreshes per client address, exports per caller (RateLimits); 429 with Retry-After. */
  private async checkRates(rc: GraphQLRequestContext<Ctx>, exports: number): Promise<void> {
    const roots = (rc.operation?.selectionSet.selections ?? []).flatMap((s) =>
      s.kind === 'Field' ? [s.name.value] : [],
    );
    const ip = (rc.contextValue.req as { ip?: string } | undefined)?.ip ?? 'unknown';
    for (const [field, kind] of [
      ['signIn', 'signIn'],
      ['refreshSession', 'refresh'],
    ] as const) {
      const n = roots.filter((r) => r === field).length;
      const wait = n ? await this.rates.take(kind, ip, n) : null;
      if (wait) throw tooManyRequests(kind, wait);
    }
    if (exports && (await this.signedIn(rc.contextValue))) {
      const actor = await rc.contextValue.actorPromise!;
      const wait = await this.rates.take('export', `${actor!.kind}:${actor!.id}`, exports);
      if (wait) throw tooManyRequests('export', wait);
    }
  }

  async requestDidStart(): Promise<GraphQLRequestListener<Ctx>> {
    return {
      didResolveOperation: async (rc: GraphQLRequestContext<Ctx>) => {
        const document = rc.document!;
        if (rc.operation?.operation === 'subscription') {
          // The schema has no Subscription type; graphql-js would otherwise answer an internal error.
          throw new GraphQLError('Subscriptions are not supported', {
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'UNSUPPORTED_OPERATION',
              http: { status: 400, headers: new Map() },
            },
          });
        }
        const refusal = this.checks.check(rc.schema, document, rc.request.variables, rc.operationName);
        if (refusal) throw refusal;
        const facts = this.checks.of(rc.schema, document);
        const nul = [...nulInVariables(rc.request.variables), ...facts.inlineNul];
        if (nul.length) {
          throw new GraphQLError('A text contains a NUL character, which cannot be stored', {
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'INVALID_CHARACTER',
              fields: nul.map((field) => ({ field, reason: 'INVALID_CHARACTER', message: 'contains a NUL character' })),
              http: { status: 400, headers: new Map() },
            },
          });
        }
        await this.checkRates(rc, facts.exports);
        if (facts.asksForSchema && !(await this.signedIn(rc.contextValue))) {
          throw new GraphQLError(
            'Introspection is for signed-in callers and API tokens; the schema is also published as schema.gql',
            {
              extensions: {
                code: 'UNAUTHENTICATED',
                reason: 'INTROSPECTION_NEEDS_SIGN_IN',
                http: { status: 401, headers: new Map() },
              },
            },
          );
        }
      },
      didEncounterErrors: async (rc) => {
        // "Did you mean …?" reveals field names: only signed-in callers get it.
        const suggests = rc.errors.some((e) => /Did you mean/.test(e.message));
        if (!suggests || (await this.signedIn(rc.contextValue))) return;
        for (const e of rc.errors) e.message = e.message.replace(/ ?Did you mean .+\?$/, '');
      },
    };
  }
}
