import { Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { CoverageCell, SupervisionCoverage } from '../api/get-target';

/** Share of members supervised in the year against the policy range (30–50%), and the cells below its minimum. */
export const CoverageCard = ({ data }: { data: SupervisionCoverage }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const none = t('common.none');
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.coverage.title')}</h2>}
      data-testid="coverage-card"
    >
      <div className="section-gap">
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="coverage-members">
            {t('inspections.coverage.members', {
              supervised: f.number(data.supervised),
              members: f.number(data.members),
              percent: data.percent === null ? none : f.percent(data.percent),
            })}
          </Typography.Paragraph>
          <Progress
            percent={data.percent ?? 0}
            showInfo={false}
            status={data.percent !== null && data.percent >= data.minPercent ? 'success' : 'exception'}
            aria-label={t('inspections.coverage.progressLabel')}
          />
          <Typography.Text type="secondary">
            {t('inspections.coverage.range', { min: f.number(data.minPercent), max: f.number(data.maxPercent) })}
          </Typography.Text>
        </div>
        <Typography.Paragraph style={{ margin: 0 }} data-testid="coverage-cells">
          {t('inspections.coverage.cells', {
            met: f.number(data.metCount),
            total: f.number(data.cellCount),
            percent: data.metPercent === null ? none : f.percent(data.metPercent),
            min: f.number(data.minPercent),
          })}
        </Typography.Paragraph>
        <div>
          <h3 className="card-title" style={{ marginBottom: 8 }}>
            {t('inspections.coverage.belowTitle', { count: data.cells.length, min: f.number(data.minPercent) })}
          </h3>
          <Table<CoverageCell>
            rowKey={(c) => c.organisation.id}
            size="small"
            dataSource={data.cells}
            scroll={{ x: 600 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('inspections.coverage.noneBelow') }}
            data-testid="coverage-below-table"
            columns={[
              {
                key: 'cell',
                title: t('inspections.tracker.cell'),
                render: (_, c) => (
                  <div>
                    <Link
                      to={withParams(href(paths.inspectionRecords), {
                        org: c.organisation.id,
                        year: String(data.year),
                        type: 'REGULAR_SUPERVISION',
                      })}
                    >
                      {c.organisation.name}
                    </Link>
                    {c.organisation.parent && (
                      <div>
                        <Typography.Text type="secondary">{c.organisation.parent.name}</Typography.Text>
                      </div>
                    )}
                  </div>
                ),
              },
              {
                key: 'supervised',
                title: t('inspections.coverage.supervised'),
                align: 'right',
                render: (_, c) => <span className="num">{`${f.number(c.supervised)}/${f.number(c.members)}`}</span>,
              },
              {
                key: 'percent',
                title: t('inspections.coverage.share'),
                align: 'right',
                render: (_, c) => <span className="num">{c.percent === null ? none : f.percent(c.percent)}</span>,
              },
            ]}
          />
        </div>
      </div>
    </Card>
  );
};
