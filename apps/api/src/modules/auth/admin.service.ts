import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, first } from '@chibo/domain';
import type { Actor, GrantInfo } from '../../common/auth/actor';
import { AUDIT_KEYS, auditLogPage } from '../../common/audit/audit-log';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { pageOf, type Page, type PageInput, keysetPageOf } from '../../common/graphql/pagination';
import { isUuid } from '../../common/scope/scope';
import { returning } from '../../database/sql';
import type {
  AddGrantInput,
  ApiToken,
  AuditEntry,
  AuditFilter,
  CreateApiTokenInput,
  CreateUserInput,
  User,
} from './auth.model';
import { AuthService, hashPassword } from './auth.service';
import { passwordProblem } from './password-policy';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

const TOKEN_COLUMNS = `id, name, token_prefix AS "tokenPrefix", organisation_id AS "organisationId", access, created_at AS "createdAt",
  expires_at AS "expiresAt", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;

/** Users, grants, API tokens and the audit log: system administrators only (the resolver says so too). */
@Injectable()
export class AdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private requireAdmin(actor: Actor): void {
    if (!actor.isAdmin) throw new DomainError('FORBIDDEN', 'Only system administrators may do this');
  }

  async createUser(caller: Caller, input: CreateUserInput): Promise<User> {
    this.requireAdmin(caller.actor);
    const weak = passwordProblem(input.password, input.username, input.displayName);
    if (weak) throw new DomainError('VALIDATION', weak.message, 'password', { reason: weak.reason });
    const passwordHash = await hashPassword(input.password);
    const id = await this.ds.transaction(async (m) => {
      if (input.memberId && !isUuid(input.memberId)) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
      const [row] = await m.query(
        `INSERT INTO app_user (username, display_name, password_hash, member_id, email) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.username, input.displayName, passwordHash, input.memberId ?? null, input.email ?? null],
      );
      // The address itself is personal data: the audit log only records that one was given.
      await this.audit.record(m, caller, {
        operation: 'createUser',
        entityType: 'app_user',
        entityId: row.id,
        after: {
          username: input.username,
          displayName: input.displayName,
          memberId: input.memberId ?? null,
          hasEmail: !!input.email,
        },
      });
      return row.id as string;
    });
    return first(await this.users(caller.actor, [id]), 'created user');
  }

  async setPassword(caller: Caller, userId: string, password: string): Promise<boolean> {
    this.requireAdmin(caller.actor);
    const [named] = isUuid(userId)
      ? await this.ds.query(`SELECT username, display_name AS "displayName" FROM app_user WHERE id = $1`, [userId])
      : [];
    const weak = passwordProblem(password, named?.username, named?.displayName);
    if (weak) throw new DomainError('VALIDATION', weak.message, 'password', { reason: weak.reason });
    const passwordHash = await hashPassword(password);
    await this.ds.transaction(async (m) => {
      const rows = isUuid(userId)
        ? await returning(m, `UPDATE app_user SET password_hash = $2 WHERE id = $1 RETURNING id`, [
            userId,
            passwordHash,
          ])
        : [];
      if (!rows.length) throw new DomainError('NOT_FOUND', 'User not found', 'userId');
      await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      // a new password lifts a lockout
      await m.query(`DELETE FROM sign_in_throttle WHERE username = (SELECT username FROM app_user WHERE id = $1)`, [
        userId,
      ]);
      await this.audit.record(m, caller, { operation: 'setPassword', entityType: 'app_user', entityId: userId });
    });
    return true;
  }

  async addGrant(caller: Caller, input: AddGrantInput): Promise<GrantInfo> {
    this.requireAdmin(caller.actor);
    return this.ds.transaction(async (m) => {
      for (const [k, v] of [
        ['userId', input.userId],
        ['organisationId', input.organisationId],
        ['memberId', input.memberId],
      ] as const) {
        if (v && !isUuid(v)) throw new DomainError('NOT_FOUND', `${k} not found`, k);
      }
      if (input.role === 'CELL_SECRETARY' && input.organisationId) {
        const [org] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [input.organisationId]);
        if (org && !['GRASSROOTS_CELL', 'SUBORDINATE_CELL'].includes(org.kind)) {
          throw new DomainError('VALIDATION', 'A cell secretary grant must be on a cell', 'organisationId');
        }
      }
      const [row] = await m.query(
        `INSERT INTO access_grant (user_id, role, organisation_id, member_id) VALUES ($1,$2,$3,$4)
         RETURNING id, role, organisation_id AS "organisationId", member_id AS "memberId"`,
        [input.userId, input.role, input.organisationId ?? null, input.memberId ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'addGrant',
        entityType: 'access_grant',
        entityId: row.id,
        after: input,
      });
      return row as GrantInfo;
    });
  }

  async removeGrant(caller: Caller, id: string): Promise<boolean> {
    this.requireAdmin(caller.actor);
    return this.ds.transaction(async (m) => {
      const rows = isUuid(id)
        ? await returning(
            m,
            `DELETE FROM access_grant WHERE id = $1 RETURNING id, user_id AS "userId", role, organisation_id AS "organisationId"`,
            [id],
          )
        : [];
      if (!rows.length) throw new DomainError('NOT_FOUND', 'Grant not found', 'id');
      await this.audit.record(m, caller, {
        operation: 'removeGrant',
        entityType: 'access_grant',
        entityId: id,
        before: rows[0],
      });
      return true;
    });
  }

  async users(actor: Actor, ids?: string[], page?: PageInput): Promise<User[]> {
    this.requireAdmin(actor);
    const { offset, limit } = pageOf(page);
    const rows = await this.ds.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.is_active AS "isActive", u.member_id AS "memberId", u.last_sign_in_at AS "lastSignInAt",
              coalesce((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'organisationId', g.organisation_id, 'memberId', g.member_id))
                          FROM access_grant g WHERE g.user_id = u.id), '[]') AS grants
         FROM app_user u WHERE ($1::uuid[] IS NULL OR u.id = ANY($1::uuid[])) ORDER BY u.username OFFSET $2 LIMIT $3`,
      [ids ?? null, offset, limit],
    );
    return rows;
  }

  async userPage(actor: Actor, page?: PageInput): Promise<Page<User>> {
    this.requireAdmin(actor);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM app_user`);
    return { items: await this.users(actor, undefined, page), total, ...pageOf(page) };
  }

  async createApiToken(caller: Caller, input: CreateApiTokenInput): Promise<{ secret: string; token: ApiToken }> {
    this.requireAdmin(caller.actor);
    if (!isUuid(input.organisationId)) throw new DomainError('NOT_FOUND', 'Organisation not found', 'organisationId');
    if (input.expiresAt && !(new Date(input.expiresAt).getTime() > Date.now())) {
      throw new DomainError('VALIDATION', 'The expiry must be in the future', 'expiresAt', {
        reason: 'EXPIRY_IN_PAST',
      });
    }
    const { secret, prefix, hash } = AuthService.newApiTokenSecret();
    const token = await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO api_token (name, token_prefix, token_hash, organisation_id, access, created_by, expires_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${TOKEN_COLUMNS}`,
        [
          input.name,
          prefix,
          hash,
          input.organisationId,
          input.access,
          caller.actor.kind === 'USER' ? caller.actor.id : null,
          input.expiresAt ?? null,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'createApiToken',
        entityType: 'api_token',
        entityId: row.id,
        after: { ...input, tokenPrefix: prefix },
      });
      return row as ApiToken;
    });
    return { secret, token };
  }

  async revokeApiToken(caller: Caller, id: string): Promise<ApiToken> {
    this.requireAdmin(caller.actor);
    return this.ds.transaction(async (m) => {
      const [row] = isUuid(id)
        ? await returning(
            m,
            `UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`,
            [id],
          )
        : [];
      if (!row) throw new DomainError('NOT_FOUND', 'API token not found', 'id');
      await this.audit.record(m, caller, { operation: 'revokeApiToken', entityType: 'api_token', entityId: id });
      return row as ApiToken;
    });
  }

  async apiTokens(actor: Actor, page?: PageInput): Promise<Page<ApiToken>> {
    this.requireAdmin(actor);
    const { offset, limit } = pageOf(page);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM api_token`);
    const items = await this.ds.query(
      `SELECT ${TOKEN_COLUMNS} FROM api_token ORDER BY created_at DESC OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
    return { items, total, offset, limit };
  }

  async auditLog(actor: Actor, filter?: AuditFilter, page?: PageInput): Promise<Page<AuditEntry>> {
    this.requireAdmin(actor);
    const keyset = keysetPageOf(page, 'auditLog', AUDIT_KEYS);
    const { total, rows, nextCursor } = await auditLogPage(this.ds.manager, filter, keyset);
    return { items: rows as unknown as AuditEntry[], total, offset: keyset.offset, limit: keyset.limit, nextCursor };
  }
}
