import '../locale';
import { useTranslation } from 'react-i18next';
import {
  ColumnChooser as ListColumnChooser,
  useListColumns,
  type ListColumns,
} from '../../../components/column-chooser';

/** The columns the members list can show, in the order they are shown; the name is always there. */
export const MEMBER_COLUMNS = [
  'fullName',
  'birthDate',
  'gender',
  'organisation',
  'status',
  'cardNumber',
  'ceremonyDate',
  'fullMembershipDate',
  'partyAge',
  'post',
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

/** What the list shows until the user chooses. */
export const DEFAULT_MEMBER_COLUMNS: readonly MemberColumn[] = [
  'fullName',
  'birthDate',
  'organisation',
  'status',
  'ceremonyDate',
  'partyAge',
];

const MEMBER_LIST_COLUMNS: ListColumns<MemberColumn> = {
  key: 'chibo.members.columns',
  all: MEMBER_COLUMNS,
  defaults: DEFAULT_MEMBER_COLUMNS,
  fixed: ['fullName'],
};

/** The columns the signed-in user shows, kept in this browser for them. */
export const useMemberColumns = () => useListColumns(MEMBER_LIST_COLUMNS);

type Props = { value: readonly MemberColumn[]; onChange: (columns: MemberColumn[]) => void };

/** The members list's column chooser (components/column-chooser.tsx). */
export const ColumnChooser = ({ value, onChange }: Props) => {
  const { t } = useTranslation();
  return (
    <ListColumnChooser
      list={MEMBER_LIST_COLUMNS}
      value={value}
      onChange={onChange}
      label={(c) => t(`members.columns.${c}`)}
      testId="members"
    />
  );
};
