import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent, ORGANISATION_KINDS } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { useFormat } from '../../../lib/use-format';
import type { OrganisationDetail } from '../api/get-organisation';

type Counts = OrganisationDetail['subtreeCounts'];

/** The subtree's counts; a cell's page says "the cell" (a cell has no subtree of organisations to count). */
export const SubtreeCounts = ({ counts, asOf, isCell = false }: { counts: Counts; asOf: string; isCell?: boolean }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const byKind = [...counts.byKind]
    .filter((k) => k.count > 0)
    .sort((a, b) => ORGANISATION_KINDS.indexOf(a.kind) - ORGANISATION_KINDS.indexOf(b.kind));

  const share = (n: number) => {
    const p = percent(n, counts.members);
    return p === null ? undefined : t('organisation.counts.shareOfMembers', { percent: f.percent(p) });
  };
  const cards = [
    ...(isCell
      ? []
      : [
          {
            key: 'organisations',
            title: t('organisation.counts.organisations'),
            value: counts.organisations,
            note: undefined,
          },
        ]),
    { key: 'members', title: t('organisation.counts.members'), value: counts.members, note: undefined },
    {
      key: 'full',
      title: t('organisation.counts.fullMembers'),
      value: counts.fullMembers,
      note: share(counts.fullMembers),
    },
    {
      key: 'probationary',
      title: t('organisation.counts.probationaryMembers'),
      value: counts.probationaryMembers,
      note: share(counts.probationaryMembers),
    },
  ];

  return (
    <section aria-labelledby="subtree-counts-title" data-testid="subtree-counts">
      <h2 id="subtree-counts-title" className="section-title">
        {t(isCell ? 'organisation.counts.titleCell' : 'organisation.counts.title', { date: formatDate(asOf) })}
      </h2>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={c.title} value={c.value} formatter={(v) => f.number(Number(v))} />
              {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        {t('organisation.counts.definitions')}
      </Typography.Paragraph>
      {byKind.length > 0 && (
        <div className="kind-counts" aria-label={t('organisation.counts.byKind')} role="group">
          <span className="kind-counts__label">{t('organisation.counts.byKind')}:</span>
          {byKind.map((k) => (
            <Tag key={k.kind}>
              {t(`organisation.kind.${k.kind}`)}: <strong>{f.number(k.count)}</strong>
            </Tag>
          ))}
        </div>
      )}
    </section>
  );
};
