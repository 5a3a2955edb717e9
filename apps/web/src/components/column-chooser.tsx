import '../lib/lists-locale';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserStoredValue } from '../lib/stored-choice';

/** The columns a list can show, in the order it shows them. */
export type ListColumns<C extends string> = {
  /** Where the choice is kept, one key per list (`chibo.<list>.columns`; the user's id is added). */
  key: string;
  all: readonly C[];
  /** What the list shows until the user chooses. */
  defaults: readonly C[];
  /** Always shown (the name of a row, say): cannot be left out. */
  fixed: readonly C[];
};

/** The choice read back, in the list's order, the fixed columns always in; anything else counts as no choice. */
const parseColumns =
  <C extends string>(list: ListColumns<C>) =>
  (raw: unknown): C[] | null =>
    Array.isArray(raw) && raw.every((c) => list.all.includes(c as C))
      ? list.all.filter((c) => list.fixed.includes(c) || raw.includes(c))
      : null;

/** The columns of `list` the signed-in user shows, kept in this browser for them. */
export const useListColumns = <C extends string>(list: ListColumns<C>) =>
  useUserStoredValue<readonly C[]>(list.key, parseColumns(list), list.defaults);

type Props<C extends string> = {
  list: ListColumns<C>;
  value: readonly C[];
  onChange: (columns: C[]) => void;
  label: (column: C) => string;
  /** Prefix of the test ids: `<testId>-columns`, `<testId>-columns-panel`, `<testId>-columns-default`. */
  testId: string;
};

/** A button opening the list of columns to tick (the fixed ones cannot be left out) and a way back to the usual set. */
export const ColumnChooser = <C extends string>({ list, value, onChange, label, testId }: Props<C>) => {
  const { t } = useTranslation();
  const isDefault = value.length === list.defaults.length && list.defaults.every((c) => value.includes(c));
  const content = (
    <Flex vertical gap={8} data-testid={`${testId}-columns-panel`}>
      <Typography.Text type="secondary">{t('columnChooser.hint')}</Typography.Text>
      <Checkbox.Group<C>
        aria-label={t('columnChooser.title')}
        value={[...value]}
        onChange={(picked) => onChange(list.all.filter((c) => list.fixed.includes(c) || picked.includes(c)))}
      >
        <Flex vertical gap={4}>
          {list.all.map((c) => (
            <Checkbox key={c} value={c} disabled={list.fixed.includes(c)} data-testid={`${testId}-column-${c}`}>
              {label(c)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button
        size="small"
        disabled={isDefault}
        onClick={() => onChange([...list.defaults])}
        data-testid={`${testId}-columns-default`}
      >
        {t('columnChooser.default')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('columnChooser.title')} content={content}>
      <Button icon={<SettingOutlined aria-hidden />} data-testid={`${testId}-columns`}>
        {t('columnChooser.button', { shown: value.length, total: list.all.length })}
      </Button>
    </Popover>
  );
};
