import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { OrganisationDetail } from '../api/get-organisation';

/**
 * The organisation's record. chibo keeps one term per organisation (the current one); viewed as of a date before it
 * starts, the term is marked as not started yet on that date instead of being shown as the term of that date.
 */
export const OrganisationFacts = ({ organisation: o, asOf }: { organisation: OrganisationDetail; asOf: string }) => {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  const none = t('common.none');
  const term =
    o.termStart || o.termEnd
      ? o.termEnd
        ? t('common.dateRange', { from: formatDate(o.termStart) || none, to: formatDate(o.termEnd) })
        : t('common.dateFrom', { from: formatDate(o.termStart) })
      : none;
  const notStarted = Boolean(o.termStart && asOf < o.termStart);

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
      items={[
        { key: 'code', label: t('organisation.fields.code'), children: o.code },
        { key: 'kind', label: t('organisation.fields.kind'), children: t(`organisation.kind.${o.kind}`) },
        { key: 'level', label: t('organisation.fields.level'), children: o.levelName || none },
        { key: 'unit', label: t('organisation.fields.unitServed'), children: o.unitServed || none },
        { key: 'est', label: t('organisation.fields.establishedOn'), children: formatDate(o.establishedOn) || none },
        {
          key: 'dis',
          label: t('organisation.fields.dissolvedOn'),
          children: o.dissolvedOn ? <Tag color="default">{formatDate(o.dissolvedOn)}</Tag> : none,
        },
        {
          key: 'term',
          label: t('organisation.fields.term'),
          children: notStarted ? (
            <span data-testid="term-not-started">
              {term} <Tag>{t('organisation.termNotStarted', { date: formatDate(asOf) })}</Tag>
            </span>
          ) : (
            term
          ),
        },
        {
          key: 'termType',
          label: t('organisation.fields.termType'),
          children: o.termType ? label('organisation.termTypes', o.termType, 'common.otherCode') : none,
        },
      ]}
    />
  );
};
