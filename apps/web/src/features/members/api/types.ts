import type { Gender, IsoDate, IsoDateTime, MemberStatus, ProbationState } from '../../../lib/api-types';

export type OrganisationRef = { id: string; name: string };
export type PartyAge = { years: number; months: number };

export type MemberListItem = {
  id: string;
  fullName: string;
  birthDate: IsoDate | null;
  status: MemberStatus;
  ceremonyDate: IsoDate | null;
  probationState: ProbationState;
  partyAge: PartyAge | null;
  organisation: OrganisationRef | null;
};

export type MemberPage = { items: MemberListItem[]; total: number; offset: number; limit: number };

export type MemberEvent = {
  id: string;
  type: string;
  effectiveOn: IsoDate;
  organisationId: string | null;
  toOrganisationId: string | null;
  externalOrganisation: string | null;
  reason: string | null;
  note: string | null;
  endOn: IsoDate | null;
  recordedAt: IsoDateTime;
};

export type Discipline = { id: string; form: string; decidingBody: string; decidedOn: IsoDate; reason: string | null };

export type MemberDetail = {
  id: string;
  fullName: string;
  birthDate: IsoDate | null;
  gender: Gender | null;
  ethnicity: string | null;
  religion: string | null;
  homeTown: string | null;
  residence: string | null;
  nationalId: string | null;
  cardNumber: string | null;
  fileNumber: string | null;
  leftOn: IsoDate | null;
  admissionDecisionDate: IsoDate | null;
  ceremonyDate: IsoDate | null;
  fullMembershipDate: IsoDate | null;
  introducers: string[];
  educationGeneral: string | null;
  educationProfessional: string | null;
  politicalTheory: string | null;
  job: string | null;
  post: string | null;
  status: MemberStatus;
  exemption: string | null;
  temporarilyAway: boolean;
  organisation: OrganisationRef | null;
  partyAge: PartyAge | null;
  probationState: ProbationState;
  probationEnd: IsoDate | null;
  recognitionDeadline: IsoDate | null;
  nextBadge: { milestone: number; reachedOn: IsoDate; awardOn: IsoDate } | null;
  events: MemberEvent[];
  disciplines: Discipline[];
};

export type OrganisationOption = { id: string; name: string; childCount: number };
