import '../locale';
import { DeleteOutlined, FilterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, MEMBER_STATUSES, PROBATION_STATES } from '../../../lib/domain';
import { useUserStoredValue } from '../../../lib/stored-choice';
import type { MemberFilterValues } from './member-filters';

/** A set of filters of the members list the user named to apply again. */
export type SavedFilter = { name: string; filters: MemberFilterValues };

export const MAX_SAVED_FILTERS = 20;
export const MAX_FILTER_NAME = 60;

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/** One kept filter, or null when it is not one (written by hand or by an older version: left out). */
const parseOne = (raw: unknown): SavedFilter | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, filters } = raw as { name?: unknown; filters?: Record<string, unknown> };
  if (typeof name !== 'string' || !name.trim() || typeof filters !== 'object' || filters === null) return null;
  const statuses = strings(filters.statuses);
  const probation = strings(filters.probation);
  if (typeof filters.search !== 'string' || !statuses || !probation) return null;
  if (filters.organisationId !== null && typeof filters.organisationId !== 'string') return null;
  return {
    name: name.trim().slice(0, MAX_FILTER_NAME),
    filters: {
      search: filters.search,
      statuses: MEMBER_STATUSES.filter((s) => statuses.includes(s)),
      organisationId: filters.organisationId || null,
      probation: PROBATION_STATES.filter((s) => probation.includes(s)),
    },
  };
};
const parseSaved = (raw: unknown): SavedFilter[] | null =>
  Array.isArray(raw)
    ? raw
        .map(parseOne)
        .filter((f): f is SavedFilter => f !== null)
        .slice(0, MAX_SAVED_FILTERS)
    : null;

/** The filters the signed-in user saved, kept in this browser for them. */
export const useSavedFilters = () => useUserStoredValue<SavedFilter[]>('chibo.members.savedFilters', parseSaved, []);

export const hasAnyFilter = (v: MemberFilterValues): boolean =>
  v.search.trim() !== '' || v.statuses.length > 0 || v.organisationId !== null || v.probation.length > 0;

const sameFilters = (a: MemberFilterValues, b: MemberFilterValues): boolean =>
  a.search.trim() === b.search.trim() &&
  a.organisationId === b.organisationId &&
  a.statuses.length === b.statuses.length &&
  a.statuses.every((s) => b.statuses.includes(s)) &&
  a.probation.length === b.probation.length &&
  a.probation.every((s) => b.probation.includes(s));

type Props = {
  /** The filters applied now. */
  current: MemberFilterValues;
  onApply: (filters: MemberFilterValues) => void;
};

/**
 * Saved filters of the members list: name the filters applied now, apply a saved set again in one click, delete one.
 * Kept in this browser for the signed-in user (no server: they are a person's way of working, not a record).
 */
export const SavedFilters = ({ current, onApply }: Props) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const [saved, setSaved] = useSavedFilters();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = saved.find((s) => sameFilters(s.filters, current));
  const canSave = hasAnyFilter(current);

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('members.savedFilters.nameRequired'));
    if (trimmed.length > MAX_FILTER_NAME)
      return setError(t('members.savedFilters.nameTooLong', { max: MAX_FILTER_NAME }));
    if (saved.some((s) => foldVietnamese(s.name) === foldVietnamese(trimmed)))
      return setError(t('members.savedFilters.nameTaken', { name: trimmed }));
    if (saved.length >= MAX_SAVED_FILTERS)
      return setError(t('members.savedFilters.tooMany', { max: MAX_SAVED_FILTERS }));
    setSaved([...saved, { name: trimmed, filters: { ...current, search: current.search.trim() } }]);
    setName('');
    setError(null);
    void toast.success(t('members.savedFilters.saved', { name: trimmed }));
  };
  const remove = (victim: SavedFilter) => {
    setSaved(saved.filter((s) => s !== victim));
    void toast.success(t('members.savedFilters.deleted', { name: victim.name }));
  };

  const content = (
    <Flex vertical gap={12} style={{ width: 320, maxWidth: '80vw' }} data-testid="saved-filters-panel">
      {saved.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.savedFilters.empty')} />
      ) : (
        <ul
          className="saved-filters"
          aria-label={t('members.savedFilters.title')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {saved.map((s) => (
            <li key={s.name} data-testid="saved-filter">
              <Flex justify="space-between" align="center" gap={8}>
                <Button
                  type="link"
                  style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                  aria-current={s === active ? 'true' : undefined}
                  onClick={() => {
                    onApply(s.filters);
                    setOpen(false);
                  }}
                >
                  {s.name}
                </Button>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('members.savedFilters.delete', { name: s.name })}
                  onClick={() => remove(s)}
                />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('members.savedFilters.name')}
          htmlFor="saved-filter-name"
          validateStatus={error ? 'error' : undefined}
          help={error ?? (canSave ? undefined : t('members.savedFilters.nothingToSave'))}
          style={{ marginBottom: 8 }}
        >
          <Input
            id="saved-filter-name"
            value={name}
            maxLength={MAX_FILTER_NAME + 1}
            disabled={!canSave}
            placeholder={t('members.savedFilters.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onPressEnter={save}
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<SaveOutlined aria-hidden />}
          disabled={!canSave}
          onClick={save}
          data-testid="saved-filter-save"
        >
          {t('members.savedFilters.save')}
        </Button>
      </Form>
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      open={open}
      onOpenChange={setOpen}
      title={t('members.savedFilters.title')}
      content={content}
    >
      <Button icon={<FilterOutlined aria-hidden />} data-testid="saved-filters">
        {active
          ? t('members.savedFilters.buttonActive', { name: active.name })
          : t('members.savedFilters.button', { count: saved.length })}
      </Button>
    </Popover>
  );
};
