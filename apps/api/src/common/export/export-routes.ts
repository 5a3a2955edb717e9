import { Transform } from 'node:stream';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { coerceInputValue, GraphQLError, type GraphQLObjectType } from 'graphql';
import { DomainError } from '@chibo/domain';
import { ActorLookup } from '../auth/actor-lookup';
import { domainToGraphQLError, fromDatabaseError, isDatabaseUnavailable, serviceUnavailable } from '../graphql/errors';
import { RateLimits, tooManyRequests } from '../graphql/rate-limits';
import { RETRY_AFTER_SECONDS } from '../graphql/availability';
import { InputValidationPipe } from '../graphql/validation.pipe';
import { ExportService } from './export.service';
import type { ExportWorkbook } from './workbook';

type Reply = {
  code(n: number): Reply;
  header(k: string, v: string): Reply;
  send(body?: unknown): Reply;
  raw: { destroy(): void; once(event: 'close', f: () => void): void; writableFinished: boolean };
};
type Log = { error(o: object, m: string): void; warn(o: object, m: string): void };

/** Longest `input` (JSON text of the arguments) accepted, in characters. */
export const EXPORT_INPUT_MAX = 8192;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** `attachment` with an ASCII fallback and the exact (Vietnamese) name as RFC 5987 `filename*`. */
export const attachment = (fileName: string): string => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
};

const badInput = (message: string, reason: string, field?: string): GraphQLError =>
  new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason, fields: field ? [{ field, reason, message }] : [] },
  });

/** class-validator names fields inside the argument (`month`); here they are named from the arguments (`input.month`). */
const underArgument =
  (arg: string) =>
  (e: unknown): never => {
    if (!(e instanceof DomainError)) throw e;
    const fields = Array.isArray(e.details?.fields)
      ? (e.details.fields as { field: string }[]).map((f) => ({ ...f, field: `${arg}.${f.field}` }))
      : undefined;
    throw new DomainError(e.code, e.message, e.field ? `${arg}.${e.field}` : arg, {
      ...e.details,
      ...(fields ? { fields } : {}),
    });
  };

/** The JSON error answer: `{ errors: [{ message, extensions: { code, reason, fields… } }] }`, as a GraphQL answer's. */
const toError = (e: unknown, log: Log): GraphQLError => {
  if (e instanceof GraphQLError) return e;
  if (e instanceof DomainError) return domainToGraphQLError(e);
  const db = fromDatabaseError(e);
  if (db) return domainToGraphQLError(db);
  if (isDatabaseUnavailable(e)) return serviceUnavailable();
  log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) }, 'export failed');
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
};

const sendError = (reply: Reply, err: GraphQLError): Reply => {
  const code = String(err.extensions.code);
  const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
  reply.code(STATUS[code] ?? 500).header('cache-control', 'no-store');
  if (code === 'TOO_MANY_REQUESTS') reply.header('retry-after', String(extensions.retryAfterSeconds ?? 60));
  if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.send({ errors: [{ message: err.message, extensions }] });
};

/**
 * GET /exports/<name>.xlsx?input=<JSON of the GraphQL field's arguments> (docs/exports.md): the Excel exports as
 * HTTP downloads, with the checks of their GraphQL fields: a signed-in user or an API token (401), the 'export'
 * rate limit per caller (429 + Retry-After), the arguments coerced by the field's GraphQL types and validated by
 * the same input classes (400 with the field), the caller's scope (404, the body of a missing id), an audit entry.
 * The workbook is written by exceljs' streaming writer straight into the answer.
 */
export const registerExportRoutes = (app: NestFastifyApplication): void => {
  const fastify = app.getHttpAdapter().getInstance();
  const pipe = new InputValidationPipe();
  fastify.get<{ Params: { file: string }; Querystring: { input?: string } }>(
    '/exports/:file',
    async (req, fastifyReply) => {
      const reply = fastifyReply as unknown as Reply;
      const exports = app.get(ExportService);
      const name = /^([a-zA-Z][a-zA-Z0-9-]*)\.xlsx$/.exec(req.params.file)?.[1];
      const def = name ? exports.get(name) : undefined;
      let started = false;
      try {
        const header = req.headers.authorization;
        const actor = await app
          .get(ActorLookup, { strict: false })
          .actorFromHeader(Array.isArray(header) ? header[0] : header);
        if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in, or send an API token');
        if (!def) throw new DomainError('NOT_FOUND', `No export named ${req.params.file}`);
        const wait = await app.get(RateLimits, { strict: false }).take('export', `${actor.kind}:${actor.id}`);
        if (wait) throw tooManyRequests('export', wait);

        // The arguments: a JSON object, coerced by the GraphQL field's argument types, then class-validator.
        const raw = req.query.input ?? '{}';
        if (raw.length > EXPORT_INPUT_MAX)
          throw badInput(`input is longer than ${EXPORT_INPUT_MAX} characters`, 'INPUT_TOO_LARGE', 'input');
        let given: unknown;
        try {
          given = JSON.parse(raw);
        } catch {
          throw badInput('input is not valid JSON', 'INVALID_JSON', 'input');
        }
        if (!given || typeof given !== 'object' || Array.isArray(given))
          throw badInput('input must be a JSON object of the arguments', 'INVALID_JSON', 'input');
        const field = (app.get(GraphQLSchemaHost).schema.getQueryType() as GraphQLObjectType).getFields()[def.field];
        if (!field) throw new Error(`Export route ${def.field}: the schema has no such query`);
        const args: Record<string, unknown> = {};
        for (const key of Object.keys(given)) {
          if (!field.args.some((a) => a.name === key))
            throw badInput(`Unknown argument ${key}`, 'UNKNOWN_ARGUMENT', key);
        }
        for (const a of field.args) {
          const value = (given as Record<string, unknown>)[a.name];
          if (value === undefined && a.type.toString().endsWith('!'))
            throw badInput(`${a.name} is required`, 'REQUIRED', a.name);
          if (value === undefined) continue;
          const problems: GraphQLError[] = [];
          const coerced = coerceInputValue(value, a.type, (path, _v, err) => {
            // A missing or unknown field of an input object is reported at the object: name the field itself.
            const named = /^Field "(\w+)" (?:of required type|is not defined)/.exec(err.message)?.[1];
            problems.push(
              badInput(err.message, 'INVALID_VALUE', [a.name, ...path, ...(named ? [named] : [])].join('.')),
            );
          });
          if (problems.length) throw problems[0];
          const metatype = def.args[a.name];
          args[a.name] =
            metatype && coerced !== null
              ? await pipe.transform(coerced, { type: 'body', metatype, data: a.name }).catch(underArgument(a.name))
              : coerced;
        }

        // Headers go with the first bytes: until then (all checks, the scope, the reads) an error is a JSON answer.
        const body = new Transform({
          transform(chunk, _enc, done) {
            if (!started) {
              started = true;
              reply
                .code(200)
                .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
                .header('content-disposition', attachment(`${def.fileName}.xlsx`))
                .header('cache-control', 'no-store')
                .send(body);
            }
            done(null, chunk);
          },
        });
        // The writer starts the zip (and so the answer) when made: made at the first sheet, which builders add once
        // their scope checks and first reads are done.
        let writer: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
        const open = () =>
          (writer ??= new ExcelJS.stream.xlsx.WorkbookWriter({
            stream: body,
            useStyles: true,
            useSharedStrings: false,
          }));
        const wb = {
          addWorksheet: (...a: Parameters<ExportWorkbook['addWorksheet']>) => open().addWorksheet(...a),
        } as unknown as ExportWorkbook;
        // A client that goes away (a cancelled download) ends the work here: the stream is destroyed rather than
        // left waiting for a reader, and nothing keeps the request's workbook alive.
        let gone: () => void = () => undefined;
        const clientGone = new Promise<'gone'>((resolve) => (gone = () => resolve('gone')));
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) gone();
        });
        const work = (async () => {
          await exports.run({ actor, requestId: String(req.id ?? randomUUID()) }, def.name, args, wb);
          await open().commit();
          return 'done' as const;
        })();
        work.catch(() => undefined);
        if ((await Promise.race([work, clientGone])) === 'gone') {
          req.log.info({ export: def.name }, 'export abandoned by the client');
          body.destroy();
          reply.raw.destroy();
        }
        return reply;
      } catch (e) {
        if (started) {
          // Too late for a status: the download is cut short, which the browser reports as failed.
          req.log.warn(
            { export: name, message: e instanceof Error ? e.message : String(e) },
            'export failed after the first bytes',
          );
          reply.raw.destroy();
          return reply;
        }
        return sendError(reply, toError(e, req.log));
      }
    },
  );
};
