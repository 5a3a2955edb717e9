import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { MeetingComplianceQuery } from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';
import { downloadExport } from '../../../lib/export-download';
import { request } from '../../../lib/graphql-client';

export type MeetingCompliance = MeetingComplianceQuery['meetingCompliance'];
export type CellCompliance = MeetingCompliance['cells'][number];
export type MissingMeeting = CellCompliance['missing'][number];

export type ComplianceParams = { organisationId: string; from: IsoDate; to: IsoDate; asOf: IsoDate };

const COMPLIANCE = graphql(`
  query MeetingCompliance($input: ComplianceInput!) {
    meetingCompliance(input: $input) {
      cellCount behindCount behindPercent attendancePercent
      counts { kind count }
      cells {
        behind regularHeld thematicHeld attendancePercent
        organisation { id name parent { id name } }
        missing { kind period dueOn }
      }
    }
  }
`);

// [feature, scope, params]; asOf is part of the params (obligations not yet due on it are not missing).
export const complianceKeys = {
  all: ['compliance'] as const,
  summary: (params: ComplianceParams) => ['compliance', 'summary', params] as const,
};

export const complianceQueryOptions = (params: ComplianceParams) =>
  queryOptions({
    queryKey: complianceKeys.summary(params),
    queryFn: ({ signal }) => request(COMPLIANCE, { input: params }, { signal }).then((d) => d.meetingCompliance),
  });

export const useCompliance = (params: ComplianceParams | null) =>
  useQuery({
    ...complianceQueryOptions(params ?? { organisationId: '', from: '', to: '', asOf: '' }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

// Run on a click, nothing cached: the whole table (every cell) as a workbook.
export const useExportCompliance = () =>
  useMutation({
    mutationFn: async (v: { params: ComplianceParams; fileName: string }) => {
      await downloadExport('meeting-compliance', { input: v.params }, v.fileName);
    },
  });
