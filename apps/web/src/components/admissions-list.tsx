import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { graphql } from '../gql';
import type { AdmissionsQuery } from '../gql/graphql';
import { request } from '../lib/graphql-client';
import { paths, useAppHref } from '../lib/paths';
import { useFormat } from '../lib/use-format';
import { QueryError } from './ui/query-error';
import type { IsoDate } from '../lib/domain';

// The list behind every admissions figure (dashboard members.admissions, admissionProgress.admitted): the query
// admissions(organisationId, from, to, asOf), so its total is the figure. Shared by the dashboard drawer and the
// ratings screen, with its own small query (features do not import each other).

export const ADMISSIONS_PAGE_SIZE = 50;

export type AdmissionsParams = { organisationId: string; from: IsoDate; to: IsoDate; asOf: IsoDate };

type AdmissionRow = AdmissionsQuery['admissions']['items'][number];

const ADMISSIONS = graphql(`
  query Admissions($organisationId: ID!, $from: Date!, $to: Date!, $asOf: Date, $page: PageInput) {
    admissions(organisationId: $organisationId, from: $from, to: $to, asOf: $asOf, page: $page) {
      total
      items { memberId fullName admissionDecisionDate admittedIn { id name } organisation { id name } status }
    }
  }
`);

// Under the members feature's key prefix, so a member change (which invalidates ['members']) refreshes it.
const useAdmissions = (params: AdmissionsParams, page: number) =>
  useQuery({
    queryKey: ['members', 'admissions', { ...params, page }] as const,
    queryFn: ({ signal }) =>
      request(
        ADMISSIONS,
        { ...params, page: { offset: (page - 1) * ADMISSIONS_PAGE_SIZE, limit: ADMISSIONS_PAGE_SIZE } },
        { signal },
      ).then((d) => d.admissions),
  });

/** The admissions of a subtree in a period: name, decision date, the admitting cell, and where the member is on `asOf` if in scope. */
export const AdmissionsList = ({ params }: { params: AdmissionsParams }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const [page, setPage] = useState(1);
  const rows = useAdmissions(params, page);
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  const columns: ColumnsType<AdmissionRow> = [
    {
      key: 'name',
      title: t('admissionList.name'),
      // the member's record opens only when their cell on the date is in scope (otherwise it is NOT_FOUND)
      render: (_, a) => (a.organisation ? <Link to={href(paths.member(a.memberId))}>{a.fullName}</Link> : a.fullName),
    },
    {
      key: 'date',
      title: t('admissionList.decisionDate'),
      render: (_, a) => <span className="nowrap">{f.date(a.admissionDecisionDate)}</span>,
    },
    { key: 'admittedIn', title: t('admissionList.admittedIn'), render: (_, a) => a.admittedIn.name },
    {
      key: 'now',
      title: t('admissionList.now', { date: f.date(params.asOf) }),
      render: (_, a) =>
        a.organisation && a.status ? (
          <div>
            {a.organisation.name}
            <div>
              <Typography.Text type="secondary">{t(`member.status.${a.status}`)}</Typography.Text>
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('admissionList.outOfScope')}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      <p
        className="members-total"
        role="status"
        aria-live="polite"
        data-testid="figure-list-total"
        data-total={rows.data?.total ?? ''}
      >
        {rows.data
          ? t('admissionList.total', { n: f.number(rows.data.total), from: f.date(params.from), to: f.date(params.to) })
          : t('app.loading')}
      </p>
      <Table<AdmissionRow>
        rowKey="memberId"
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        columns={columns}
        scroll={{ x: 640 }}
        data-testid="figure-list-table"
        pagination={{
          current: page,
          pageSize: ADMISSIONS_PAGE_SIZE,
          total: rows.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
    </>
  );
};
