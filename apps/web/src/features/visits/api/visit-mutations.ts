import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql, request } from '../../../lib/graphql-client';
import { VISIT_FIELDS } from './fields';
import { visitKeys } from './keys';
import type { RecordVisitInput, Visit } from './types';

const RECORD_VISIT = graphql<{ recordVisit: Visit }, { input: RecordVisitInput }>(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) { ${VISIT_FIELDS} }
  }
`);

const SUBMIT_REPORT = graphql<{ submitVisitReport: boolean }, { month: string; note?: string }>(`
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
