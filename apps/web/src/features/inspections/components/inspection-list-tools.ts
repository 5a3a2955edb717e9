import type { ListColumns } from '../../../components/column-chooser';
import type { SavedFilterList } from '../../../components/saved-filters';
import { INSPECTION_STATES, INSPECTION_TYPES, type InspectionState, type InspectionType } from '../../../lib/domain';
import { isOneOf } from '../../../lib/url-params';

/** The columns of the inspection records (inspections-table.tsx), in their order; the title is always there. */
export const INSPECTION_COLUMNS = [
  'title',
  'state',
  'organisation',
  'body',
  'type',
  'subjects',
  'planned',
  'started',
  'concluded',
] as const;
export type InspectionColumn = (typeof INSPECTION_COLUMNS)[number];

/** Each column's heading: the field it shows. */
export const INSPECTION_COLUMN_LABELS = {
  title: 'inspections.fields.title',
  state: 'inspections.fields.state',
  organisation: 'inspections.fields.organisation',
  body: 'inspections.fields.body',
  type: 'inspections.fields.type',
  subjects: 'inspections.fields.subjectCount',
  planned: 'inspections.fields.planned',
  started: 'inspections.fields.startedOn',
  concluded: 'inspections.fields.concludedOn',
} as const satisfies Record<InspectionColumn, string>;

export const INSPECTION_LIST_COLUMNS: ListColumns<InspectionColumn> = {
  key: 'chibo.inspections.columns',
  all: INSPECTION_COLUMNS,
  defaults: INSPECTION_COLUMNS,
  fixed: ['title'],
};

/** The filters of the inspection records (their URL: ?org=&year=&state=&type=). */
export type InspectionFilterValues = {
  organisationId: string | null;
  year: number;
  state: InspectionState | null;
  type: InspectionType | null;
};

const codeOrNull = <T extends string>(list: readonly T[], v: unknown): T | null | undefined =>
  v === null ? null : typeof v === 'string' && isOneOf(list, v) ? v : undefined;

/** The inspection records' filters as the saved filters see them (components/saved-filters.tsx). */
export const INSPECTION_SAVED_FILTERS: SavedFilterList<InspectionFilterValues> = {
  key: 'chibo.inspections.savedFilters',
  parse: ({ organisationId, year, state, type }) => {
    const s = codeOrNull(INSPECTION_STATES, state);
    const k = codeOrNull(INSPECTION_TYPES, type);
    if (organisationId !== null && typeof organisationId !== 'string') return null;
    if (typeof year !== 'number' || !Number.isInteger(year) || s === undefined || k === undefined) return null;
    return { organisationId: organisationId || null, year, state: s, type: k };
  },
  // an organisation and a year are always chosen (the user's own and this year when the address names none)
  hasAny: () => true,
  same: (a, b) =>
    a.organisationId === b.organisationId && a.year === b.year && a.state === b.state && a.type === b.type,
};
