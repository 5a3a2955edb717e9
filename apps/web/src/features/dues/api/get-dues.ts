import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { DuesFiguresQuery, DuesSheetQuery, MemberDuesQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { duesKeys, type DuesParams } from './keys';

export type DuesFigures = DuesFiguresQuery['duesFigures'];
export type DuesFiguresRow = DuesFigures['total'];
export type DuesMemberYear = DuesSheetQuery['duesSheet']['items'][number];
export type DuesMonth = DuesMemberYear['months'][number];
export type MemberDues = MemberDuesQuery['memberDues'];

/** Rows of the sheet per page (the sheet is wide: twelve months). */
export const SHEET_PAGE = 50;
/** Rows fetched at once for one cell (the meeting attendance sheet): a cell has at most a few dozen members. */
export const CELL_SHEET_LIMIT = 200;

const FIGURES = graphql(`
  query DuesFigures($organisationId: ID!, $year: Int!) {
    duesFigures(organisationId: $organisationId, year: $year) {
      year throughMonth
      total { organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis }
      children {
        organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis
        organisation { id code name }
      }
    }
  }
`);

graphql(`
  fragment DuesMemberYearFields on DuesMemberYear {
    memberId fullName organisationId year dueTotal paidTotal paidAhead unpaidMonths shortMonths unknownMonths outstanding inArrears
    months { month organisationId due standard reason deferred paid }
  }
`);

const SHEET = graphql(`
  query DuesSheet($organisationId: ID!, $year: Int!, $page: PageInput) {
    duesSheet(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }
  }
`);

const ARREARS = graphql(`
  query DuesArrears($organisationId: ID!, $year: Int!, $page: PageInput) {
    duesArrears(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }
  }
`);

const MEMBER = graphql(`
  query MemberDues($memberId: ID!, $year: Int!) {
    memberDues(memberId: $memberId, year: $year) {
      year { ...DuesMemberYearFields }
      payments { id month amount paidOn channel note recordedBy cancelledAt cancelReason }
      bases { id from to basis amount note }
      reliefs { id kind percent from to decidedOn reason }
    }
  }
`);

const NO_PARAMS: DuesParams = { organisationId: '', year: 0 };

const figuresQueryOptions = (params: DuesParams) =>
  queryOptions({
    queryKey: duesKeys.figures(params),
    queryFn: ({ signal }) => request(FIGURES, params, { signal }).then((d) => d.duesFigures),
  });

const sheetQueryOptions = (params: DuesParams, arrearsOnly: boolean, offset: number, limit = SHEET_PAGE) =>
  queryOptions({
    queryKey: duesKeys.sheet(params, arrearsOnly, offset, limit),
    queryFn: ({ signal }) => {
      const variables = { ...params, page: { offset, limit } };
      return arrearsOnly
        ? request(ARREARS, variables, { signal }).then((d) => d.duesArrears)
        : request(SHEET, variables, { signal }).then((d) => d.duesSheet);
    },
  });

export const useDuesFigures = (params: DuesParams | null) =>
  useQuery({
    ...figuresQueryOptions(params ?? NO_PARAMS),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

export const useDuesSheet = (params: DuesParams | null, arrearsOnly: boolean, offset: number) =>
  useQuery({
    ...sheetQueryOptions(params ?? NO_PARAMS, arrearsOnly, offset),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

/**
 * A cell's whole sheet for a year in one request (the dues column of a meeting's attendance sheet); `params` null
 * when the viewer may not record dues there or the year has not started: nothing is asked.
 */
export const useCellDuesSheet = (params: DuesParams | null) =>
  useQuery({ ...sheetQueryOptions(params ?? NO_PARAMS, false, 0, CELL_SHEET_LIMIT), enabled: Boolean(params) });

export const useMemberDues = (memberId: string, year: number) =>
  useQuery({
    queryKey: duesKeys.member(memberId, year),
    queryFn: ({ signal }) => request(MEMBER, { memberId, year }, { signal }).then((d) => d.memberDues),
  });
