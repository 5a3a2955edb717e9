import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../lib/as-of';
import { graphql } from '../gql';
import type { ReportOrganisationQuery } from '../gql/graphql';
import { request } from '../lib/graphql-client';
import { useLanguage } from '../lib/use-language';
import type { IsoDate } from '../lib/domain';
import './report-print.css';

// The printable report tables committees send upward (/ratings/figures/print, /inspections/tracker/print,
// /visit-report/print), outside the app shell: a toolbar with "In" (window.print() on click only, hidden when
// printed) over an A4 landscape sheet laid out as a party document: the superior committee and the reporting
// organisation top left with "*" and the number line, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined top right with the place
// and date, the centred title, the table, and the signatures with blank lines for the names. The figures come from the
// screens' own queries and are formatted with the same helpers, so the sheet shows exactly what the screen shows.

export type ReportOrganisation = ReportOrganisationQuery['organisation'];

const ORGANISATION = graphql(`
  query ReportOrganisation($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id name kind parent { id name } }
  }
`);

/** The reporting organisation (name, kind, superior) as on the report's date, for the header and the signature. */
export const useReportOrganisation = (id: string | null, asOf: IsoDate | null) =>
  useQuery({
    queryKey: ['organisations', 'report', { id, asOf }] as const,
    queryFn: ({ signal }) => request(ORGANISATION, { id: id!, asOf: asOf! }, { signal }).then((d) => d.organisation),
    enabled: Boolean(id && asOf),
    staleTime: 10 * 60_000,
  });

const DOTS = '……………………';
const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

type PageProps = { title: string; ready: boolean; children: ReactNode };

/** The page around a report: its browser title and the toolbar; the sheet (or its loading state) is the child. */
export const ReportPage = ({ title, ready, children }: PageProps) => {
  const { t } = useTranslation();
  return (
    <div className="report-page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <Flex className="report-toolbar" wrap gap={8} align="center" justify="space-between">
        <Typography.Text strong>{title}</Typography.Text>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
          disabled={!ready}
          data-testid="report-print-button"
        >
          {t('reportPrint.print')}
        </Button>
      </Flex>
      {children}
    </div>
  );
};

export const ReportLoading = () => (
  <div className="report-doc report-doc--loading">
    <Skeleton active paragraph={{ rows: 10 }} />
  </div>
);

type DocumentProps = {
  organisation: ReportOrganisation | null;
  title: string;
  subtitle?: ReactNode;
  testId: string;
  children: ReactNode;
};

/** The sheet: header, title, the report's body (children) and the signature block. */
export const ReportDocument = ({ organisation, title, subtitle, testId, children }: DocumentProps) => {
  const { t } = useTranslation();
  const lng = useLanguage();
  const today = todayIso();
  const date = t('reportPrint.longDate', {
    day: today.slice(8, 10),
    month: today.slice(5, 7),
    year: today.slice(0, 4),
  });
  return (
    <article className="report-doc" lang={lng} data-testid={testId}>
      <header className="report-header">
        <div className="report-header__left">
          {organisation?.parent && <div data-testid="report-superior">{upper(organisation.parent.name)}</div>}
          <div className="report-strong" data-testid="report-organisation">
            {organisation ? upper(organisation.name) : DOTS}
          </div>
          <div className="report-star">*</div>
          <div className="report-number">{t(`reportPrint.number.${organisation?.kind ?? 'COMMITTEE'}`)}</div>
        </div>
        <div className="report-header__right">
          <div className="report-strong report-underline">{t('reportPrint.party')}</div>
          <div className="report-italic report-dateline">{t('reportPrint.placeDate', { place: DOTS, date })}</div>
        </div>
      </header>
      <h1 className="report-title" data-testid="report-title">
        {title}
      </h1>
      {subtitle && <div className="report-subtitle">{subtitle}</div>}
      <div className="report-rule" />
      {children}
      <div className="report-signatures">
        <div className="report-sign">
          <div className="report-strong">{t('reportPrint.preparer')}</div>
          <div className="report-italic report-small">{t('reportPrint.signHint')}</div>
          <div className="report-sign__space" />
          <div>{DOTS}</div>
        </div>
        <div className="report-sign">
          <div className="report-strong">{t(`reportPrint.onBehalf.${organisation?.kind ?? 'COMMITTEE'}`)}</div>
          <div className="report-strong">{t('reportPrint.secretary')}</div>
          <div className="report-italic report-small">{t('reportPrint.signHint')}</div>
          <div className="report-sign__space" />
          <div>{DOTS}</div>
        </div>
      </div>
    </article>
  );
};
