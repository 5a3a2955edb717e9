import type { ListColumns } from '../../../components/column-chooser';
import type { SavedFilterList } from '../../../components/saved-filters';
import { isIsoDate } from '../../../lib/as-of';
import type { IsoDate } from '../../../lib/domain';

/**
 * The details each row of the meetings list can show, in the order shown (meeting-calendar-list.tsx); the title and
 * the date are always there. The cell shows only on a committee's list (a cell's list is all its own meetings).
 */
export const MEETING_COLUMNS = [
  'title',
  'date',
  'kind',
  'state',
  'time',
  'place',
  'organisation',
  'attendance',
  'flags',
] as const;
export type MeetingColumn = (typeof MEETING_COLUMNS)[number];

export const MEETING_LIST_COLUMNS: ListColumns<MeetingColumn> = {
  key: 'chibo.meetings.columns',
  all: MEETING_COLUMNS,
  defaults: MEETING_COLUMNS,
  fixed: ['title', 'date'],
};

/** The filters of the meetings list (its URL: ?org=&from=&to=). */
export type MeetingFilterValues = { organisationId: string | null; from: IsoDate; to: IsoDate };

/** The meetings list's filters as the saved filters see them (components/saved-filters.tsx). */
export const MEETING_SAVED_FILTERS: SavedFilterList<MeetingFilterValues> = {
  key: 'chibo.meetings.savedFilters',
  parse: ({ organisationId, from, to }) => {
    if (organisationId !== null && typeof organisationId !== 'string') return null;
    if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to) || from > to)
      return null;
    return { organisationId: organisationId || null, from, to };
  },
  // an organisation and a period are always chosen (the user's own when none is named in the address)
  hasAny: () => true,
  same: (a, b) => a.organisationId === b.organisationId && a.from === b.from && a.to === b.to,
};
