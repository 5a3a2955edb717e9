import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCell, percent, ORGANISATION_KINDS, type OrganisationKind } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { useFormat } from '../../../lib/use-format';
import type { OrganisationDetail } from '../api/get-organisation';

type Counts = OrganisationDetail['subtreeCounts'];

/**
 * The heading of the counts, by the organisation's kind: only a committee (đảng bộ) has figures "toàn đảng bộ";
 * a cell (chi bộ) and a party group (tổ đảng) are not one.
 */
const TITLE_KEY = (kind: OrganisationKind) =>
  isCell(kind)
    ? 'organisation.counts.titleCell'
    : kind === 'PARTY_GROUP'
      ? 'organisation.counts.titleGroup'
      : 'organisation.counts.title';

/** The subtree's counts; a cell's page says "the cell" (a cell has no subtree of organisations to count). */
export const SubtreeCounts = ({ counts, asOf, kind }: { counts: Counts; asOf: string; kind: OrganisationKind }) => {
  const { t } = useTranslation();
  const cell = isCell(kind) || kind === 'PARTY_GROUP';
  const f = useFormat();
  const byKind = [...counts.byKind]
    .filter((k) => k.count > 0)
    .sort((a, b) => ORGANISATION_KINDS.indexOf(a.kind) - ORGANISATION_KINDS.indexOf(b.kind));

  const share = (n: number) => {
    const p = percent(n, counts.members);
    return p === null ? undefined : t('organisation.counts.shareOfMembers', { percent: f.percent(p) });
  };
  const cards = [
    ...(cell
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
        {t(TITLE_KEY(kind), { date: formatDate(asOf) })}
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
