import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ReportDocument, ReportLoading, ReportPage, useReportOrganisation } from '../../../components/report-print';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { RATING_LEVELS } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useRatingFigures } from '../api/get-figures';
import type { FiguresParams } from '../api/keys';
import { figuresYear, shownGroups } from '../utils/figures-view';

// /ratings/figures/print?organisationId=<id>&year=YYYY(&asOf): the rating statistics table committees send upward,
// printable (outside the app shell). The same query, parameters and groups as the figures screen (/ratings), the
// same number and percent formats: one row per subject kind with each level's count and share of those rated,
// "HTTNV trở lên", "trong đó HTXSNV" (a share of those HTTNV or better, as the reports state it) and the not rated.
export const RatingFiguresPrintRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf, isToday } = useAsOf();
  const [params] = useSearchParams();
  const year = figuresYear(params.get('year'));
  const orgParam = params.get('organisationId');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const figuresParams: FiguresParams | null = orgId
    ? { organisationId: orgId, year, ...(isToday ? {} : { asOf }) }
    : null;
  const query = useRatingFigures(figuresParams);
  const organisation = useReportOrganisation(orgId, query.data?.asOf ?? null);
  const data = query.data;
  const ready = Boolean(data && !query.isPlaceholderData && !organisation.isPending);
  const groups = shownGroups(data?.groups ?? []);
  const pct = (v: number | null) => (v === null ? t('common.none') : f.percent(v));
  const title = t('reportPrint.ratings.title', { year });

  return (
    <ReportPage title={title} ready={ready}>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data || !ready ? (
        <ReportLoading />
      ) : (
        <ReportDocument
          organisation={organisation.data ?? null}
          title={title}
          subtitle={t('reportPrint.ratings.subtitle', { asOf: f.date(data.asOf) })}
          testId="rating-figures-report"
        >
          <table className="report-table" data-testid="report-table">
            <thead>
              <tr>
                <th rowSpan={2}>{t('reportPrint.no')}</th>
                <th rowSpan={2}>{t('reportPrint.ratings.subject')}</th>
                <th rowSpan={2}>{t('ratings.figures.total')}</th>
                <th rowSpan={2}>{t('ratings.figures.rated')}</th>
                {RATING_LEVELS.map((level) => (
                  <th key={level} colSpan={2}>
                    {t(`ratings.level.${level}`)} ({level})
                  </th>
                ))}
                <th colSpan={2}>{t('ratings.figures.wellOrBetter')}</th>
                <th rowSpan={2}>{t('ratings.figures.excellentOfWell')}</th>
                <th rowSpan={2}>{t('ratings.figures.notRated')}</th>
              </tr>
              <tr>
                {[...RATING_LEVELS, 'well'].map((key) => [
                  <th key={`${key}-count`}>{t('ratings.figures.count')}</th>,
                  <th key={`${key}-percent`}>{t('reportPrint.percent')}</th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {groups.map((g, i) => {
                const c = g.current;
                const cell = (field: string, text: string) => (
                  <td className="num" data-figure={field}>
                    {text}
                  </td>
                );
                return (
                  <tr key={g.subjectKind} data-testid="report-row" data-kind={g.subjectKind}>
                    <td className="num">{f.number(i + 1)}</td>
                    <td className="report-name">{t(`ratings.subjectKind.${g.subjectKind}`)}</td>
                    {cell('total', f.number(c.total))}
                    {cell('rated', f.number(c.rated))}
                    {RATING_LEVELS.map((level, j) => [
                      <td key={`${level}-count`} className="num" data-figure={`${level}.count`}>
                        {f.number(c.levels[j].count)}
                      </td>,
                      <td key={`${level}-percent`} className="num" data-figure={`${level}.percent`}>
                        {pct(c.levels[j].percent)}
                      </td>,
                    ])}
                    {cell('well.count', f.number(c.wellCompletedOrBetter.count))}
                    {cell('well.percent', pct(c.wellCompletedOrBetter.percent))}
                    {cell('excellentOfWell.percent', pct(c.excellentOfWellCompletedOrBetter))}
                    {cell('notRated.count', f.number(c.notRated))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="report-h2">{t('reportPrint.ratings.summaryHeading')}</div>
          {groups.map((g) => {
            const c = g.current;
            const failed = c.levels[RATING_LEVELS.indexOf('KHTNV')];
            return (
              <p key={g.subjectKind} className="report-p" data-testid="report-summary" data-kind={g.subjectKind}>
                {t('reportPrint.ratings.summary', {
                  kind: t(`ratings.subjectKind.${g.subjectKind}`),
                  total: f.number(c.total),
                  rated: f.number(c.rated),
                  well: f.number(c.wellCompletedOrBetter.count),
                  wellPercent: pct(c.wellCompletedOrBetter.percent),
                  excellent: f.number(c.levels[0].count),
                  excellentPercent: pct(c.excellentOfWellCompletedOrBetter),
                  failed: f.number(failed.count),
                  failedPercent: pct(failed.percent),
                  notRated: f.number(c.notRated),
                })}
              </p>
            );
          })}
          <p className="report-note">{t('reportPrint.ratings.note')}</p>
        </ReportDocument>
      )}
    </ReportPage>
  );
};
