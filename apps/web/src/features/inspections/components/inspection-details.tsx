import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { InspectionDetail } from '../api/fields';

/** The plan of an inspection: content areas, method, period under review, planned and actual dates. */
export const InspectionDetails = ({ inspection: i }: { inspection: InspectionDetail }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const none = t('common.none');
  const range = (from: string | null, to: string | null) =>
    from || to
      ? from && to && from !== to
        ? t('common.dateRange', { from: f.date(from), to: f.date(to) })
        : f.date(from ?? to)
      : none;
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.detail.plan')}</h2>}
      data-testid="inspection-details"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'body', label: t('inspections.fields.body'), children: t(`inspections.body.${i.body}`) },
          { key: 'type', label: t('inspections.fields.type'), children: t(`inspections.type.${i.type}`) },
          {
            key: 'areas',
            label: t('inspections.fields.contentAreas'),
            span: 'filled',
            children: i.contentAreas.length ? (
              <ul className="plain-list">
                {i.contentAreas.map((a, k) => (
                  <li key={k}>{a}</li>
                ))}
              </ul>
            ) : (
              none
            ),
          },
          { key: 'method', label: t('inspections.fields.method'), children: i.method || none },
          { key: 'review', label: t('inspections.fields.reviewPeriod'), children: range(i.reviewFrom, i.reviewTo) },
          { key: 'planned', label: t('inspections.fields.planned'), children: range(i.plannedFrom, i.plannedTo) },
          { key: 'started', label: t('inspections.fields.startedOn'), children: f.date(i.startedOn) || none },
          { key: 'concluded', label: t('inspections.fields.concludedOn'), children: f.date(i.concludedOn) || none },
          {
            key: 'counts',
            label: t('inspections.detail.countsTowardTarget'),
            children: i.countsTowardTarget ? (
              <Tag color="blue">{t('common.yes')}</Tag>
            ) : (
              t('inspections.detail.notCounted')
            ),
          },
          {
            key: 'yearPlan',
            label: t('inspections.detail.yearPlan'),
            children: i.plan ? (
              <Link
                to={withParams(href(paths.inspectionRecords), {
                  org: i.plan.organisationId,
                  year: String(i.plan.year),
                })}
              >
                {t('inspections.yearPlan.title', { year: i.plan.year })}
              </Link>
            ) : (
              none
            ),
          },
        ]}
      />
    </Card>
  );
};
