import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SecondaryText } from '../../../components/ui/light';
import { LightTable, type LightColumn } from '../../../components/ui/light-table';
import { useFormat } from '../../../lib/use-format';
import { lazyWithAntd } from '../../../app/antd-lazy';
import type { ChildFigures } from '../api/get-dashboard';
import type { DashboardLinks } from '../utils/links';
import { FigureLink } from './figure';
import { figureTone, NONE_BEHIND } from '../../../lib/domain';

const PAGE_SIZE = 50;
const MIN_WIDTH = 860;
// more children than one page (a province's committee): antd's table with its pager, loaded only then
const ChildrenTablePaged = lazyWithAntd(() => import('./children-table-paged').then((m) => m.ChildrenTablePaged));

/** Each direct child organisation's headline figures; its name re-opens the dashboard for it (drill-down). */
export const ChildrenTable = ({ rows, links }: { rows: ChildFigures[]; links: DashboardLinks }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  const columns: LightColumn<ChildFigures>[] = [
    {
      key: 'organisation',
      title: t('dashboard.children.organisation'),
      render: (c) => (
        <div>
          <Link to={links.dashboard(c.organisation.id)} data-testid="child-link">
            {c.organisation.name}
          </Link>
          <div>
            <SecondaryText className="compliance-parent">
              {t(`organisation.kind.${c.organisation.kind}`)} · {c.organisation.code}
            </SecondaryText>
          </div>
        </div>
      ),
    },
    {
      key: 'members',
      title: t('dashboard.children.members'),
      align: 'right',
      render: (c) => (
        <FigureLink
          to={links.members(undefined, c.organisation.id)}
          value={f.number(c.members)}
          label={t('dashboard.members.openTotal', { n: f.number(c.members) })}
          testId="child-members"
        />
      ),
    },
    {
      key: 'cellsBehind',
      title: t('dashboard.children.cellsBehind'),
      align: 'right',
      render: (c) => (
        <span className="nowrap">
          <FigureLink
            to={links.compliance(false, c.organisation.id)}
            value={f.number(c.cellsBehind)}
            tone={figureTone(c.cellsBehind, NONE_BEHIND)}
            label={t('dashboard.meetings.openBehind', { n: f.number(c.cellsBehind) })}
            testId="child-cells-behind"
          />
          {' / '}
          {f.number(c.cells)} {c.behindPercent === null ? '' : `(${f.percent(c.behindPercent)})`}
        </span>
      ),
    },
    {
      key: 'visits',
      title: t('dashboard.children.visitsBehind'),
      align: 'right',
      render: (c) => (
        <span className="nowrap">
          <FigureLink
            to={links.dashboard(c.organisation.id, 'visits:behind')}
            value={f.number(c.visitAssignmentsBehind)}
            tone={figureTone(c.visitAssignmentsBehind, NONE_BEHIND)}
            label={t('dashboard.visits.openBehind', { n: f.number(c.visitAssignmentsBehind) })}
            testId="child-visits-behind"
          />
          {' / '}
          {f.number(c.visitAssignments)}
        </span>
      ),
    },
    {
      key: 'alerts',
      title: t('dashboard.children.alerts'),
      align: 'right',
      render: (c) => (
        <span className="nowrap">
          <FigureLink
            to={links.alerts({}, c.organisation.id)}
            value={f.number(c.alerts)}
            label={t('dashboard.alerts.openAll', { n: f.number(c.alerts) })}
            testId="child-alerts"
          />{' '}
          {c.alertErrors > 0 ? t('dashboard.children.errors', { n: f.number(c.alertErrors) }) : none}
        </span>
      ),
    },
  ];
  const emptyText = t('dashboard.children.empty');
  if (rows.length > PAGE_SIZE) {
    return (
      <Suspense
        fallback={
          <LightTable
            rows={rows.slice(0, PAGE_SIZE)}
            columns={columns}
            rowKey={(c) => c.organisation.id}
            minWidth={MIN_WIDTH}
            emptyText={emptyText}
          />
        }
      >
        <ChildrenTablePaged rows={rows} columns={columns} emptyText={emptyText} minWidth={MIN_WIDTH} />
      </Suspense>
    );
  }
  return (
    <LightTable
      rows={rows}
      columns={columns}
      rowKey={(c) => c.organisation.id}
      minWidth={MIN_WIDTH}
      emptyText={emptyText}
      testId="children-table"
    />
  );
};
