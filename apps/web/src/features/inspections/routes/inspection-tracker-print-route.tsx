import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ReportDocument, ReportLoading, ReportPage, useReportOrganisation } from '../../../components/report-print';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { summariseTarget } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useInspectionTarget } from '../api/get-target';
import type { TargetCell } from '../api/get-target';
import { yearParam } from '../components/year-select';
import { judgedOn } from '../utils/judged-on';

type Unit = { id: string; name: string; cells: TargetCell[] };

// The cells grouped by the organisation they sit directly under ("Trực thuộc"), units and cells in name/code order.
const byUnit = (cells: readonly TargetCell[], fallback: string): Unit[] => {
  const units = new Map<string, Unit>();
  for (const c of cells) {
    const id = c.parent?.id ?? '';
    const unit = units.get(id) ?? { id, name: c.parent?.name ?? fallback, cells: [] };
    unit.cells.push(c);
    units.set(id, unit);
  }
  const list = [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  for (const u of list) u.cells.sort((a, b) => a.organisation.code.localeCompare(b.organisation.code));
  return list;
};

const sum = (cells: readonly TargetCell[], key: 'required' | 'concluded') => cells.reduce((s, c) => s + c[key], 0);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

// /inspections/tracker/print?organisationId=<id>&year=YYYY&asOf=YYYY-MM-DD: the yearly inspection target as a
// printable report (outside the app shell). The tracker's own query (inspectionTarget, every cell) with the same
// parameters; the totals are the API's figures the screen shows ("229/321 chi bộ đạt chỉ tiêu (71,33%)", truncated),
// each unit's subtotal is libs' summariseTarget over its cells (the API's own totalling), then every cell.
export const InspectionTrackerPrintRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const [params] = useSearchParams();
  const year = yearParam(params.get('year'));
  const orgParam = params.get('organisationId');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const input = orgId ? { organisationId: orgId, year, asOf: judgedOn(year, asOf) } : null;
  const target = useInspectionTarget(input, 'ALL');
  const data = target.data;
  const organisation = useReportOrganisation(orgId, data?.referenceDate ?? null);
  const ready = Boolean(data && !target.isPlaceholderData && !organisation.isPending);
  const pct = (v: number | null) => (v === null ? t('common.none') : f.percent(v));
  const title = t('reportPrint.inspections.title', { year });
  const units = data ? byUnit(data.cells, data.organisation.name) : [];
  const n = (v: number) => <td className="num">{f.number(v)}</td>;

  return (
    <ReportPage title={title} ready={ready}>
      {target.isError ? (
        <QueryError error={target.error} onRetry={() => void target.refetch()} />
      ) : !data || !ready ? (
        <ReportLoading />
      ) : (
        <ReportDocument
          organisation={organisation.data ?? null}
          title={title}
          subtitle={t('inspections.tracker.subtitle', { year, asOf: f.date(data.referenceDate) })}
          testId="inspection-target-report"
        >
          <p className="report-p" data-testid="report-headline">
            {t('reportPrint.inspections.headline', {
              met: f.number(data.metCount),
              total: f.number(data.subjectCount),
              percent: pct(data.percent),
              projected: f.number(data.projectedMetCount),
              projectedPercent: pct(data.projectedPercent),
              concluded: f.number(data.concludedTotal),
            })}
          </p>
          <div className="report-h2">{t('reportPrint.inspections.byUnit')}</div>
          <table className="report-table" data-testid="report-units">
            <thead>
              <tr>
                <th>{t('reportPrint.no')}</th>
                <th>{t('inspections.tracker.parent')}</th>
                <th>{t('reportPrint.inspections.cells')}</th>
                <th>{t('reportPrint.inspections.required')}</th>
                <th>{t('reportPrint.inspections.concluded')}</th>
                <th>{t('reportPrint.inspections.cellsMet')}</th>
                <th>{t('reportPrint.percent')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u, i) => {
                const s = summariseTarget(u.cells);
                return (
                  <tr key={u.id} data-testid="report-unit">
                    <td className="num">{roman(i + 1)}</td>
                    <td>{u.name}</td>
                    {n(s.subjectCount)}
                    {n(sum(u.cells, 'required'))}
                    {n(sum(u.cells, 'concluded'))}
                    {n(s.metCount)}
                    <td className="num">{pct(s.percent)}</td>
                  </tr>
                );
              })}
              <tr className="report-row--total" data-testid="report-total">
                <td />
                <td>{t('reportPrint.total')}</td>
                <td className="num" data-figure="subjects">
                  {f.number(data.subjectCount)}
                </td>
                <td className="num" data-figure="required">
                  {f.number(sum(data.cells, 'required'))}
                </td>
                <td className="num" data-figure="concluded">
                  {f.number(data.concludedTotal)}
                </td>
                <td className="num" data-figure="met">
                  {f.number(data.metCount)}
                </td>
                <td className="num" data-figure="percent">
                  {pct(data.percent)}
                </td>
              </tr>
            </tbody>
          </table>
          <div className="report-h2">{t('reportPrint.inspections.byCell')}</div>
          <table className="report-table" data-testid="report-cells">
            <thead>
              <tr>
                <th>{t('reportPrint.no')}</th>
                <th>{t('inspections.tracker.cell')}</th>
                <th>{t('inspections.tracker.hasCellCommittee')}</th>
                <th>{t('reportPrint.inspections.required')}</th>
                <th>{t('reportPrint.inspections.concluded')}</th>
                <th>{t('inspections.tracker.inProgress')}</th>
                <th>{t('inspections.tracker.planned')}</th>
                <th>{t('inspections.tracker.missing')}</th>
                <th>{t('inspections.tracker.state')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u, i) => (
                <Fragment key={u.id}>
                  <tr className="report-row--group">
                    <td className="num">{roman(i + 1)}</td>
                    <td colSpan={8}>{u.name}</td>
                  </tr>
                  {u.cells.map((c, j) => (
                    <tr key={c.organisation.id} data-testid="report-cell" data-org-id={c.organisation.id}>
                      <td className="num">{f.number(j + 1)}</td>
                      <td>{c.organisation.name}</td>
                      <td className="num">{c.hasCellCommittee ? t('common.yes') : t('common.no')}</td>
                      <td className="num" data-figure="required">
                        {f.number(c.required)}
                      </td>
                      <td className="num" data-figure="concluded">
                        {f.number(c.concluded)}
                      </td>
                      {n(c.inProgress)}
                      {n(c.planned)}
                      {n(c.missing)}
                      <td className="num" data-figure="state">
                        {c.met
                          ? t('inspections.tracker.met')
                          : c.onPace
                            ? t('inspections.tracker.behindOnPace')
                            : t('inspections.tracker.behind')}
                      </td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
          <p className="report-note">{t('inspections.tracker.rule', { date: f.date(data.referenceDate) })}</p>
        </ReportDocument>
      )}
    </ReportPage>
  );
};
