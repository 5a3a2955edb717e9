import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type MemberStatus } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, orgVisibleSql } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { Organisation } from '../organisation/organisation.model';
import { PLACEMENT_AT } from '../organisation/organisation.service';
import { JOIN_ORGANISATION, ORG_COLUMNS, type OrgRow } from '../organisation/organisation.sql';
import { Admission } from './admission.model';
import { admissionsSql } from './admission.sql';
import { CELL_AT, STATUS_AT } from './member.sql';

export type AdmissionQuery = { organisationId: string; from: string; to: string; asOf: string };

type Row = OrgRow & {
  memberId: string;
  fullName: string;
  admissionDecisionDate: string;
  ceremonyDate: string | null;
  organisationId: string | null;
  status: MemberStatus | null;
};

/**
 * The list behind every admissions figure (admissionsSql: the dashboard's members.admissions, each child's and the
 * trend's, admissionProgress.admitted). Scope: the organisation must be readable as a subtree on the as-of date (a
 * committee reader, or a cell secretary for the cell; NOT_FOUND otherwise, like a missing organisation); rows are
 * admissions by cells that were in the caller's scope on the admission date, so name, date and admitting cell show;
 * where the member is now (cell and status) shows only when that cell is in the caller's scope on the as-of date.
 */
@Injectable()
export class AdmissionService {
  constructor(private readonly ds: DataSource) {}

  /** NOT_FOUND (field organisationId) unless the actor reads the organisation's subtree on the date. */
  async assertSubtreeVisible(actor: Actor, organisationId: string, d: string): Promise<void> {
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, organisationId, d).catch(
      asField('organisationId'),
    );
  }

  async list(actor: Actor, q: AdmissionQuery, page: PageInput | undefined): Promise<Page<Admission>> {
    if (q.to < q.from) throw new DomainError('INVALID_DATE_ORDER', '`to` must not be before `from`', 'to');
    await this.assertSubtreeVisible(actor, q.organisationId, q.asOf);
    const { offset, limit } = pageOf(page);
    const p = new Params();
    const admissions = admissionsSql(actor, p, [{ organisationId: q.organisationId, from: q.from, to: q.to }]);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM (${admissions}) a`, [...p.values]);
    const d = p.add(q.asOf);
    const rows: Row[] = await this.ds.query(
      `SELECT a.member_id AS "memberId", m.full_name AS "fullName", a.admitted_on AS "admissionDecisionDate", m.ceremony_date AS "ceremonyDate",
              ${ORG_COLUMNS}, ap.parent_id AS "parentId", ap.path, ap.depth,
              CASE WHEN v.ok THEN c.cell END AS "organisationId", CASE WHEN v.ok THEN ${STATUS_AT(d)} END AS status
         FROM (${admissions}) a
         JOIN member m ON m.id = a.member_id
         ${JOIN_ORGANISATION('o', 'a.cell_id')}
         CROSS JOIN LATERAL ${PLACEMENT_AT('a.cell_id', 'a.admitted_on')} ap
         -- the cell on the date, the last one for a member who left, or the first one for a member placed later (at a ceremony to come)
         CROSS JOIN LATERAL (SELECT COALESCE(${CELL_AT(d)}, (SELECT x.organisation_id FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT'
                                                              ORDER BY x.valid_from LIMIT 1)) AS cell) c
         CROSS JOIN LATERAL (SELECT c.cell IS NOT NULL AND ${orgVisibleSql({ ...actor, ownCellIds: [] }, 'c.cell', p, d)} AS ok) v
        ORDER BY a.admitted_on, m.name_folded, m.id
       OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    const items = rows.map((r) => {
      const { memberId, fullName, admissionDecisionDate, ceremonyDate, organisationId, status, ...org } = r;
      return Object.assign(new Admission(), {
        memberId,
        fullName,
        admissionDecisionDate,
        ceremonyDate,
        organisationId,
        status,
        asOf: q.asOf,
        admittedIn: Object.assign(new Organisation(), org, { asOf: admissionDecisionDate }),
      });
    });
    return { items, total, offset, limit };
  }
}
