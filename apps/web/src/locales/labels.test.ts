import { describe, expect, it } from 'vitest';
import { MEMBER_RECORD_FIELD_LABELS, MEMBER_STATUS_LABELS, MEMBER_STATUSES } from '../lib/domain';
import members from './lazy/members.vi.json';
import vi from './vi.json';

// Issue 12 §6: one definition per label. The members export writes its headings and statuses from libs/domain; the
// members screen says the same words for the same fields ("Ngày vào Đảng" is the ceremony date in both).
describe('member labels of the screen and the exports', () => {
  it('names the member list columns as the domain (and the members export) does', () => {
    const columns = members.members.columns as Record<string, string>;
    const shared = Object.keys(columns).filter((k) => k in MEMBER_RECORD_FIELD_LABELS);
    expect(shared).toEqual(
      expect.arrayContaining([
        'fullName',
        'birthDate',
        'gender',
        'ceremonyDate',
        'cardNumber',
        'fullMembershipDate',
        'post',
      ]),
    );
    for (const k of shared) expect([k, columns[k]]).toEqual([k, MEMBER_RECORD_FIELD_LABELS[k]!.vi]);
  });

  it('keeps "Trực thuộc" for the parent organisation, as the exports head that column', () => {
    expect(vi.organisation.fields.parent).toBe('Trực thuộc');
    // the children table's count of subordinates says what it counts
    expect(vi.organisation.children.childCount).toBe('Số tổ chức trực thuộc');
  });

  it('names the statuses in Vietnamese as the domain (and the members export) does', () => {
    for (const s of MEMBER_STATUSES) {
      expect([s, (vi.member.status as Record<string, string>)[s]]).toEqual([s, MEMBER_STATUS_LABELS[s].vi]);
    }
  });
});
