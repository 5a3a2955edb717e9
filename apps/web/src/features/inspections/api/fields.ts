import { graphql } from '../../../gql';
import type {
  InspectionDetailFieldsFragment,
  InspectionListFieldsFragment,
  PlanFieldsFragment,
} from '../../../gql/graphql';

export type InspectionListItem = InspectionListFieldsFragment;
export type InspectionDetail = InspectionDetailFieldsFragment;
export type SubjectDetail = InspectionDetail['subjects'][number];
export type Discipline = InspectionDetail['disciplines'][number];
export type InspectionPlan = PlanFieldsFragment;

// Fragments shared by the inspection queries and mutations (static text, never values).
export const INSPECTION_LIST_FIELDS = graphql(`
  fragment InspectionListFields on Inspection {
    id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget
    organisation { id name }
    subjects { memberId }
  }
`);

export const DISCIPLINE_FIELDS = graphql(`
  fragment DisciplineFields on Discipline {
    id memberId form decidingBody decidedOn reason
  }
`);

export const INSPECTION_DETAIL_FIELDS = graphql(`
  fragment InspectionDetailFields on Inspection {
    id organisationId planId body type title contentAreas method reviewFrom reviewTo plannedFrom plannedTo
    startedOn concludedOn state conclusion recommendation cancelledReason countsTowardTarget
    organisation { id name kind ancestors { id } }
    plan { id year organisationId }
    subjects {
      memberId selfReport strengths shortcomings violations conclusion
      member { id fullName status }
      discipline { ...DisciplineFields }
    }
    disciplines { ...DisciplineFields }
  }
`);

export const PLAN_FIELDS = graphql(`
  fragment PlanFields on InspectionPlan {
    id organisationId year purpose content subjectMemberIds reviewFrom reviewTo timing method adoptedOn note
    subjects { id fullName }
    inspections { id state }
  }
`);
