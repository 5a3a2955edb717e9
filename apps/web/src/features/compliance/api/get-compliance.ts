import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import type { IsoDate } from '../../../lib/api-types';
import type { MeetingKind } from '../../../lib/domain';
import { graphql, request } from '../../../lib/graphql-client';

export type MissingMeeting = { kind: string; period: string; dueOn: IsoDate };

export type CellCompliance = {
  organisation: { id: string; name: string; parent: { id: string; name: string } | null };
  behind: boolean;
  missing: MissingMeeting[];
  regularHeld: number;
  thematicHeld: number;
  attendancePercent: number | null;
};

export type MeetingCompliance = {
  cellCount: number;
  behindCount: number;
  behindPercent: number | null;
  attendancePercent: number | null;
  counts: { kind: MeetingKind; count: number }[];
  cells: CellCompliance[];
};

export type ComplianceParams = { organisationId: string; from: IsoDate; to: IsoDate; asOf: IsoDate };

const COMPLIANCE = graphql<{ meetingCompliance: MeetingCompliance }, { input: ComplianceParams }>(`
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

const ROOTS = graphql<{ scopeRoots: { id: string }[] }, { asOf: IsoDate }>(`
  query ComplianceScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id }
  }
`);

export const useComplianceRoot = (asOf: IsoDate, enabled: boolean) =>
  useQuery({
    queryKey: ['compliance', 'root', { asOf }] as const,
    queryFn: ({ signal }) => request(ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots[0]?.id ?? null),
    enabled,
  });

const COMPLIANCE_XLSX = graphql<{ meetingComplianceXlsx: string }, { input: ComplianceParams }>(`
  query MeetingComplianceXlsx($input: ComplianceInput!) {
    meetingComplianceXlsx(input: $input)
  }
`);

// Run on a click, nothing cached: the whole table (every cell) as a workbook.
export const useExportCompliance = () =>
  useMutation({
    mutationFn: async (v: { params: ComplianceParams; fileName: string }) => {
      const data = await request(COMPLIANCE_XLSX, { input: v.params });
      saveBase64File(data.meetingComplianceXlsx, v.fileName, XLSX_TYPE);
    },
  });
