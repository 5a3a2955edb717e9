import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { inSubtree, validAt } from '../../database/sql';
import { MemberPort, type MemberRegistry } from '../organisation/member-port';

/**
 * The member registry as restructuring sees it (merge, split, dissolve in the organisation module): memberships are
 * the member module's tables, so their reads and moves are written here and reach organisation through MemberPort.
 */
@Injectable()
export class MemberRegistryService implements MemberRegistry {
  constructor(port: MemberPort) {
    port.register(this);
  }

  async permanentMembersOn(m: EntityManager, orgId: string, d: string): Promise<string[]> {
    const rows: { memberId: string }[] = await m.query(
      `SELECT ms.member_id AS "memberId" FROM membership ms WHERE ms.organisation_id = $1 AND ms.kind = 'PERMANENT' AND ${validAt('ms', '$2')}`,
      [orgId, d],
    );
    return rows.map((r) => r.memberId);
  }

  async isMemberUnder(m: EntityManager, memberId: string, rootPath: string, d: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM membership ms JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id AND ${validAt('pl', '$3')}
        WHERE ms.member_id = $1 AND ${validAt('ms', '$3')} AND ${inSubtree('pl', '$2')}`,
      [memberId, rootPath, d],
    );
    return rows.length > 0;
  }

  async membershipsFrom(m: EntityManager, orgId: string, d: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM membership ms WHERE ms.organisation_id = $1 AND (ms.valid_to IS NULL OR ms.valid_to > $2::date)`,
      [orgId, d],
    );
    return n;
  }

  async moveMembers(
    m: EntityManager,
    fromOrgId: string,
    toOrgId: string,
    d: string,
    memberIds: readonly string[],
  ): Promise<void> {
    const ids = [...memberIds];
    await m.query(
      `DELETE FROM membership WHERE organisation_id = $1 AND kind = 'PERMANENT' AND member_id = ANY($3::uuid[]) AND valid_from = $2::date`,
      [fromOrgId, d, ids],
    );
    await m.query(
      `UPDATE membership SET valid_to = $2 WHERE organisation_id = $1 AND kind = 'PERMANENT' AND member_id = ANY($3::uuid[]) AND valid_from < $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
      [fromOrgId, d, ids],
    );
    await m.query(
      `INSERT INTO membership (member_id, organisation_id, kind, valid_from) SELECT unnest($1::uuid[]), $2, 'PERMANENT', $3`,
      [ids, toOrgId, d],
    );
    await m.query(
      `INSERT INTO member_event (member_id, type, effective_on, organisation_id, to_organisation_id, note)
       SELECT unnest($1::uuid[]), 'TRANSFER_INTERNAL', $2, $3, $4, 'Theo quyết định sáp nhập/chia tách tổ chức'`,
      [ids, d, fromOrgId, toOrgId],
    );
  }
}
