import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { SearchHits } from '../api/search';

type Row = { id: string; to: string; title: string; detail: string; tag?: string };

const Section = ({ kind, title, rows }: { kind: string; title: string; rows: Row[] }) => (
  <Card size="small" title={<h2 className="search-page__section">{title}</h2>} data-testid={`search-${kind}`}>
    <List
      size="small"
      dataSource={rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="—" /> }}
      renderItem={(r) => (
        <List.Item key={r.id} data-testid="search-hit">
          <div className="search-page__hit">
            <Link to={r.to}>{r.title}</Link>
            <Typography.Text type="secondary">
              {r.tag && <Tag>{r.tag}</Tag>}
              {r.detail}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  </Card>
);

/** The matches of one search, by kind (members, organisations, meetings), each a link to its page. */
export const SearchResults = ({ hits }: { hits: SearchHits }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const total = hits.members.length + hits.organisations.length + hits.meetings.length;
  if (total === 0) return <Empty description={t('search.none', { text: hits.text })} data-testid="search-none" />;
  return (
    <div className="section-gap">
      <Section
        kind="members"
        title={t('search.members')}
        rows={hits.members.map((m) => ({
          id: m.id,
          to: href(paths.member(m.id)),
          title: m.fullName,
          tag: t(`member.status.${m.status}`),
          detail: m.organisation?.name ?? '',
        }))}
      />
      <Section
        kind="organisations"
        title={t('search.organisations')}
        rows={hits.organisations.map((o) => ({
          id: o.id,
          to: href(paths.organisation(o.id)),
          title: o.name,
          tag: t(`organisation.kind.${o.kind}`),
          detail: o.code,
        }))}
      />
      <Section
        kind="meetings"
        title={t('search.meetings')}
        rows={hits.meetings.map((m) => ({
          id: m.id,
          to: href(paths.meeting(m.id)),
          title: m.title,
          tag: f.date(m.date),
          detail: m.organisation?.name ?? '',
        }))}
      />
    </div>
  );
};
