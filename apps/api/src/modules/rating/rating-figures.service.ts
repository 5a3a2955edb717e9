import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  admissionProgress,
  admissionTargetFor,
  DomainError,
  emptyLevelCounts,
  first,
  RATING_LEVELS,
  RATING_SUBJECT_KINDS,
  ratingFiguresChange,
  ratingFiguresFromCounts,
  type LevelCounts,
  type RatingFigures as DomainFigures,
  type RatingLevel,
  type RatingSubjectKind,
} from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, Params, validAt } from '../../database/sql';
import { admissionCounts } from '../member/admission.sql';
import { EXEMPTION_AT, JOIN_MEMBERSHIP, LEFT_JOIN_MEMBER, OF_MEMBER } from '../member/member.sql';
import { PolicyService } from '../policy/policy.service';
import { SUBJECT_KIND_SQL, ratingReferenceDate } from './rating.sql';
import {
  type AdmissionProgressModel,
  type RatingFigureGroup,
  type RatingFigureRow,
  type RatingFigureRowsInput,
  type RatingFigures,
  type RatingFigureSet,
  type RatingFiguresInput,
} from './rating.model';
import { JOIN_ORGANISATION, LEFT_JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

/** The rating figures of a subtree in the reports' convention, the list behind them, and the admission target (docs/rules.md#r-admission-target). */
@Injectable()
export class RatingFiguresService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {}

  async figures(actor: Actor, input: RatingFiguresInput): Promise<RatingFigures> {
    const asOf = input.asOf ?? ratingReferenceDate(input.year);
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, asOf).catch(asField('organisationId'));
    const prevAsOf =
      input.asOf && input.asOf < `${input.year - 1}-12-31` ? input.asOf : ratingReferenceDate(input.year - 1);
    const [current, previous] = await Promise.all([
      this.countsBy(input.organisationId, input.year, asOf),
      this.countsBy(input.organisationId, input.year - 1, prevAsOf),
    ]);
    const groups: RatingFigureGroup[] = RATING_SUBJECT_KINDS.map((kind) => {
      const now = ratingFiguresFromCounts(current.get(kind)!.counts, current.get(kind)!.notRated);
      const before = ratingFiguresFromCounts(previous.get(kind)!.counts, previous.get(kind)!.notRated);
      const change = ratingFiguresChange(now, before);
      return {
        subjectKind: kind,
        current: toFigureSet(now),
        previous: toFigureSet(before),
        change: { ...change, levels: RATING_LEVELS.map((level) => ({ level, ...change.levels[level] })) },
      };
    });
    return { organisationId: input.organisationId, year: input.year, asOf, groups };
  }

  // The subjects of a subtree for a year: decided yearly ratings sitting in the subtree, plus members and rated-kind
  // organisations in it on `asOf` without one (the not rated). One CTE shared by the counts and the list.
  private subjectsSql(p: Params, orgId: string, year: number, asOf: string): string {
    const d = p.add(asOf);
    const root = p.add(orgId);
    const y = p.add(year);
    return `WITH root AS (SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = ${root}::uuid AND ${validAt('rp', d)}),
      tree AS (SELECT pl.organisation_id AS id, o.kind, o.name FROM root JOIN organisation_placement pl ON ${inSubtree('pl', 'root.path')} AND ${validAt('pl', d)}
               ${JOIN_ORGANISATION('o', 'pl.organisation_id')}),
      rated AS (SELECT r.id, r.subject_kind, r.member_id, r.subject_organisation_id, r.organisation_id, r.decided_level, r.scheme, r.raw_label
                  FROM rating r JOIN tree t ON t.id = r.organisation_id
                 WHERE r.year = ${y}::int AND r.period_kind = 'YEAR' AND r.decided_at IS NOT NULL),
      subjects AS (
        SELECT r.subject_kind, r.member_id, r.subject_organisation_id, r.organisation_id, r.id AS rating_id, r.decided_level AS level, r.scheme, r.raw_label,
               NULL::text AS not_rated_reason
          FROM rated r
        UNION ALL
        SELECT 'MEMBER', ms.member_id, NULL::uuid, ms.organisation_id, NULL::uuid, NULL, NULL, NULL,
               COALESCE(${OF_MEMBER('ms.member_id', `CASE ${EXEMPTION_AT(d)} WHEN 'PERMANENT' THEN 'EXEMPT' WHEN 'TEMPORARY' THEN 'TEMPORARILY_EXEMPT' END`)},
                        (SELECT 'EXCLUDED' FROM rating_exclusion x WHERE x.member_id = ms.member_id AND x.year = ${y}::int), 'NOT_DECIDED')
          FROM tree t ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = t.id', d, 'PERMANENT')}
         WHERE NOT EXISTS (SELECT 1 FROM rated r WHERE r.member_id = ms.member_id)
        UNION ALL
        SELECT ${SUBJECT_KIND_SQL('t.kind')}, NULL::uuid, t.id, t.id, NULL::uuid, NULL, NULL, NULL, 'NOT_DECIDED'
          FROM tree t
         WHERE t.kind IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','SUB_COMMITTEE','SUBORDINATE_CELL')
           AND NOT EXISTS (SELECT 1 FROM rated r WHERE r.subject_organisation_id = t.id))`;
  }

  private async countsBy(
    orgId: string,
    year: number,
    asOf: string,
  ): Promise<Map<RatingSubjectKind, { counts: LevelCounts; notRated: number }>> {
    const p = new Params();
    const rows: { kind: RatingSubjectKind; level: RatingLevel | null; n: number }[] = await this.ds.query(
      `${this.subjectsSql(p, orgId, year, asOf)} SELECT subject_kind AS kind, level, count(*)::int AS n FROM subjects GROUP BY 1, 2`,
      p.values,
    );
    const out = new Map(RATING_SUBJECT_KINDS.map((k) => [k, { counts: emptyLevelCounts(), notRated: 0 }]));
    for (const r of rows) {
      const g = out.get(r.kind)!;
      if (r.level === null) g.notRated += r.n;
      else g.counts[r.level] += r.n;
    }
    return out;
  }

  async figureRows(
    actor: Actor,
    input: RatingFigureRowsInput,
    page: PageInput | undefined,
  ): Promise<Page<RatingFigureRow>> {
    const asOf = input.asOf ?? ratingReferenceDate(input.year);
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, asOf).catch(asField('organisationId'));
    // A member reaching the organisation only through their own cell sees their own row, not the others' levels.
    const reader = await assertOrgVisible(
      this.ds.manager,
      { ...actor, ownCellIds: [] },
      input.organisationId,
      asOf,
    ).then(
      () => true,
      () => false,
    );
    const { offset, limit } = pageOf(page);
    const p = new Params();
    const withSql = this.subjectsSql(p, input.organisationId, input.year, asOf);
    const where = [`s.subject_kind = ${p.add(input.subjectKind)}`];
    if (!reader) where.push(`s.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    if (input.levels?.length) where.push(`s.level = ANY(${p.add(input.levels)}::text[])`);
    if (input.notRated === true) where.push('s.level IS NULL');
    if (input.notRated === false) where.push('s.level IS NOT NULL');
    const from = `subjects s ${JOIN_ORGANISATION('o', 's.organisation_id')} ${LEFT_JOIN_MEMBER('mb', 's.member_id')} ${LEFT_JOIN_ORGANISATION('so', 's.subject_organisation_id')}
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`${withSql} SELECT count(*)::int AS total FROM ${from}`, p.values);
    const rows = await this.ds.query(
      `${withSql} SELECT s.subject_kind AS "subjectKind", s.member_id AS "memberId", s.subject_organisation_id AS "subjectOrganisationId",
              COALESCE(mb.full_name, so.name) AS name, s.organisation_id AS "organisationId", o.name AS "organisationName", s.rating_id AS "ratingId",
              s.level, s.scheme, s.raw_label AS "rawLabel", s.not_rated_reason AS "notRatedReason"
         FROM ${from}
        ORDER BY array_position(ARRAY['HTXSNV','HTTNV','HTNV','KHTNV']::text[], s.level) NULLS LAST, o.name, COALESCE(mb.name_folded, so.name), s.rating_id
        OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows, total, offset, limit };
  }

  /**
   * Admissions of the year up to the reference date (the as-of date capped at 31 December; default the year's
   * reference date) against the policy's target. `admitted` is admissionCounts (the definition and the list of
   * admissions(organisationId, from, to, asOf)); like that list it needs a reader of the subtree.
   */
  async admission(
    actor: Actor,
    organisationId: string,
    year: number,
    asOfArg?: string,
  ): Promise<AdmissionProgressModel> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      throw new DomainError('VALIDATION', 'The year must be from 1900 to 9999', 'year', {
        reason: 'VALUE_OUT_OF_RANGE',
      });
    const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
    const asOf = asOfArg ? (asOfArg < yearEnd ? asOfArg : yearEnd) : ratingReferenceDate(year);
    const from = `${String(year).padStart(4, '0')}-01-01`;
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, organisationId, asOf).catch((e: unknown) => {
      // Only the scope refusal is re-labelled; anything else (a database error) goes to the error filter as it is.
      throw e instanceof DomainError ? new DomainError(e.code, e.message, 'organisationId') : e;
    });
    const [org] = await this.ds.query(`SELECT o.term_start AS "termStart" ${ORGANISATIONS_WHERE('o', '= $1')}`, [
      organisationId,
    ]);
    const termStart: string = org.termStart && org.termStart <= asOf ? org.termStart : `${year}-01-01`;
    const [{ members }] = await this.ds.query(
      `SELECT count(DISTINCT ms.member_id)::int AS members
         FROM organisation_placement rp JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
         ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = pl.organisation_id', '$2', 'PERMANENT')}
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
      [organisationId, termStart],
    );
    const admitted =
      asOf < from
        ? 0
        : first(await admissionCounts(this.ds, actor, [{ organisationId, from, to: asOf }]), 'admission count');
    const policy = await this.policies.forOrganisation(organisationId, asOf);
    const target = admissionTargetFor(policy, members);
    const t = policy.rating.admissionTarget;
    return {
      organisationId,
      year,
      from,
      to: asOf,
      termStart,
      membersAtTermStart: members,
      targetKind: t.kind,
      targetPercent: t.kind === 'percentOfTermStart' ? t.percent : null,
      ...admissionProgress(admitted, target),
    };
  }
}

const toFigureSet = (f: DomainFigures): RatingFigureSet => ({
  total: f.total,
  rated: f.rated,
  notRated: f.notRated,
  levels: RATING_LEVELS.map((level) => ({ level, ...f.levels[level] })),
  wellCompletedOrBetter: f.wellCompletedOrBetter,
  completedOrBetter: f.completedOrBetter,
  excellentOfWellCompletedOrBetter: f.excellentOfWellCompletedOrBetter,
  excellentOfRated: f.excellentOfRated,
});
