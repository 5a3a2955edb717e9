import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { LoggerService } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';

const LEVEL: Record<AppConfig['logLevel'], pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/**
 * The process's logger: JSON lines (pino) on stdout with time, level, message and fields. Credentials are
 * redacted wherever they appear under these keys; request logs carry no body, query text or variables.
 */
export const createRootLogger = (config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Pino =>
  pino(
    {
      level: LEVEL[config.logLevel],
      base: { service: 'chibo-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'password',
          '*.password',
          'refreshToken',
          '*.refreshToken',
          'accessToken',
          '*.accessToken',
          'secret',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );

/** Nest's logger calls (Logger.log(message, context), Logger.error(message, stack, context)) as pino lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    params: unknown[],
  ): void {
    const rest = [...params];
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack =
      (level === 'error' || level === 'fatal') && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else this.pino[level](fields, typeof message === 'string' ? message : JSON.stringify(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}

/** What the GraphQL layer adds to its request's log line (set by RequestLogPlugin). */
export type GraphQLLogFields = {
  operation: string | null;
  operationType: string | null;
  callerKind: string;
  errorCodes?: string[];
};
export const GRAPHQL_LOG = Symbol('graphqlLog');

type LogCtx = { req?: object & { headers?: Record<string, unknown> }; actor?: { kind: string } };

/** Puts the operation name and type, the caller kind and the error codes on the request, for its log line. */
@Plugin()
export class RequestLogPlugin implements ApolloServerPlugin<LogCtx> {
  async requestDidStart(): Promise<GraphQLRequestListener<LogCtx>> {
    return {
      willSendResponse: async ({ contextValue, operationName, operation, response }) => {
        const req = contextValue.req as (Record<symbol, unknown> & { headers?: Record<string, unknown> }) | undefined;
        if (!req) return;
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const fields: GraphQLLogFields = {
          operation: operationName ?? null,
          operationType: operation?.operation ?? null,
          callerKind: contextValue.actor?.kind ?? (req.headers?.authorization ? 'UNVERIFIED' : 'ANONYMOUS'),
          ...(errors.length
            ? { errorCodes: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))] }
            : {}),
        };
        req[GRAPHQL_LOG] = fields;
      },
    };
  }
}
