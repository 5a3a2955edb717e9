import {
  bodyFitsOrganisation,
  countsTowardInspectionTarget,
  defaultDecidingBody,
  INSPECTING_BODIES,
  INSPECTING_BODY_LABELS,
  INSPECTION_STATE_LABELS,
  INSPECTION_STATES,
  INSPECTION_TYPE_CODES_VI,
  INSPECTION_TYPE_LABELS,
  INSPECTION_TYPES,
  isCellBody,
  isInspectionType,
  isSupervision,
} from './kinds';
import { bodyMayImpose } from '../member/discipline';

describe('inspection kinds', () => {
  it('maps the Vietnamese codes to the English types, with labels in both languages', () => {
    expect(INSPECTION_TYPE_CODES_VI).toEqual({
      COMPLIANCE: 'CHAP_HANH',
      SIGNS_OF_VIOLATION: 'DAU_HIEU_VI_PHAM',
      REGULAR_SUPERVISION: 'GIAM_SAT_THUONG_XUYEN',
      THEMATIC_SUPERVISION: 'GIAM_SAT_CHUYEN_DE',
    });
    for (const t of INSPECTION_TYPES) expect(INSPECTION_TYPE_LABELS[t].vi && INSPECTION_TYPE_LABELS[t].en).toBeTruthy();
    for (const s of INSPECTION_STATES) expect(INSPECTION_STATE_LABELS[s].vi).toBeTruthy();
    for (const b of INSPECTING_BODIES) expect(INSPECTING_BODY_LABELS[b].vi).toBeTruthy();
    expect(INSPECTION_TYPE_LABELS.SIGNS_OF_VIOLATION.vi).toBe('Kiểm tra đảng viên khi có dấu hiệu vi phạm');
  });

  it('counts only inspections (kiểm tra), never supervisions (giám sát), toward the target', () => {
    expect(INSPECTION_TYPES.filter(countsTowardInspectionTarget)).toEqual(['COMPLIANCE', 'SIGNS_OF_VIOLATION']);
    expect(INSPECTION_TYPES.filter(isSupervision)).toEqual(['REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION']);
  });

  it('guards untrusted type names', () => {
    expect(isInspectionType('COMPLIANCE')).toBe(true);
    expect(isInspectionType('CHAP_HANH')).toBe(false);
    expect(isInspectionType(undefined)).toBe(false);
  });

  it('puts cell bodies in cells and committee bodies in committees', () => {
    expect(isCellBody('CELL')).toBe(true);
    expect(isCellBody('CELL_COMMITTEE')).toBe(true);
    expect(isCellBody('INSPECTION_COMMISSION')).toBe(false);
    expect(bodyFitsOrganisation('CELL', 'SUBORDINATE_CELL')).toBe(true);
    expect(bodyFitsOrganisation('CELL_COMMITTEE', 'GRASSROOTS_CELL')).toBe(true);
    expect(bodyFitsOrganisation('CELL', 'GRASSROOTS_COMMITTEE')).toBe(false);
    expect(bodyFitsOrganisation('COMMITTEE', 'SUBORDINATE_CELL')).toBe(false);
    expect(bodyFitsOrganisation('INSPECTION_COMMISSION', 'GRASSROOTS_COMMITTEE')).toBe(true);
    expect(bodyFitsOrganisation('STANDING_COMMITTEE', 'COMMITTEE')).toBe(true);
    expect(bodyFitsOrganisation('COMMITTEE', 'SUB_COMMITTEE')).toBe(true);
    expect(bodyFitsOrganisation('COMMITTEE', 'PARTY_GROUP')).toBe(false);
  });

  it('defaults the deciding body to one that can actually decide', () => {
    expect(defaultDecidingBody('CELL', 'SUBORDINATE_CELL')).toBe('CELL');
    // A chi ủy cannot discipline by itself: the cell meeting decides.
    expect(defaultDecidingBody('CELL_COMMITTEE', 'SUBORDINATE_CELL')).toBe('CELL');
    expect(defaultDecidingBody('COMMITTEE', 'GRASSROOTS_COMMITTEE')).toBe('GRASSROOTS_COMMITTEE');
    expect(defaultDecidingBody('COMMITTEE', 'SUB_COMMITTEE')).toBe('GRASSROOTS_COMMITTEE');
    expect(defaultDecidingBody('COMMITTEE', 'COMMITTEE')).toBe('HIGHER_COMMITTEE');
    expect(defaultDecidingBody('STANDING_COMMITTEE', 'COMMITTEE')).toBe('STANDING_COMMITTEE');
    expect(defaultDecidingBody('INSPECTION_COMMISSION', 'COMMITTEE')).toBe('INSPECTION_COMMISSION');
    for (const b of INSPECTING_BODIES)
      expect(
        bodyMayImpose(defaultDecidingBody(b, isCellBody(b) ? 'SUBORDINATE_CELL' : 'COMMITTEE'), 'KHIEN_TRACH'),
      ).toBe(true);
  });
});
