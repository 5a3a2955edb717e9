import type { CommitteeRole, IsoDate, IsoDateTime, OrganisationKind } from '../../../lib/api-types';

export type OrganisationNode = {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  childCount: number;
};

export type OrganisationRef = { id: string; name: string };

export type OrganisationChild = OrganisationNode & {
  dissolvedOn: IsoDate | null;
  memberCount: number;
  fullMemberCount: number;
  probationaryCount: number;
};

// message is Vietnamese, messageEn English (both worded by the API from the flag's params)
export type OrganisationFlag = { code: string; severity: string; message: string; messageEn: string };

export type CommitteeSeat = {
  id: string;
  role: CommitteeRole;
  from: IsoDate;
  to: IsoDate | null;
  member: { id: string; fullName: string } | null; // null when the holder is outside the caller's scope
};

export type OrganisationChange = {
  id: string;
  type: string;
  effectiveOn: IsoDate;
  note: string | null;
  fromParentId: string | null;
  toParentId: string | null;
  relatedId: string | null;
  recordedAt: IsoDateTime;
};

export type OrganisationDetail = {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  levelName: string | null;
  unitServed: string | null;
  establishedOn: IsoDate | null;
  dissolvedOn: IsoDate | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  termType: string | null;
  hasCellCommittee: boolean;
  parent: OrganisationRef | null;
  ancestors: OrganisationRef[];
  flags: OrganisationFlag[];
  subtreeCounts: {
    organisations: number;
    byKind: { kind: OrganisationKind; count: number }[];
    members: number;
    fullMembers: number;
    probationaryMembers: number;
  };
  committee: CommitteeSeat[];
  children: OrganisationChild[];
  history: OrganisationChange[];
};
