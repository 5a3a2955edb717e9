import type { RequestGateFigures } from '../http/request-gate';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { EventLoopFigures } from '../jobs/event-loop-watch';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;
/** Longest the readiness probe waits for the database. */
export const READY_TIMEOUT_MS = 2000;

/**
 * A GraphQL answer whose errors say SERVICE_UNAVAILABLE is an HTTP 503 with Retry-After, so proxies, load
 * balancers and clients see it without reading the body.
 */
@Plugin()
export class AvailabilityPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    return {
      willSendResponse: async ({ response }) => {
        // After the other plugins' willSendResponse (Nest's sets 200 whenever the body has `data`).
        await Promise.resolve();
        const body = response.body;
        if (
          body.kind !== 'single' ||
          !body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')
        )
          return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  }
}

/**
 * /health/live: the process answers. /health/ready: the database answers `SELECT 1` within READY_TIMEOUT_MS
 * (503 with code SERVICE_UNAVAILABLE otherwise): what a load balancer, the Dockerfile's HEALTHCHECK and compose use.
 * With read replicas, the answer lists each one (usable, bytes behind the primary). `eventLoop`: the longest the
 * process's event loop was held and the seconds it was held past EVENT_LOOP_WARN_MS (common/jobs/event-loop-watch.ts).
 * `requests`: the API requests worked on and waiting now, the most at once, and those refused (common/http/request-gate.ts).
 */
export const registerHealthRoutes = (
  fastify: ReturnType<ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']>,
  ds: DataSource,
  replicas?: () => { name: string; usable: boolean; lagBytes: number | null }[],
  eventLoop?: () => EventLoopFigures,
  requests?: () => RequestGateFigures,
): void => {
  fastify.get('/health/live', async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  fastify.get('/health/ready', async (_req, reply) => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      ds.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    reply.header('cache-control', 'no-store');
    // read replicas (docs/scaling.md#read-replicas) are reported, not required: the primary serves reads without them
    if (ok) {
      return reply.send({
        status: 'ok',
        database: 'up',
        latencyMs: Date.now() - started,
        ...(replicas ? { replicas: replicas() } : {}),
        ...(eventLoop ? { eventLoop: eventLoop() } : {}),
        ...(requests ? { requests: requests() } : {}),
      });
    }
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ status: 'error', database: 'down', code: 'SERVICE_UNAVAILABLE', retryable: true });
  });
};
