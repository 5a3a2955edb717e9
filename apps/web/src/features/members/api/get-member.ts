import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { memberKeys } from './keys';
import type { MemberQuery } from '../../../gql/graphql';

export type MemberDetail = MemberQuery['member'];
export type MemberEvent = MemberDetail['events'][number];
export type Discipline = MemberDetail['disciplines'][number];
export type MemberAttendanceHistory = MemberDetail['attendanceHistory'];
export type PartyAge = NonNullable<MemberDetail['partyAge']>;
import type { IsoDate } from '../../../lib/domain';

const MEMBER = graphql(`
  query Member($id: ID!, $asOf: Date) {
    member(id: $id, asOf: $asOf) {
      id fullName birthDate gender ethnicity religion homeTown residence nationalId
      cardNumber fileNumber leftOn admissionDecisionDate ceremonyDate fullMembershipDate introducers
      educationGeneral educationProfessional politicalTheory job post courseCompletedOn admissionAgeApproval
      status exemption temporarilyAway allowedEvents
      organisation { id name ancestors { id } }
      partyAge { years months }
      probationState probationEnd recognitionDeadline
      nextBadge { milestone reachedOn awardOn }
      events {
        id type effectiveOn organisationId toOrganisationId externalOrganisation reason note endOn recordedAt
      }
      disciplines { id form decidingBody decidedOn reason }
      attendanceHistory(page: { limit: 100 }) {
        from to total notRecorded rate { present expected percent }
        items { meetingId date kind title cellName status late canOpen }
      }
    }
  }
`);

export const memberQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: memberKeys.detail(id, asOf),
    queryFn: ({ signal }) => request(MEMBER, { id, asOf }, { signal }).then((d) => d.member),
  });

export const useMember = (id: string, asOf: IsoDate) => useQuery(memberQueryOptions(id, asOf));
