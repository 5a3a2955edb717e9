import '../locale';
import { useTranslation } from 'react-i18next';
import {
  SavedFilters as ListSavedFilters,
  sameSet,
  stringList,
  type SavedFilterList,
} from '../../../components/saved-filters';
import { MEMBER_STATUSES, PROBATION_STATES } from '../../../lib/domain';
import type { MemberFilterValues } from './member-filters';

const hasAnyFilter = (v: MemberFilterValues): boolean =>
  v.search.trim() !== '' || v.statuses.length > 0 || v.organisationId !== null || v.probation.length > 0;

/** The members list's filters as the saved filters see them (components/saved-filters.tsx). */
export const MEMBER_SAVED_FILTERS: SavedFilterList<MemberFilterValues> = {
  key: 'chibo.members.savedFilters',
  parse: (f) => {
    const statuses = stringList(f.statuses);
    const probation = stringList(f.probation);
    if (typeof f.search !== 'string' || !statuses || !probation) return null;
    if (f.organisationId !== null && typeof f.organisationId !== 'string') return null;
    return {
      search: f.search,
      statuses: MEMBER_STATUSES.filter((s) => statuses.includes(s)),
      organisationId: f.organisationId || null,
      probation: PROBATION_STATES.filter((s) => probation.includes(s)),
    };
  },
  hasAny: hasAnyFilter,
  same: (a, b) =>
    a.search.trim() === b.search.trim() &&
    a.organisationId === b.organisationId &&
    sameSet(a.statuses, b.statuses) &&
    sameSet(a.probation, b.probation),
  tidy: (f) => ({ ...f, search: f.search.trim() }),
};

type Props = { current: MemberFilterValues; onApply: (filters: MemberFilterValues) => void };

/** The members list's saved filters. */
export const SavedFilters = ({ current, onApply }: Props) => {
  const { t } = useTranslation();
  return (
    <ListSavedFilters
      list={MEMBER_SAVED_FILTERS}
      current={current}
      onApply={onApply}
      placeholder={t('members.savedFilters.namePlaceholder')}
    />
  );
};
