import { labelOf } from './labels';
import { MEMBER_STATUS_LABELS } from './member/status';

describe('labelOf', () => {
  it('picks the language', () => {
    expect(labelOf(MEMBER_STATUS_LABELS, 'FULL', 'vi')).toBe('Chính thức');
    expect(labelOf(MEMBER_STATUS_LABELS, 'FULL', 'en')).toBe('Full');
  });
});
