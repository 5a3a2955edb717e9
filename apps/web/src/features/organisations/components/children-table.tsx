import { Flex, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { OrganisationChild } from '../api/get-organisation';

// `extra`: actions shown beside the heading (the Excel export of the subtree).
export const ChildrenTable = ({ items, extra }: { items: OrganisationChild[]; extra?: ReactNode }) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const f = useFormat();
  const num = (v: number) => <span className="num">{f.number(v)}</span>;

  return (
    <section aria-labelledby="children-title">
      <Flex wrap gap={12} align="center" justify="space-between">
        <h2 id="children-title" className="section-title">
          {t('organisation.children.title')}
        </h2>
        {extra}
      </Flex>
      <Table<OrganisationChild>
        size="small"
        rowKey="id"
        dataSource={items}
        // rows are organisations, not a nested table: never read a `children` field as sub-rows
        expandable={{ childrenColumnName: 'noNestedRows' }}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('organisation.children.empty') }}
        columns={[
          { key: 'code', title: t('organisation.children.code'), dataIndex: 'code' },
          {
            key: 'name',
            title: t('organisation.children.name'),
            render: (_, o) => (
              <>
                <Link to={href(paths.organisation(o.id))}>{o.name}</Link>
                {o.dissolvedOn && <Tag style={{ marginInlineStart: 8 }}>{t('organisation.dissolved')}</Tag>}
              </>
            ),
          },
          { key: 'kind', title: t('organisation.children.kind'), render: (_, o) => t(`organisation.kind.${o.kind}`) },
          {
            key: 'members',
            title: t('organisation.children.members'),
            align: 'right',
            render: (_, o) => num(o.memberCount),
          },
          {
            key: 'full',
            title: t('organisation.children.fullMembers'),
            align: 'right',
            render: (_, o) => num(o.fullMemberCount),
          },
          {
            key: 'probationary',
            title: t('organisation.children.probationaryMembers'),
            align: 'right',
            render: (_, o) => num(o.probationaryCount),
          },
          {
            key: 'children',
            title: t('organisation.children.childCount'),
            align: 'right',
            render: (_, o) => num(o.childCount),
          },
        ]}
      />
    </section>
  );
};
