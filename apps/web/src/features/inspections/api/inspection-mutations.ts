import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql, request } from '../../../lib/graphql-client';
import { INSPECTION_DETAIL_FIELDS, PLAN_FIELDS } from './fields';
import { inspectionKeys } from './keys';
import type {
  ConcludeInspectionInput,
  InspectionDetail,
  InspectionListFilter,
  InspectionPlan,
  InspectionPlanInput,
  PlanInspectionInput,
  StartInspectionInput,
  TargetParams,
} from './types';

const PLAN = graphql<{ planInspection: InspectionDetail }, { input: PlanInspectionInput }>(`
  mutation PlanInspection($input: PlanInspectionInput!) {
    planInspection(input: $input) { ${INSPECTION_DETAIL_FIELDS} }
  }
`);

const START = graphql<{ startInspection: InspectionDetail }, { id: string; input: StartInspectionInput }>(`
  mutation StartInspection($id: ID!, $input: StartInspectionInput!) {
    startInspection(id: $id, input: $input) { ${INSPECTION_DETAIL_FIELDS} }
  }
`);

const CONCLUDE = graphql<{ concludeInspection: InspectionDetail }, { id: string; input: ConcludeInspectionInput }>(`
  mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {
    concludeInspection(id: $id, input: $input) { ${INSPECTION_DETAIL_FIELDS} }
  }
`);

const CANCEL = graphql<{ cancelInspection: InspectionDetail }, { id: string; reason: string }>(`
  mutation CancelInspection($id: ID!, $reason: String!) {
    cancelInspection(id: $id, reason: $reason) { ${INSPECTION_DETAIL_FIELDS} }
  }
`);

const CREATE_PLAN = graphql<{ createInspectionPlan: InspectionPlan }, { input: InspectionPlanInput & { organisationId: string; year: number } }>(`
  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {
    createInspectionPlan(input: $input) { ${PLAN_FIELDS} }
  }
`);

const UPDATE_PLAN = graphql<{ updateInspectionPlan: InspectionPlan }, { id: string; input: InspectionPlanInput }>(`
  mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {
    updateInspectionPlan(id: $id, input: $input) { ${PLAN_FIELDS} }
  }
`);

const TARGET_XLSX = graphql<{ inspectionTargetXlsx: string }, { input: TargetParams }>(`
  query InspectionTargetXlsx($input: InspectionTargetInput!) {
    inspectionTargetXlsx(input: $input)
  }
`);

const RECORDS_XLSX = graphql<{ inspectionsXlsx: string }, { filter: InspectionListFilter }>(`
  query InspectionsXlsx($filter: InspectionFilter) {
    inspectionsXlsx(filter: $filter)
  }
`);

// Every change can move the records, the plan, the tracker, the coverage and the member's discipline history.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: inspectionKeys.all }), qc.invalidateQueries({ queryKey: ['members'] })]);
};

const useInspectionMutation = <V, R>(fn: (vars: V) => Promise<R>) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
};

export const usePlanInspection = () =>
  useInspectionMutation((input: PlanInspectionInput) => request(PLAN, { input }).then((d) => d.planInspection));

export const useStartInspection = () =>
  useInspectionMutation((v: { id: string; input: StartInspectionInput }) => request(START, v).then((d) => d.startInspection));

export const useConcludeInspection = () =>
  useInspectionMutation((v: { id: string; input: ConcludeInspectionInput }) => request(CONCLUDE, v).then((d) => d.concludeInspection));

export const useCancelInspection = () =>
  useInspectionMutation((v: { id: string; reason: string }) => request(CANCEL, v).then((d) => d.cancelInspection));

export const useCreateInspectionPlan = () =>
  useInspectionMutation((input: InspectionPlanInput & { organisationId: string; year: number }) =>
    request(CREATE_PLAN, { input }).then((d) => d.createInspectionPlan),
  );

export const useUpdateInspectionPlan = () =>
  useInspectionMutation((v: { id: string; input: InspectionPlanInput }) => request(UPDATE_PLAN, v).then((d) => d.updateInspectionPlan));

// Queries in the schema, but run on demand (a click), so mutations for TanStack Query: nothing cached.
export const useExportTarget = () =>
  useMutation({
    mutationFn: async (v: { input: TargetParams; fileName: string }) => {
      const data = await request(TARGET_XLSX, { input: v.input });
      saveBase64File(data.inspectionTargetXlsx, v.fileName, XLSX_TYPE);
    },
  });

export const useExportRecords = () =>
  useMutation({
    mutationFn: async (v: { filter: InspectionListFilter; fileName: string }) => {
      const data = await request(RECORDS_XLSX, { filter: v.filter });
      saveBase64File(data.inspectionsXlsx, v.fileName, XLSX_TYPE);
    },
  });
