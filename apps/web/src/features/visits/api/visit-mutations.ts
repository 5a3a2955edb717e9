import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
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

export const useRecordVisit = () =>
  useApiMutation('recordVisit', (input: RecordVisitInput) =>
    request(RECORD_VISIT, { input }).then((d) => d.recordVisit),
  );

export const useSubmitVisitReport = () =>
  useApiMutation('submitVisitReport', (v: { month: string; note?: string }) =>
    request(SUBMIT_REPORT, v).then((d) => d.submitVisitReport),
  );
