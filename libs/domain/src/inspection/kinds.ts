import type { Label } from '../labels';
import type { DecidingBody } from '../member/discipline';
import { isCell, type OrganisationKind } from '../organisation/kinds';

// Inspection and supervision of members (docs/rules.md#inspections). The Vietnamese code names map to these English codes:
// CHAP_HANH → COMPLIANCE, DAU_HIEU_VI_PHAM → SIGNS_OF_VIOLATION, GIAM_SAT_THUONG_XUYEN → REGULAR_SUPERVISION,
// GIAM_SAT_CHUYEN_DE → THEMATIC_SUPERVISION.
export const INSPECTION_TYPES = [
  'COMPLIANCE',
  'SIGNS_OF_VIOLATION',
  'REGULAR_SUPERVISION',
  'THEMATIC_SUPERVISION',
] as const;

export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_TYPE_LABELS: Record<InspectionType, Label> = {
  COMPLIANCE: { vi: 'Kiểm tra đảng viên chấp hành', en: 'Compliance inspection' },
  SIGNS_OF_VIOLATION: { vi: 'Kiểm tra đảng viên khi có dấu hiệu vi phạm', en: 'Inspection on signs of violation' },
  REGULAR_SUPERVISION: { vi: 'Giám sát thường xuyên', en: 'Regular supervision' },
  THEMATIC_SUPERVISION: { vi: 'Giám sát chuyên đề', en: 'Thematic supervision' },
};

/** The Vietnamese code for each type (for exports and people who know the texts). */
export const INSPECTION_TYPE_CODES_VI: Record<InspectionType, string> = {
  COMPLIANCE: 'CHAP_HANH',
  SIGNS_OF_VIOLATION: 'DAU_HIEU_VI_PHAM',
  REGULAR_SUPERVISION: 'GIAM_SAT_THUONG_XUYEN',
  THEMATIC_SUPERVISION: 'GIAM_SAT_CHUYEN_DE',
};

/** Type guard for untrusted input. */
export const isInspectionType = (s: unknown): s is InspectionType =>
  typeof s === 'string' && (INSPECTION_TYPES as readonly string[]).includes(s);

/** Supervision (giám sát), as opposed to inspection (kiểm tra). */
export const isSupervision = (type: InspectionType): boolean =>
  type === 'REGULAR_SUPERVISION' || type === 'THEMATIC_SUPERVISION';

/**
 * Counts towards the yearly inspection target: inspections (kiểm tra) only. The target in article 002 reads
 * "thực hiện ít nhất 2 cuộc kiểm tra": supervisions (giám sát) are a different activity with their own
 * coverage figure, so they never count here.
 */
export const countsTowardInspectionTarget = (type: InspectionType): boolean => !isSupervision(type);

export const INSPECTION_STATES = ['PLANNED', 'IN_PROGRESS', 'CONCLUDED', 'CANCELLED'] as const;

export type InspectionState = (typeof INSPECTION_STATES)[number];

export const INSPECTION_STATE_LABELS: Record<InspectionState, Label> = {
  PLANNED: { vi: 'Theo kế hoạch', en: 'Planned' },
  IN_PROGRESS: { vi: 'Đang tiến hành', en: 'In progress' },
  CONCLUDED: { vi: 'Đã kết luận', en: 'Concluded' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Who carries out the inspection (chủ thể kiểm tra, giám sát). */
export const INSPECTING_BODIES = [
  'CELL',
  'CELL_COMMITTEE',
  'COMMITTEE',
  'STANDING_COMMITTEE',
  'INSPECTION_COMMISSION',
] as const;

export type InspectingBody = (typeof INSPECTING_BODIES)[number];

export const INSPECTING_BODY_LABELS: Record<InspectingBody, Label> = {
  CELL: { vi: 'Chi bộ', en: 'Party cell' },
  CELL_COMMITTEE: { vi: 'Chi ủy', en: 'Cell committee' },
  COMMITTEE: { vi: 'Cấp ủy', en: 'Party committee' },
  STANDING_COMMITTEE: { vi: 'Ban Thường vụ', en: 'Standing committee' },
  INSPECTION_COMMISSION: { vi: 'Ủy ban Kiểm tra', en: 'Inspection commission' },
};

/** A cell or its chi ủy inspects as the cell; the other bodies belong to a committee. */
export const isCellBody = (body: InspectingBody): boolean => body === 'CELL' || body === 'CELL_COMMITTEE';

/**
 * Whether an organisation of `kind` can be the home of `body`: CELL and CELL_COMMITTEE belong to a cell
 * (chi bộ cơ sở or chi bộ trực thuộc); COMMITTEE, STANDING_COMMITTEE and INSPECTION_COMMISSION to a committee
 * (a grassroots committee, a sub-committee or a committee above the grassroots). A party group (tổ đảng) does
 * not inspect.
 */
export const bodyFitsOrganisation = (body: InspectingBody, kind: OrganisationKind): boolean =>
  isCellBody(body) ? isCell(kind) : kind === 'COMMITTEE' || kind === 'GRASSROOTS_COMMITTEE' || kind === 'SUB_COMMITTEE';

/**
 * The deciding body a discipline decision following an inspection defaults to. A chi ủy cannot discipline by
 * itself (Charter art. 36; DEFAULT_DISCIPLINE_AUTHORITY), so a cell-committee inspection defaults to the cell
 * meeting; a committee of the grassroots level decides as GRASSROOTS_COMMITTEE, one above it as HIGHER_COMMITTEE.
 */
export const defaultDecidingBody = (body: InspectingBody, organisationKind: OrganisationKind): DecidingBody => {
  switch (body) {
    case 'CELL':
    case 'CELL_COMMITTEE':
      return 'CELL';
    case 'COMMITTEE':
      return organisationKind === 'COMMITTEE' ? 'HIGHER_COMMITTEE' : 'GRASSROOTS_COMMITTEE';
    case 'STANDING_COMMITTEE':
      return 'STANDING_COMMITTEE';
    case 'INSPECTION_COMMISSION':
      return 'INSPECTION_COMMISSION';
  }
};
