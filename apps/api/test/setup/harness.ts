import type { Workbook, Worksheet } from 'exceljs';
import { elementAt } from '@chibo/domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/main';
import { loadConfig } from '../../src/config/app-config';
import { queryCounter } from '../../src/database/data-source';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';

export type Gql = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
) => Promise<{ data: T; errors?: { message: string; extensions: Record<string, any> }[] }>;

/** Boots the real application on the test database (DATABASE_URL from globalSetup) and talks GraphQL in-process. */
export const bootApp = async () => {
  if (!process.env.DATABASE_URL?.includes('test')) throw new Error('DATABASE_URL must point at a test database');
  const app: NestFastifyApplication = await createApp(
    loadConfig({
      UPLOAD_DIR: join(tmpdir(), `chibo-test-uploads-${process.pid}`),
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const gql: Gql = async (query, variables, token) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  const ds = app.get(DataSource);
  const admin = app.get(AdminService);
  const caller = cliCaller();
  let n = 0;
  /** A user with one grant, signed in; returns its access token. */
  const userWith = async (
    role: string,
    target: { organisationId?: string; memberId?: string } = {},
  ): Promise<string> => {
    const username = `u${Date.now().toString(36)}${(n++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const user = await admin.createUser(caller, { username, displayName: username, password: 'test-password-1' });
    await admin.addGrant(caller, { userId: user.id, role, ...target });
    const res = await gql<{ signIn: { accessToken: string } }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { username, password: 'test-password-1' } },
    );
    return res.data.signIn.accessToken;
  };
  const countQueries = async <T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> => {
    const before = queryCounter.count;
    const result = await fn();
    return { result, queries: queryCounter.count - before };
  };
  return { app, gql, ds, userWith, countQueries, close: () => app.close() };
};

export type Harness = Awaited<ReturnType<typeof bootApp>>;

/** A unique prefix for codes created by one test file. */
export const uniq = (prefix: string): string =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296)
    .toString(36)
    .toUpperCase()}`;

/** Sheet `index` of an exported workbook; throws a clear error when the workbook has fewer sheets. */
export const worksheet = (wb: Workbook, index = 0): Worksheet => elementAt(wb.worksheets, index, 'worksheet');

export const errorOf = (res: { errors?: { extensions: Record<string, any> }[] }) => res.errors?.[0]?.extensions ?? null;
