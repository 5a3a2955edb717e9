import '../locale';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserStoredValue } from '../../../lib/stored-choice';

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

const isColumn = (c: unknown): c is MemberColumn => MEMBER_COLUMNS.includes(c as MemberColumn);

/** The kept choice, in the list's order, the name always in; anything else read back counts as no choice. */
const parseColumns = (raw: unknown): MemberColumn[] | null =>
  Array.isArray(raw) && raw.every(isColumn) ? MEMBER_COLUMNS.filter((c) => c === 'fullName' || raw.includes(c)) : null;

/** The columns the signed-in user shows, kept in this browser for them. */
export const useMemberColumns = () =>
  useUserStoredValue<readonly MemberColumn[]>('chibo.members.columns', parseColumns, DEFAULT_MEMBER_COLUMNS);

type Props = { value: readonly MemberColumn[]; onChange: (columns: MemberColumn[]) => void };

/** A button opening the list of columns to tick (the name cannot be left out) and a way back to the usual set. */
export const ColumnChooser = ({ value, onChange }: Props) => {
  const { t } = useTranslation();
  const label = (c: MemberColumn) => t(`members.columns.${c}`);
  const isDefault =
    value.length === DEFAULT_MEMBER_COLUMNS.length && DEFAULT_MEMBER_COLUMNS.every((c) => value.includes(c));
  const content = (
    <Flex vertical gap={8} data-testid="members-columns-panel">
      <Typography.Text type="secondary">{t('members.columnChooser.hint')}</Typography.Text>
      <Checkbox.Group<MemberColumn>
        aria-label={t('members.columnChooser.title')}
        value={[...value]}
        onChange={(picked) => onChange(MEMBER_COLUMNS.filter((c) => c === 'fullName' || picked.includes(c)))}
      >
        <Flex vertical gap={4}>
          {MEMBER_COLUMNS.map((c) => (
            <Checkbox key={c} value={c} disabled={c === 'fullName'} data-testid={`members-column-${c}`}>
              {label(c)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button
        size="small"
        disabled={isDefault}
        onClick={() => onChange([...DEFAULT_MEMBER_COLUMNS])}
        data-testid="members-columns-default"
      >
        {t('members.columnChooser.default')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('members.columnChooser.title')} content={content}>
      <Button icon={<SettingOutlined aria-hidden />} data-testid="members-columns">
        {t('members.columnChooser.button', { shown: value.length, total: MEMBER_COLUMNS.length })}
      </Button>
    </Popover>
  );
};
