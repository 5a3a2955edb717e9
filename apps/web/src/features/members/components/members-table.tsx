import '../locale';
import { Flex, Grid, Table } from 'antd';
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
  // On a phone (narrower than antd's `sm`) each row is one cell: the name, the cell and the status, so the three
  // facts that matter fit the screen without scrolling sideways; the chosen columns are for wider screens.
  const phone = Grid.useBreakpoint().xs === true;
  const name = (m: MemberListItem) => (
    <Link to={href(paths.member(m.id))} data-testid="member-link">
      {m.fullName}
    </Link>
  );
  const cell = (m: MemberListItem) =>
    m.organisation ? (
      <Link to={href(paths.organisation(m.organisation.id))}>{m.organisation.name}</Link>
    ) : (
      t('common.none')
    );
  const status = (m: MemberListItem) => (
    <Flex gap={4} wrap>
      <MemberStatusTag status={m.status} />
      {/* only the states that ask for action: due / overdue for recognition */}
      <ProbationTag state={m.probationState === 'IN_PROBATION' ? 'NONE' : m.probationState} />
    </Flex>
  );
  const all: Record<MemberColumn, ColumnType<MemberListItem>> = {
    fullName: {
      title: t('members.columns.fullName'),
      render: (_, m) => name(m),
    },
    birthDate: { title: t('members.columns.birthDate'), render: (_, m) => formatDate(m.birthDate) },
    gender: { title: t('members.columns.gender'), render: (_, m) => (m.gender ? t(`member.gender.${m.gender}`) : '') },
    organisation: {
      title: t('members.columns.organisation'),
      render: (_, m) => cell(m),
    },
    status: {
      title: t('members.columns.status'),
      render: (_, m) => status(m),
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

  const phoneColumn: ColumnType<MemberListItem> = {
    key: 'member',
    title: t('members.columns.member'),
    render: (_, m) => (
      <Flex vertical gap={2} data-testid="member-phone-row">
        {name(m)}
        <span>{cell(m)}</span>
        {status(m)}
      </Flex>
    ),
  };

  return (
    <Table<MemberListItem>
      rowKey="id"
      size="middle"
      dataSource={items}
      loading={loading}
      scroll={phone ? undefined : { x: 'max-content' }}
      locale={{ emptyText: t('members.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        onChange: onPageChange,
      }}
      columns={
        phone ? [phoneColumn] : MEMBER_COLUMNS.filter((c) => columns.includes(c)).map((c) => ({ key: c, ...all[c] }))
      }
    />
  );
};
