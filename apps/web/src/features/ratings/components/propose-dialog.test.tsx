import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answer, sent } from '../../../test/api';
import { fill, renderUi } from '../../../test/render';
import type { Rating } from '../api/fields';
import { ProposeDialog } from './propose-dialog';

const rating = (over: Partial<Rating> = {}) =>
  ({
    id: 'r-2',
    roundId: 'rr-1',
    year: 2025,
    quotaGroupId: 'o-1',
    subjectKind: 'MEMBER',
    subjectName: 'Trần Thị Bình',
    score: 92,
    computedLevel: 'HTXSNV',
    proposedLevel: null,
    proposalNote: null,
    ...over,
  }) as unknown as Rating;

const proposed = (quotaWarning: boolean) => ({
  proposeRating: {
    quotaWarning,
    quota: quotaWarning ? { groupId: 'o-1', limit: 2, excellent: 3, base: 12, breached: true } : null,
    rating: rating({ proposedLevel: 'HTXSNV' }),
  },
});

const open = (r: Rating = rating()) => renderUi(<ProposeDialog rating={r} open onClose={() => undefined} />);
const submit = () => screen.getByTestId('propose-submit') as HTMLButtonElement;

describe('ProposeDialog', () => {
  it('starts from the level of the self-assessment and sends it with the trimmed note', async () => {
    answer({ ProposeRating: proposed(false) });
    const { user } = open();
    expect(screen.getByText('Nhận xét, đề xuất xếp loại: Trần Thị Bình')).toBeTruthy();
    expect(screen.getByText('Tự đánh giá: 92 điểm · mức theo quy định: HTXSNV')).toBeTruthy();
    fill(screen.getByRole('textbox', { name: 'Nhận xét' }), '  Gương mẫu, đi đầu  ');
    await user.click(submit());
    await waitFor(() =>
      expect(sent('ProposeRating')).toEqual([
        { input: { ratingId: 'r-2', level: 'HTXSNV', note: 'Gương mẫu, đi đầu' } },
      ]),
    );
    expect(await screen.findByText('Đã lưu đề xuất.')).toBeTruthy();
  });

  it('shows the quota warning the server returns, and stays open to be read', async () => {
    answer({ ProposeRating: proposed(true) });
    const { user } = open();
    await user.click(submit());
    expect((await screen.findByTestId('quota-warning')).textContent).toBe(
      'Cảnh báo vượt tỷ lệ: nhóm tính tỷ lệ có 3 HTXSNV, tối đa 2 (trên cơ sở 12).',
    );
    expect(screen.getByTestId('propose-close').textContent).toBe('Đóng');
    expect(screen.queryByText('Đã lưu đề xuất.')).toBeNull();
  });

  it('cannot be sent without a level', async () => {
    answer({ ProposeRating: proposed(false) });
    const { user } = open(rating({ computedLevel: null, score: null }));
    expect(submit().disabled).toBe(true);
    await user.click(submit());
    expect(sent('ProposeRating')).toHaveLength(0);
  });
});
