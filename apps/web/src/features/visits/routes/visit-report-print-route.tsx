import '../locale';
import { useQueries } from '@tanstack/react-query';
import { formatMonth } from '../../../lib/format';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { organisationNameQueryOptions } from '../../../components/organisation-link';
import { ReportDocument, ReportLoading, ReportPage, useReportOrganisation } from '../../../components/report-print';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import type { ScoreLevel, VisitReportState, IsoDate } from '../../../lib/domain';
import { isMonthKey, lastDayOfMonth } from '../../../lib/url-params';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useVisitReport } from '../api/get-visit-report';

// /visit-report/print?organisationId=<id>&month=YYYY-MM(&asOf): the committee's monthly report on its visitors as a
// printable report (outside the app shell). The screen's own query (visitReport) with the same parameters: one line
// per visitor with the same counts, then each visit with the score and the guidance, and the cells not visited.
export const VisitReportPrintRoute = () => {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const [params] = useSearchParams();
  const month = isMonthKey(params.get('month')) ? (params.get('month') as string) : todayIso().slice(0, 7);
  const monthEnd = lastDayOfMonth(month);
  const orgParam = params.get('organisationId');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const report = useVisitReport(orgId, month, asOf);
  const lines = report.data?.lines ?? [];
  const organisation = useReportOrganisation(orgId, monthEnd);

  // cell names as the screen resolves them: a visited cell as on the visit's day, a cell not visited at the month's end
  const wanted = new Map<string, { id: string; asOf: IsoDate }>();
  for (const l of lines) {
    for (const v of l.items) wanted.set(`${v.cellId}@${v.date}`, { id: v.cellId, asOf: v.date });
    for (const id of l.cellsNotVisited) wanted.set(`${id}@${monthEnd}`, { id, asOf: monthEnd });
  }
  const keys = [...wanted.keys()];
  const names = useQueries({ queries: [...wanted.values()].map((w) => organisationNameQueryOptions(w.id, w.asOf)) });
  const nameOf = (id: string, on: IsoDate) => {
    const q = names[keys.indexOf(`${id}@${on}`)];
    return q?.data ?? t('common.unknownOrganisation');
  };

  const ready = Boolean(report.data && !organisation.isPending && names.every((q) => !q.isPending));
  const title = t('reportPrint.visits.title', { month: formatMonth(month) });
  const state = (s: string) =>
    i18n.exists(`visits.reportState.${s}`) ? t(`visits.reportState.${s as VisitReportState}`) : s;
  const visits = lines.flatMap((l) => l.items.map((v) => ({ ...v, visitorName: l.visitorName })));
  const notVisited = lines.filter((l) => l.cellsNotVisited.length > 0);

  return (
    <ReportPage title={title} ready={ready}>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data || !ready ? (
        <ReportLoading />
      ) : (
        <ReportDocument
          organisation={organisation.data ?? null}
          title={title}
          subtitle={t('reportPrint.visits.subtitle', { from: f.date(`${month}-01`), to: f.date(monthEnd) })}
          testId="visit-report-report"
        >
          <div className="report-h2">{t('reportPrint.visits.byVisitor')}</div>
          <table className="report-table" data-testid="report-table">
            <thead>
              <tr>
                <th>{t('reportPrint.no')}</th>
                <th>{t('visits.report.visitor')}</th>
                <th>{t('visits.report.assignedCells')}</th>
                <th>{t('visits.report.visits')}</th>
                <th>{t('visits.report.scored')}</th>
                <th>{t('visits.report.unscored')}</th>
                <th>{t('visits.report.notVisitedCount')}</th>
                <th>{t('visits.report.state')}</th>
                <th>{t('visits.report.due')}</th>
                <th>{t('reportPrint.visits.submittedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.length === 0 && (
                <tr>
                  <td colSpan={10}>{t('visits.report.empty')}</td>
                </tr>
              )}
              {lines.map((l, i) => (
                <tr key={l.visitorUserId} data-testid="report-row" data-visitor-id={l.visitorUserId}>
                  <td className="num">{f.number(i + 1)}</td>
                  <td className="report-name">{l.visitorName}</td>
                  <td className="num" data-figure="assignedCells">
                    {f.number(l.assignedCells)}
                  </td>
                  <td className="num" data-figure="visits">
                    {f.number(l.visits)}
                  </td>
                  <td className="num" data-figure="scored">
                    {f.number(l.scored)}
                  </td>
                  <td className="num" data-figure="unscored">
                    {f.number(l.unscored)}
                  </td>
                  <td className="num" data-figure="notVisited">
                    {f.number(l.cellsNotVisited.length)}
                  </td>
                  <td className="num" data-figure="state">
                    {state(l.state)}
                  </td>
                  <td className="num">{f.date(l.dueOn)}</td>
                  <td className="num">{l.submittedOn ? f.date(l.submittedOn) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {visits.length > 0 && (
            <>
              <div className="report-h2">{t('reportPrint.visits.details')}</div>
              <table className="report-table" data-testid="report-visits">
                <thead>
                  <tr>
                    <th>{t('reportPrint.no')}</th>
                    <th>{t('reportPrint.visits.visitor')}</th>
                    <th>{t('visits.columns.date')}</th>
                    <th>{t('visits.columns.cell')}</th>
                    <th>{t('visits.columns.attended')}</th>
                    <th>{t('visits.columns.score')}</th>
                    <th>{t('visits.columns.guidance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visits.map((v, i) => (
                    <tr key={v.id}>
                      <td className="num">{f.number(i + 1)}</td>
                      <td className="report-name">{v.visitorName}</td>
                      <td className="num">{f.date(v.date)}</td>
                      <td className="report-name">{nameOf(v.cellId, v.date)}</td>
                      <td className="num">{v.attended ? t('common.yes') : t('common.no')}</td>
                      <td className="num">
                        {v.total !== null
                          ? `${t('meetings.visits.score', { total: f.number(v.total), max: f.number(v.maxTotal) })}${
                              v.level && i18n.exists(`meeting.scoreLevel.${v.level}`)
                                ? ` (${t(`meeting.scoreLevel.${v.level as ScoreLevel}`)})`
                                : ''
                            }`
                          : t('meetings.visits.unscored')}
                      </td>
                      <td>{v.guidance || t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {notVisited.length > 0 && (
            <>
              <div className="report-h2">{t('visits.report.cellsNotVisited')}</div>
              {notVisited.map((l) => (
                <p key={l.visitorUserId} className="report-p">
                  {l.visitorName}: {l.cellsNotVisited.map((id) => nameOf(id, monthEnd)).join('; ')}.
                </p>
              ))}
            </>
          )}
        </ReportDocument>
      )}
    </ReportPage>
  );
};
