import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@chibo/domain';
import { actorFromGrants, type Actor, type GrantInfo } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ChangeSignals, SignalledCache } from '../../database/change-signals';
import { returning } from '../../database/sql';
import { isUuid } from '../../common/scope/scope';
import { CELLS_OF_MEMBERS } from '../member/member.sql';

export const API_TOKEN_PREFIX = 'chibo_';
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON);

// Verified against when the username does not exist, so both answers take the same time.
let dummyHash: Promise<string> | null = null;

/** A rotated refresh token presented again this soon after its rotation gets a further token of its session. */
const REUSE_GRACE_SECONDS = 10;

/** A kept caller is shared by concurrent requests: frozen, so that no request can change another's. */
const deepFreeze = <T>(v: T): T => {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
};

export type SessionTokens = { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string; userId: string };

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Signed-in callers kept between requests (docs/scaling.md#kept-between-requests), by user id. */
  private readonly callers: SignalledCache<Actor>;

  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    signals: ChangeSignals,
  ) {
    this.callers = new SignalledCache<Actor>(signals, 'caller', config.cacheMaxAgeSeconds * 1000);
  }

  /**
   * Username + password. After `signInMaxFailures` failures in a row for a username (an account's or not: the
   * answers never tell whether a username exists) it is locked for `signInLockMinutes`; every failure also waits a
   * little longer than the last (slow-down).
   */
  async signIn(username: string, password: string): Promise<SessionTokens> {
    const name = username.trim().toLowerCase();
    const [throttle] = await this.ds.query(
      `SELECT locked_until AS "lockedUntil" FROM sign_in_throttle WHERE username = $1`,
      [name],
    );
    if (throttle?.lockedUntil && new Date(throttle.lockedUntil) > new Date()) {
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; the account is locked for a while', 'username', {
        lockedUntil: throttle.lockedUntil,
      });
    }
    const [user] = await this.ds.query(
      `SELECT id, password_hash AS "passwordHash", is_active AS "isActive" FROM app_user WHERE username = $1`,
      [name],
    );
    dummyHash ??= hashPassword('not-a-real-password');
    const ok = user ? await verify(user.passwordHash, password) : (await verify(await dummyHash, password), false);
    if (!ok || !user.isActive) {
      // one statement, so that failures at the same moment are all counted; the count restarts once locked
      const [row] = await returning<{ failures: number }>(
        this.ds,
        `INSERT INTO sign_in_throttle AS t (username, failed_attempts, locked_until) VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
         ON CONFLICT (username) DO UPDATE SET
           failed_attempts = CASE WHEN t.failed_attempts + 1 >= $2 THEN 0 ELSE t.failed_attempts + 1 END,
           locked_until = CASE WHEN t.failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE t.locked_until END,
           updated_at = now()
         RETURNING CASE WHEN t.failed_attempts = 0 THEN $2 ELSE t.failed_attempts END AS failures`,
        [name, this.config.signInMaxFailures, this.config.signInLockMinutes],
      );
      await this.ds.query(
        `DELETE FROM sign_in_throttle WHERE updated_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
      );
      await new Promise((r) => setTimeout(r, Math.min(100 * (row?.failures ?? 1), 1000)));
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password', 'password');
    }
    await this.ds.query(`DELETE FROM sign_in_throttle WHERE username = $1`, [name]);
    await this.ds.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
    return this.issue(user.id);
  }

  /**
   * Exchanges a refresh token for a new pair; the old refresh token stops working (rotation). A token already
   * rotated and presented again (reuse) means someone else holds the session: the whole session (every token of its
   * sign-in) is ended, unless the reuse comes within REUSE_GRACE_SECONDS of the rotation (an answer lost to a page
   * reload, two tabs refreshing at once), which gets a further token of the same session.
   */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const hash = sha256(refreshToken);
    const [row] = await returning<{ userId: string; familyId: string }>(
      this.ds,
      `UPDATE refresh_token SET revoked_at = now(), rotated_at = now() WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
       RETURNING user_id AS "userId", family_id AS "familyId"`,
      [hash],
    );
    if (!row) {
      const ended = await returning(
        this.ds,
        `UPDATE refresh_token f SET revoked_at = now()
           FROM refresh_token t
          WHERE t.token_hash = $1 AND t.rotated_at IS NOT NULL AND t.rotated_at < now() - make_interval(secs => $2)
            AND f.family_id = t.family_id AND f.revoked_at IS NULL
         RETURNING f.id`,
        [hash, REUSE_GRACE_SECONDS],
      );
      if (ended.length) this.logger.warn('A rotated refresh token was presented again; its session was ended');
      else {
        // Within the grace period, in a session that goes on (not signed out): the answer that carried its successor
        // was lost (a page reloaded while refreshing, e.g. the moment the app came back online) or another tab sharing
        // the cookie got there first. A further token of the same session is issued; the successor stays valid, so
        // whichever cookie the browser ends up with works. After the grace period the same token ends the session.
        const [recent] = await this.ds.query(
          `SELECT user_id AS "userId", family_id AS "familyId" FROM refresh_token t
            WHERE t.token_hash = $1 AND t.revoked_at IS NOT NULL AND t.rotated_at >= now() - make_interval(secs => $2) AND t.expires_at > now()
              AND NOT EXISTS (SELECT 1 FROM refresh_token f WHERE f.family_id = t.family_id AND f.revoked_at IS NOT NULL AND f.rotated_at IS NULL)
              AND EXISTS (SELECT 1 FROM refresh_token f WHERE f.family_id = t.family_id AND f.revoked_at IS NULL AND f.expires_at > now())`,
          [hash, REUSE_GRACE_SECONDS],
        );
        if (recent) return this.reissue(recent.userId, recent.familyId);
      }
      throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again', 'refreshToken');
    }
    return this.reissue(row.userId, row.familyId);
  }

  private async reissue(userId: string, familyId: string): Promise<SessionTokens> {
    const [user] = await this.ds.query(`SELECT is_active AS "isActive" FROM app_user WHERE id = $1`, [userId]);
    if (!user?.isActive) throw new DomainError('UNAUTHENTICATED', 'The account is disabled', 'refreshToken');
    return this.issue(userId, familyId);
  }

  /** Ends the session of a refresh token: every token of its family (its sign-in) stops working. */
  async signOut(refreshToken: string): Promise<boolean> {
    await this.ds.query(
      `UPDATE refresh_token f SET revoked_at = now() FROM refresh_token t
        WHERE t.token_hash = $1 AND f.family_id = t.family_id AND f.revoked_at IS NULL`,
      [sha256(refreshToken)],
    );
    return true;
  }

  /** A new token pair; the refresh token joins `familyId` (a refresh) or starts its own family (a sign-in). */
  private async issue(userId: string, familyId: string | null = null): Promise<SessionTokens> {
    const expires = new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync(
      { sub: userId, typ: 'access' },
      { expiresIn: this.config.accessTokenTtlSeconds },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.ds.query(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO refresh_token (id, family_id, user_id, token_hash, expires_at)
       SELECT id.id, COALESCE($4::uuid, id.id), $1, $2, now() + make_interval(days => $3) FROM id`,
      [userId, sha256(refreshToken), this.config.refreshTokenTtlDays, familyId],
    );
    return { accessToken, accessTokenExpiresAt: expires, refreshToken, userId };
  }

  /** Resolves the Authorization header to an actor, or null when there is none. Bad credentials throw. */
  async actorFromHeader(header: string | undefined): Promise<Actor | null> {
    if (!header) return null;
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
    const [, token = ''] = m; // (.+) always takes part in a match
    if (token.startsWith(API_TOKEN_PREFIX)) return this.actorFromApiToken(token);
    let sub: string;
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; typ?: unknown; exp?: unknown }>(token);
      if (payload.typ !== 'access') throw new Error('wrong token type');
      // Every access token this server issues expires; one without `exp` was not made here (or was made to last).
      if (typeof payload.exp !== 'number') throw new Error('no expiry');
      if (typeof payload.sub !== 'string' || !isUuid(payload.sub)) throw new Error('bad subject');
      sub = payload.sub;
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired');
    }
    return this.actorForUser(sub);
  }

  async actorForUser(userId: string): Promise<Actor> {
    const kept = this.callers.peek(userId);
    if (kept) return kept;
    const { value: actor, keep } = await this.callers.read(this.ds, this.ds.manager, (m) => this.readActor(userId, m));
    keep?.(userId, deepFreeze(actor));
    return actor;
  }

  private async readActor(userId: string, m: EntityManager): Promise<Actor> {
    // The account and its grants in one statement: every request of a signed-in user starts here.
    const [user]: { id: string; username: string; isActive: boolean; grants: GrantInfo[] }[] = await m.query(
      `SELECT u.id, u.username, u.is_active AS "isActive",
              coalesce((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'organisationId', g.organisation_id, 'memberId', g.member_id) ORDER BY g.id)
                          FROM access_grant g WHERE g.user_id = u.id), '[]'::json) AS grants
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    if (!user?.isActive) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or does not exist');
    const { grants } = user;
    const memberIds = grants.filter((g) => g.role === 'MEMBER').map((g) => g.memberId);
    const cells: { organisationId: string }[] = memberIds.length
      ? await m.query(CELLS_OF_MEMBERS('$1', 'current_date'), [memberIds])
      : [];
    return actorFromGrants(
      { kind: 'USER', id: user.id, name: user.username },
      grants,
      cells.map((c) => c.organisationId),
    );
  }

  async actorOf(kind: 'USER' | 'API_TOKEN', id: string): Promise<Actor | null> {
    if (!isUuid(id)) return null;
    if (kind === 'USER')
      return this.actorForUser(id).catch((e: unknown) =>
        e instanceof DomainError && e.code === 'UNAUTHENTICATED' ? null : Promise.reject(e),
      );
    const [row] = await this.ds.query(
      `SELECT id, name, organisation_id AS "organisationId", access FROM api_token
        WHERE id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [id],
    );
    return row ? this.tokenActor(row) : null;
  }

  private tokenActor(row: { id: string; name: string; organisationId: string; access: string }): Actor {
    const grant: GrantInfo = {
      id: row.id,
      role: row.access === 'READ_WRITE' ? 'COMMITTEE_WRITE' : 'COMMITTEE_READ',
      organisationId: row.organisationId,
      memberId: null,
    };
    return actorFromGrants({ kind: 'API_TOKEN', id: row.id, name: `token:${row.name}` }, [grant]);
  }

  private async actorFromApiToken(token: string): Promise<Actor> {
    const [row] = await returning(
      this.ds,
      `UPDATE api_token SET last_used_at = now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
        RETURNING id, name, organisation_id AS "organisationId", access`,
      [sha256(token)],
    );
    if (!row) throw new DomainError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked');
    return this.tokenActor(row as { id: string; name: string; organisationId: string; access: string });
  }

  /** A new API token for a subtree: returns the secret once; only its hash is stored. */
  static newApiTokenSecret(): { secret: string; prefix: string; hash: string } {
    const secret = `${API_TOKEN_PREFIX}${randomBytes(30).toString('base64url')}`;
    return { secret, prefix: secret.slice(0, 12), hash: sha256(secret) };
  }

  async displayName(userId: string): Promise<string | null> {
    const [u] = await this.ds.query(`SELECT display_name AS "displayName" FROM app_user WHERE id = $1`, [userId]);
    return u?.displayName ?? null;
  }

  get log(): Logger {
    return this.logger;
  }
}
