import '../locale';
import { Flex, Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { paths, useAppHref } from '../../../lib/paths';
import type { MemberListItem } from '../api/get-members';
import { DEFAULT_MEMBER_COLUMNS, MEMBER_COLUMNS, type MemberColumn } from './member-columns';
import { MemberStatusTag, ProbationTag, usePartyAgeText } from './member-tags';

type Props = {
  items: MemberListItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** The columns shown (the user's choice, member-columns.tsx); the usual set when not given. */
  columns?: readonly MemberColumn[];
  onPageChange: (page: number, pageSize: number) => void;
};

export const PAGE_SIZES = [20, 50, 100] as const;

export const MembersTable = ({
  items,
  total,
  page,
  pageSize,
  loading,
  columns = DEFAULT_MEMBER_COLUMNS,
  onPageChange,
}: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const partyAge = usePartyAgeText();
  const all: Record<MemberColumn, ColumnType<MemberListItem>> = {
    fullName: {
      title: t('members.columns.fullName'),
      render: (_, m) => (
        <Link to={href(paths.member(m.id))} data-testid="member-link">
          {m.fullName}
        </Link>
      ),
    },
    birthDate: { title: t('members.columns.birthDate'), render: (_, m) => formatDate(m.birthDate) },
    gender: { title: t('members.columns.gender'), render: (_, m) => (m.gender ? t(`member.gender.${m.gender}`) : '') },
    organisation: {
      title: t('members.columns.organisation'),
      render: (_, m) =>
        m.organisation ? (
          <Link to={href(paths.organisation(m.organisation.id))}>{m.organisation.name}</Link>
        ) : (
          t('common.none')
        ),
    },
    status: {
      title: t('members.columns.status'),
      render: (_, m) => (
        <Flex gap={4} wrap>
          <MemberStatusTag status={m.status} />
          {/* only the states that ask for action: due / overdue for recognition */}
          <ProbationTag state={m.probationState === 'IN_PROBATION' ? 'NONE' : m.probationState} />
        </Flex>
      ),
    },
    cardNumber: { title: t('members.columns.cardNumber'), render: (_, m) => m.cardNumber ?? '' },
    ceremonyDate: { title: t('members.columns.ceremonyDate'), render: (_, m) => formatDate(m.ceremonyDate) },
    fullMembershipDate: {
      title: t('members.columns.fullMembershipDate'),
      render: (_, m) => formatDate(m.fullMembershipDate),
    },
    partyAge: { title: t('members.columns.partyAge'), render: (_, m) => partyAge(m.partyAge, true) },
    post: { title: t('members.columns.post'), render: (_, m) => m.post ?? '' },
  };

  return (
    <Table<MemberListItem>
      rowKey="id"
      size="middle"
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('members.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        onChange: onPageChange,
      }}
      columns={MEMBER_COLUMNS.filter((c) => columns.includes(c)).map((c) => ({ key: c, ...all[c] }))}
    />
  );
};
