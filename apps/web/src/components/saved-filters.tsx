import '../lib/lists-locale';
import { DeleteOutlined, FilterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../lib/domain';
import { useUserStoredValue } from '../lib/stored-choice';

/** A set of filters of a list the user named to apply again. */
export type SavedFilter<F> = { name: string; filters: F };

/** What a list tells the saved filters about its filters. */
export type SavedFilterList<F> = {
  /** Where they are kept, one key per list (`chibo.<list>.savedFilters`; the user's id is added). */
  key: string;
  /** The filters read back, cleaned; null when they are not this list's (written by hand or an older version). */
  parse: (raw: Record<string, unknown>) => F | null;
  /** Whether any filter is set (nothing to save otherwise). */
  hasAny: (filters: F) => boolean;
  /** Whether two sets of filters select the same (the saved one applied now is named on the button). */
  same: (a: F, b: F) => boolean;
  /** The filters as saved (a search without its outer spaces, say). */
  tidy?: (filters: F) => F;
};

export const MAX_SAVED_FILTERS = 20;
export const MAX_FILTER_NAME = 60;

/** Strings, or null when `v` is not a list of strings (for a list's `parse`). */
export const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;

/** The same codes in any order. */
export const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s) => b.includes(s));

const parseSaved =
  <F,>(parse: SavedFilterList<F>['parse']) =>
  (raw: unknown): SavedFilter<F>[] | null => {
    if (!Array.isArray(raw)) return null;
    const out: SavedFilter<F>[] = [];
    for (const item of raw as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { name, filters } = item as { name?: unknown; filters?: unknown };
      if (typeof name !== 'string' || !name.trim() || typeof filters !== 'object' || filters === null) continue;
      const parsed = parse(filters as Record<string, unknown>);
      if (parsed !== null) out.push({ name: name.trim().slice(0, MAX_FILTER_NAME), filters: parsed });
    }
    return out.slice(0, MAX_SAVED_FILTERS);
  };

/** The filters of `list` the signed-in user saved, kept in this browser for them. */
export const useSavedFilters = <F,>(list: SavedFilterList<F>) =>
  useUserStoredValue<SavedFilter<F>[]>(list.key, parseSaved(list.parse), []);

type Props<F> = {
  list: SavedFilterList<F>;
  /** The filters applied now. */
  current: F;
  onApply: (filters: F) => void;
  /** An example name, in the list's terms. */
  placeholder: string;
};

/**
 * Saved filters of a list: name the filters applied now, apply a saved set again in one click, delete one. Kept in
 * this browser for the signed-in user, per list (no server: they are a person's way of working, not a record).
 */
export const SavedFilters = <F,>({ list, current, onApply, placeholder }: Props<F>) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const [saved, setSaved] = useSavedFilters(list);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = saved.find((s) => list.same(s.filters, current));
  const canSave = list.hasAny(current);

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('savedFilters.nameRequired'));
    if (trimmed.length > MAX_FILTER_NAME) return setError(t('savedFilters.nameTooLong', { max: MAX_FILTER_NAME }));
    if (saved.some((s) => foldVietnamese(s.name) === foldVietnamese(trimmed)))
      return setError(t('savedFilters.nameTaken', { name: trimmed }));
    if (saved.length >= MAX_SAVED_FILTERS) return setError(t('savedFilters.tooMany', { max: MAX_SAVED_FILTERS }));
    setSaved([...saved, { name: trimmed, filters: list.tidy ? list.tidy(current) : current }]);
    setName('');
    setError(null);
    void toast.success(t('savedFilters.saved', { name: trimmed }));
  };
  const remove = (victim: SavedFilter<F>) => {
    setSaved(saved.filter((s) => s !== victim));
    void toast.success(t('savedFilters.deleted', { name: victim.name }));
  };

  const content = (
    <Flex vertical gap={12} style={{ width: 320, maxWidth: '80vw' }} data-testid="saved-filters-panel">
      {saved.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('savedFilters.empty')} />
      ) : (
        <ul
          className="saved-filters"
          aria-label={t('savedFilters.title')}
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
                  aria-label={t('savedFilters.delete', { name: s.name })}
                  onClick={() => remove(s)}
                />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('savedFilters.name')}
          htmlFor="saved-filter-name"
          validateStatus={error ? 'error' : undefined}
          help={error ?? (canSave ? undefined : t('savedFilters.nothingToSave'))}
          style={{ marginBottom: 8 }}
        >
          <Input
            id="saved-filter-name"
            value={name}
            maxLength={MAX_FILTER_NAME + 1}
            disabled={!canSave}
            placeholder={placeholder}
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
          {t('savedFilters.save')}
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
      title={t('savedFilters.title')}
      content={content}
    >
      <Button icon={<FilterOutlined aria-hidden />} data-testid="saved-filters">
        {active
          ? t('savedFilters.buttonActive', { name: active.name })
          : t('savedFilters.button', { count: saved.length })}
      </Button>
    </Popover>
  );
};
