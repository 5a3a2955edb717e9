import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

const MEETINGS_XLSX = graphql(`
  query MeetingsXlsx($filter: MeetingFilter) {
    meetingsXlsx(filter: $filter)
  }
`);

// Run on a click, nothing cached: every meeting of the calendar's filter (all pages) as a workbook.
export const useExportMeetings = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string | null; from: IsoDate; to: IsoDate; fileName: string }) => {
      const data = await request(MEETINGS_XLSX, { filter: { ...(v.organisationId ? { organisationId: v.organisationId } : {}), from: v.from, to: v.to } });
      saveBase64File(data.meetingsXlsx, v.fileName, XLSX_TYPE);
    },
  });
