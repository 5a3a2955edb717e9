import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { RecordVisitInput } from '../../../gql/graphql';

const RECORD_VISIT = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) { ...VisitFields }
  }
`);

const SUBMIT_REPORT = graphql(`
  mutation SubmitVisitReport($month: String!, $note: String) {
    submitVisitReport(month: $month, note: $note)
  }
`);

const useInvalidate = () => {
  const qc = useQueryClient();
  // the meeting page lists visits too
  return () => Promise.all([qc.invalidateQueries({ queryKey: visitKeys.all }), qc.invalidateQueries({ queryKey: ['meetings'] })]);
};

export const useRecordVisit = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: RecordVisitInput) => request(RECORD_VISIT, { input }).then((d) => d.recordVisit),
    onSuccess: () => invalidate(),
  });
};

export const useSubmitVisitReport = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { month: string; note?: string }) => request(SUBMIT_REPORT, v).then((d) => d.submitVisitReport),
    onSuccess: () => invalidate(),
  });
};
