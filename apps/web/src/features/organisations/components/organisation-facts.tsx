import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { OrganisationDetail } from '../api/get-organisation';

/** How many earlier terms the record lists (the newest first); the rest are counted. */
const PAST_TERMS_SHOWN = 3;

/**
 * The organisation's record. The term is the one in force on the viewed date (the API answers termStart, termEnd and
 * termType for the as-of date from the organisation's term history); when no term had started by then, the API
 * answers the current term, marked as not started yet on that date. The terms before the one shown are listed below
 * it, newest first.
 */
export const OrganisationFacts = ({ organisation: o, asOf }: { organisation: OrganisationDetail; asOf: string }) => {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  const none = t('common.none');
  const range = (start: string | null | undefined, end: string | null | undefined) =>
    end
      ? t('common.dateRange', { from: formatDate(start) || none, to: formatDate(end) })
      : t('common.dateFrom', { from: formatDate(start) });
  const term = o.termStart || o.termEnd ? range(o.termStart, o.termEnd) : none;
  const notStarted = Boolean(o.termStart && asOf < o.termStart);
  const past = o.termStart ? (o.terms ?? []).filter((x) => x.start < o.termStart!) : [];
  const typeOf = (type: string | null | undefined) =>
    type ? label('organisation.termTypes', type, 'common.otherCode') : null;

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
          children: typeOf(o.termType) ?? none,
        },
        ...(past.length > 0
          ? [
              {
                key: 'pastTerms',
                label: t('organisation.fields.pastTerms'),
                children: (
                  <ul data-testid="past-terms" style={{ margin: 0, paddingInlineStart: 16 }}>
                    {past.slice(0, PAST_TERMS_SHOWN).map((x) => (
                      <li key={x.start}>
                        {range(x.start, x.end)}
                        {typeOf(x.type) ? ` (${typeOf(x.type)})` : ''}
                      </li>
                    ))}
                    {past.length > PAST_TERMS_SHOWN && (
                      <li>{t('organisation.pastTermsMore', { n: past.length - PAST_TERMS_SHOWN })}</li>
                    )}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
};
