import type { IsoDate, MemberStatus, OrganisationKind } from '../../../lib/api-types';
import type { InspectingBody, InspectionState, InspectionType } from '../../../lib/domain';

export const TARGET_FILTERS = ['ALL', 'MET', 'BEHIND', 'ON_PACE', 'OFF_PACE'] as const;
export type TargetFilter = (typeof TARGET_FILTERS)[number];

export type OrgRef = { id: string; name: string };

export type TargetCell = {
  organisation: OrgRef & { code: string };
  parent: OrgRef | null;
  hasCellCommittee: boolean;
  required: number;
  concluded: number;
  inProgress: number;
  planned: number;
  missing: number;
  met: boolean;
  onPace: boolean;
  projectedConcluded: number;
  joinedDuringYear: boolean;
};

export type InspectionTarget = {
  organisation: OrgRef;
  year: number;
  asOf: IsoDate;
  referenceDate: IsoDate;
  subjectCount: number;
  metCount: number;
  behindCount: number;
  percent: number | null;
  percentText: string;
  projectedMetCount: number;
  projectedPercent: number | null;
  concludedTotal: number;
  cells: TargetCell[];
};

export type CoverageCell = {
  organisation: OrgRef & { parent: OrgRef | null };
  members: number;
  supervised: number;
  percent: number | null;
  status: string;
  met: boolean;
};

export type SupervisionCoverage = {
  year: number;
  referenceDate: IsoDate;
  minPercent: number;
  maxPercent: number;
  cellCount: number;
  metCount: number;
  metPercent: number | null;
  members: number;
  supervised: number;
  percent: number | null;
  cells: CoverageCell[];
};

export type TargetParams = { organisationId: string; year: number; asOf: IsoDate };

export type InspectionListItem = {
  id: string;
  organisationId: string;
  organisation: OrgRef | null;
  body: InspectingBody;
  type: InspectionType;
  title: string;
  plannedFrom: IsoDate;
  plannedTo: IsoDate | null;
  startedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  state: InspectionState;
  countsTowardTarget: boolean;
  subjects: { memberId: string }[];
};

export type InspectionPage = { items: InspectionListItem[]; total: number; offset: number; limit: number };

export type InspectionListFilter = {
  organisationId: string;
  asOf: IsoDate;
  year: number;
  states?: InspectionState[];
  types?: InspectionType[];
};

export type Discipline = {
  id: string;
  memberId: string | null;
  form: string;
  decidingBody: string;
  decidedOn: IsoDate;
  reason: string | null;
};

export type SubjectDetail = {
  memberId: string;
  member: { id: string; fullName: string; status: MemberStatus } | null;
  selfReport: string | null;
  strengths: string | null;
  shortcomings: string | null;
  violations: string | null;
  conclusion: string | null;
  discipline: Discipline | null;
};

export type InspectionDetail = Omit<InspectionListItem, 'organisation' | 'subjects'> & {
  organisation: (OrgRef & { kind: OrganisationKind; ancestors: { id: string }[] }) | null;
  planId: string | null;
  plan: { id: string; year: number; organisationId: string } | null;
  contentAreas: string[];
  method: string | null;
  reviewFrom: IsoDate | null;
  reviewTo: IsoDate | null;
  conclusion: string | null;
  recommendation: string | null;
  cancelledReason: string | null;
  subjects: SubjectDetail[];
  disciplines: Discipline[];
};

export type InspectionPlan = {
  id: string;
  organisationId: string;
  year: number;
  purpose: string;
  content: string;
  subjectMemberIds: string[];
  subjects: { id: string; fullName: string }[];
  reviewFrom: IsoDate | null;
  reviewTo: IsoDate | null;
  timing: string | null;
  method: string | null;
  adoptedOn: IsoDate | null;
  note: string | null;
  inspections: { id: string; state: InspectionState }[];
};

export type InspectionPlanInput = {
  purpose?: string;
  content?: string;
  subjectMemberIds?: string[];
  reviewFrom?: IsoDate;
  reviewTo?: IsoDate;
  timing?: string;
  method?: string;
  adoptedOn?: IsoDate;
  note?: string;
};

export type PlanInspectionInput = {
  organisationId: string;
  planId?: string;
  body: InspectingBody;
  type: InspectionType;
  title: string;
  contentAreas?: string[];
  method?: string;
  reviewFrom?: IsoDate;
  reviewTo?: IsoDate;
  plannedFrom: IsoDate;
  plannedTo?: IsoDate;
  subjectMemberIds: string[];
};

export type DisciplineInput = { form: string; decidingBody?: string; decidedOn?: IsoDate; reason?: string };

export type SubjectFindingsInput = {
  memberId: string;
  selfReport?: string;
  strengths?: string;
  shortcomings?: string;
  violations?: string;
  conclusion?: string;
  discipline?: DisciplineInput;
};

export type StartInspectionInput = { startedOn: IsoDate; subjects?: SubjectFindingsInput[] };

export type ConcludeInspectionInput = {
  startedOn?: IsoDate;
  concludedOn: IsoDate;
  conclusion: string;
  recommendation?: string;
  subjects?: SubjectFindingsInput[];
};

export type OrganisationInfo = {
  id: string;
  name: string;
  kind: OrganisationKind;
  ancestors: { id: string }[];
};

export type CellMember = { id: string; fullName: string; status: MemberStatus };

export const CELL_KINDS: readonly OrganisationKind[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
export const isCellKind = (kind: OrganisationKind | null | undefined): boolean => Boolean(kind && CELL_KINDS.includes(kind));
/** Cells and committees inspect; a party group (tổ đảng) does not. */
export const inspectsKind = (kind: OrganisationKind | null | undefined): boolean => Boolean(kind && kind !== 'PARTY_GROUP');
