import { useMutation } from '@tanstack/react-query';
import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import type {
  ConcludeInspectionInput,
  CreateInspectionPlanInput,
  InspectionPlanInput,
  PlanInspectionInput,
  StartInspectionInput,
} from '../../../gql/graphql';
import { downloadExport } from '../../../lib/export-download';
import { request } from '../../../lib/graphql-client';
import { type InspectionListFilter, type TargetParams } from './keys';

const PLAN = graphql(`
  mutation PlanInspection($input: PlanInspectionInput!) {
    planInspection(input: $input) { ...InspectionDetailFields }
  }
`);

const START = graphql(`
  mutation StartInspection($id: ID!, $input: StartInspectionInput!) {
    startInspection(id: $id, input: $input) { ...InspectionDetailFields }
  }
`);

const CONCLUDE = graphql(`
  mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {
    concludeInspection(id: $id, input: $input) { ...InspectionDetailFields }
  }
`);

const CANCEL = graphql(`
  mutation CancelInspection($id: ID!, $reason: String!) {
    cancelInspection(id: $id, reason: $reason) { ...InspectionDetailFields }
  }
`);

const CREATE_PLAN = graphql(`
  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {
    createInspectionPlan(input: $input) { ...PlanFields }
  }
`);

const UPDATE_PLAN = graphql(`
  mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {
    updateInspectionPlan(id: $id, input: $input) { ...PlanFields }
  }
`);

// What each write makes stale (records, plan, tracker, coverage, discipline history, dashboard): lib/invalidation.ts.

export const usePlanInspection = () =>
  useApiMutation('planInspection', (input: PlanInspectionInput) =>
    request(PLAN, { input }).then((d) => d.planInspection),
  );

export const useStartInspection = () =>
  useApiMutation('startInspection', (v: { id: string; input: StartInspectionInput }) =>
    request(START, v).then((d) => d.startInspection),
  );

export const useConcludeInspection = () =>
  useApiMutation('concludeInspection', (v: { id: string; input: ConcludeInspectionInput }) =>
    request(CONCLUDE, v).then((d) => d.concludeInspection),
  );

export const useCancelInspection = () =>
  useApiMutation('cancelInspection', (v: { id: string; reason: string }) =>
    request(CANCEL, v).then((d) => d.cancelInspection),
  );

export const useCreateInspectionPlan = () =>
  useApiMutation('createInspectionPlan', (input: CreateInspectionPlanInput) =>
    request(CREATE_PLAN, { input }).then((d) => d.createInspectionPlan),
  );

export const useUpdateInspectionPlan = () =>
  useApiMutation('updateInspectionPlan', (v: { id: string; input: InspectionPlanInput }) =>
    request(UPDATE_PLAN, v).then((d) => d.updateInspectionPlan),
  );

// Queries in the schema, but run on demand (a click), so mutations for TanStack Query: nothing cached.
export const useExportTarget = () =>
  useMutation({
    mutationFn: async (v: { input: TargetParams; fileName: string }) => {
      await downloadExport('inspection-target', { input: v.input }, v.fileName);
    },
  });

export const useExportRecords = () =>
  useMutation({
    mutationFn: async (v: { filter: InspectionListFilter; fileName: string }) => {
      await downloadExport('inspections', { filter: v.filter }, v.fileName);
    },
  });
