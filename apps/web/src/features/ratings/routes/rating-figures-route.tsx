import { FileExcelOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { PrintReportButton } from '../../../components/print-report-button';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useUrlParams } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useExportRatingFigures } from '../api/export-figures';
import { useRatingFigures } from '../api/get-figures';
import { useRatingRounds } from '../api/get-rounds';
import type { FiguresParams } from '../api/keys';
import { AdmissionCard } from '../components/admission-card';
import { FigureGroupCard } from '../components/figure-group-card';
import { FigureRowsDialog } from '../components/figure-rows-dialog';
import { YearSelect } from '../components/year-select';
import { decodeFigureList, encodeFigureList } from '../utils/figure-filter';
import { defaultFiguresYear, figuresYear, figuresYearParam, shownGroups } from '../utils/figures-view';

// The previous year's figures use that year's tree (31 December) unless an earlier as-of date was chosen (as the API does).
const previousParams = (p: FiguresParams, year: number): FiguresParams => ({
  organisationId: p.organisationId,
  year,
  ...(p.asOf && p.asOf < `${year}-12-31` ? { asOf: p.asOf } : {}),
});

// /ratings?org=<id>&year=YYYY(&asOf)(&list=<kind>:<which>&listYear=YYYY): the year's rating figures of an
// organisation's subtree in the reports' convention, the list behind any number (kept in the URL so it can be
// shared), admissions against the target, and the statistics table as an Excel workbook (GET /exports/rating-figures.xlsx) or as a
// printable report (/ratings/figures/print, in a new tab).
export const RatingFiguresRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { asOf, isToday } = useAsOf();
  const { params, update } = useUrlParams();
  const yearParam = figuresYearParam(params.get('year'));
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  // without ?year=: the latest year with decided results (the current one once its rounds are announced)
  const currentYear = Number(todayIso().slice(0, 4));
  const rounds = useRatingRounds(null, currentYear, yearParam === null && orgId !== null);
  const year =
    yearParam ??
    (rounds.data ? defaultFiguresYear(currentYear, rounds.data) : rounds.isError ? currentYear : null) ??
    figuresYear(null);
  const yearKnown = yearParam !== null || rounds.data !== undefined || rounds.isError;
  // the tree of the year's end (the reports' date) unless the header's "Xem tại ngày" picks another day
  const figuresParams: FiguresParams | null =
    orgId && yearKnown ? { organisationId: orgId, year, ...(isToday ? {} : { asOf }) } : null;
  const query = useRatingFigures(figuresParams);
  const exportXlsx = useExportRatingFigures();
  const { message } = useErrorMessage();
  const list = decodeFigureList(params.get('list'));
  const listYear = Number(params.get('listYear')) || year;
  const groups = shownGroups(query.data?.groups ?? []);

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('ratings.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('ratings.title')}
          </Typography.Title>
          {query.data && (
            <Typography.Text type="secondary">
              {t('ratings.subtitle', { year, asOf: f.date(query.data.asOf) })}
            </Typography.Text>
          )}
        </div>
        <Flex wrap gap={8}>
          <Link to={withParams(href(paths.ratingRounds), { org: orgId })}>
            <Button icon={<UnorderedListOutlined aria-hidden />}>{t('ratings.roundsLink')}</Button>
          </Link>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!figuresParams}
            loading={exportXlsx.isPending}
            data-testid="ratings-xlsx"
            onClick={() =>
              figuresParams && exportXlsx.mutate({ params: figuresParams, fileName: t('ratings.fileName', { year }) })
            }
          >
            {t('ratings.exportXlsx')}
          </Button>
          <PrintReportButton
            href={
              figuresParams
                ? withParams(paths.ratingFiguresPrint, {
                    organisationId: figuresParams.organisationId,
                    year: String(year),
                    asOf: figuresParams.asOf,
                  })
                : undefined
            }
            testId="ratings-print"
          />
        </Flex>
      </Flex>
      {exportXlsx.error != null && <Alert type="error" showIcon role="alert" title={message(exportXlsx.error)} />}
      <Card size="small">
        <FilterForm
          fields={[
            {
              id: 'ratings-org',
              label: t('ratings.organisation'),
              md: 16,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="ratings-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id, list: null, listYear: null })}
                />
              ),
            },
            {
              id: 'ratings-year',
              label: t('ratings.year'),
              md: 8,
              control: (
                <YearSelect
                  id="ratings-year"
                  value={year}
                  onChange={(y) => update({ year: y ? String(y) : null, list: null, listYear: null })}
                />
              ),
            },
          ]}
        />
      </Card>
      <Alert type="info" showIcon title={t('ratings.conventions')} data-testid="ratings-conventions" />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div className="section-gap" data-testid="rating-figures">
          {groups.map((g) => (
            <FigureGroupCard
              key={g.subjectKind}
              group={g}
              year={year}
              onOpen={(kind, key, y) =>
                update({ list: encodeFigureList(kind, key), listYear: y === year ? null : String(y) })
              }
            />
          ))}
        </div>
      )}
      {orgId && <AdmissionCard organisationId={orgId} year={year} />}
      {figuresParams && (
        <FigureRowsDialog
          params={listYear === year ? figuresParams : previousParams(figuresParams, listYear)}
          list={list}
          onClose={() => update({ list: null, listYear: null })}
        />
      )}
    </div>
  );
};
