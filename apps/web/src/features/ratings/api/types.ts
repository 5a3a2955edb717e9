import type { IsoDate, IsoDateTime } from '../../../lib/api-types';
import type { RatingLevel, RatingPeriodKind, RatingRoundState, RatingScheme, RatingStage, RatingSubjectKind } from '../../../lib/domain';

// Shapes of the rating operations in apps/api/schema.gql (the fields the screens ask for).

export type RatingRound = {
  id: string;
  /** Null when the opening committee is outside the caller's scope (a cell secretary, a member). */
  organisationId: string | null;
  year: number;
  periodKind: RatingPeriodKind;
  periodLabel: string;
  title: string;
  selfAssessmentDue: IsoDate;
  proposalDue: IsoDate;
  decisionDue: IsoDate;
  state: RatingRoundState;
  openedAt: IsoDateTime;
  openedBy: string;
  announcedAt: IsoDateTime | null;
  ratingCount: number;
  decidedCount: number;
};

export type TaskCounts = { assigned: number; completed: number; onTime: number; exceeded: number };

export type SelfAssessment = {
  generalPoints: number;
  taskPoints: number;
  tasks: TaskCounts;
  shortcomingsFixed: boolean | null;
  note: string | null;
};

export type Rating = {
  id: string;
  roundId: string | null;
  year: number;
  subjectKind: RatingSubjectKind;
  memberId: string | null;
  subjectOrganisationId: string | null;
  subjectName: string;
  organisationId: string;
  organisationName: string;
  proposerId: string | null;
  deciderId: string | null;
  quotaGroupId: string | null;
  scheme: RatingScheme;
  rawLabel: string | null;
  score: number | null;
  selfAssessment: SelfAssessment | null;
  selfAssessedAt: IsoDateTime | null;
  computedLevel: RatingLevel | null;
  blockReasons: string[];
  proposedLevel: RatingLevel | null;
  proposalNote: string | null;
  decidedLevel: RatingLevel | null;
  decisionReason: string | null;
  quotaOverrideReason: string | null;
  stage: RatingStage;
};

export type RatingPage = { total: number; items: Rating[] };

export type CountPercent = { count: number; percent: number | null };

export type RatingFigureSet = {
  total: number;
  rated: number;
  notRated: number;
  levels: { level: RatingLevel; count: number; percent: number | null }[];
  wellCompletedOrBetter: CountPercent;
  excellentOfWellCompletedOrBetter: number | null;
  excellentOfRated: number | null;
};

export type CountPoints = { count: number; points: number | null };

export type RatingFigureGroup = {
  subjectKind: RatingSubjectKind;
  current: RatingFigureSet;
  previous: RatingFigureSet;
  change: {
    rated: number;
    levels: { level: RatingLevel; count: number; points: number | null }[];
    wellCompletedOrBetter: CountPoints;
    excellentOfWellCompletedOrBetter: number | null;
    excellentOfRated: number | null;
  };
};

export type RatingFigures = { organisationId: string; year: number; asOf: IsoDate; groups: RatingFigureGroup[] };

export type FiguresParams = { organisationId: string; year: number; asOf?: IsoDate };

/** Which list lies behind a number: the subject kind, and either some decided levels, the not rated, the rated, or all. */
export type FigureFilter = { subjectKind: RatingSubjectKind; levels?: RatingLevel[]; notRated?: boolean };

export type FigureRow = {
  subjectKind: RatingSubjectKind;
  memberId: string | null;
  subjectOrganisationId: string | null;
  name: string;
  organisationId: string;
  organisationName: string;
  ratingId: string | null;
  level: RatingLevel | null;
  scheme: RatingScheme | null;
  rawLabel: string | null;
  notRatedReason: string | null;
};

export type AdmissionProgress = {
  from: IsoDate;
  to: IsoDate;
  targetKind: string;
  targetPercent: number | null;
  termStart: IsoDate;
  membersAtTermStart: number;
  target: number;
  admitted: number;
  percent: number | null;
  met: boolean;
  remaining: number;
};

export type QuotaResult = { groupId: string; limit: number; excellent: number; base: number; breached: boolean };

export type RatingFilterInput = {
  roundId?: string;
  organisationId?: string;
  year?: number;
  memberId?: string;
  subjectKinds?: RatingSubjectKind[];
  levels?: RatingLevel[];
  stages?: RatingStage[];
  /** Name of the subject, ignoring diacritics and case. */
  search?: string;
};

/** A subject of a round not self-assessed yet (ratingRoundPending). */
export type PendingSubject = {
  subjectKind: RatingSubjectKind;
  memberId: string | null;
  organisationId: string | null;
  name: string;
  /** Null when outside the caller's scope. */
  parentOrganisationId: string | null;
  organisationName: string;
};

export type OpenRoundInput = { organisationId: string; year: number; title?: string; selfAssessmentDue: IsoDate; proposalDue: IsoDate; decisionDue: IsoDate };

export type SelfAssessmentInput = {
  roundId: string;
  memberId?: string;
  organisationId?: string;
  generalPoints: number;
  taskPoints: number;
  tasks: TaskCounts;
  shortcomingsFixed?: boolean;
  note?: string;
};

export type ProposeInput = { ratingId: string; level: RatingLevel; note?: string };

export type DecideInput = { ratingId: string; level: RatingLevel; reason?: string; quotaOverrideReason?: string };
