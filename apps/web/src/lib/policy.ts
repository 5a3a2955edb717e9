import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from './api-error';
import { DEFAULT_SCORE_SHEET, validateScoreSheet, type ScoreSheet, type IsoDate } from './domain';
import { graphql } from '../gql';
import { request } from './graphql-client';

// The policy in force for an organisation on a date (national defaults merged with provincial overrides):
// the score sheet and the meeting thresholds. Shared by the meeting page and the visitor's scoring sheet.

export type MeetingPolicy = {
  minAttendancePercent: number;
  minDurationMinutes: number;
  minCombinedDurationMinutes: number;
  minutesDueDays: number;
  scoreGapWarn: number;
};

export type PolicyView = {
  scoreSheet: ScoreSheet;
  meeting: MeetingPolicy;
  /** false when the policy could not be read (e.g. a visitor without a grant on the cell): defaults are shown. */
  fromServer: boolean;
};

const POLICY = graphql(`
  query Policy($organisationId: ID!, $asOf: Date) {
    policy(organisationId: $organisationId, asOf: $asOf)
  }
`);

const DEFAULT_MEETING: MeetingPolicy = {
  minAttendancePercent: 85,
  minDurationMinutes: 90,
  minCombinedDurationMinutes: 120,
  minutesDueDays: 3,
  scoreGapWarn: 15,
};

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export const toPolicyView = (raw: unknown): PolicyView => {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    scoreSheet?: unknown;
    meeting?: Record<string, unknown>;
  };
  const sheetOk = p.scoreSheet !== undefined && validateScoreSheet(p.scoreSheet).length === 0;
  const m = p.meeting ?? {};
  return {
    scoreSheet: sheetOk ? (p.scoreSheet as ScoreSheet) : DEFAULT_SCORE_SHEET,
    meeting: {
      minAttendancePercent: num(m.minAttendancePercent, DEFAULT_MEETING.minAttendancePercent),
      minDurationMinutes: num(m.minDurationMinutes, DEFAULT_MEETING.minDurationMinutes),
      minCombinedDurationMinutes: num(m.minCombinedDurationMinutes, DEFAULT_MEETING.minCombinedDurationMinutes),
      minutesDueDays: num(m.minutesDueDays, DEFAULT_MEETING.minutesDueDays),
      scoreGapWarn: num(m.scoreGapWarn, DEFAULT_MEETING.scoreGapWarn),
    },
    fromServer: sheetOk,
  };
};

/**
 * The policy of an organisation on a date. A caller who may not read the organisation (NOT_FOUND /
 * FORBIDDEN, e.g. an assigned visitor without a grant on the cell) gets the national defaults, marked
 * `fromServer: false`, so the screen can say so; the API validates the scores against the real sheet anyway.
 */
export const policyQueryOptions = (organisationId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: ['policy', 'organisation', { organisationId, asOf }] as const,
    queryFn: async ({ signal }) => {
      try {
        return toPolicyView((await request(POLICY, { organisationId, asOf }, { signal })).policy);
      } catch (error) {
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
          return { ...toPolicyView(null), fromServer: false };
        }
        throw error;
      }
    },
    staleTime: 10 * 60_000,
  });

export const usePolicy = (organisationId: string | null | undefined, asOf: IsoDate) =>
  useQuery({ ...policyQueryOptions(organisationId ?? '', asOf), enabled: Boolean(organisationId) });
