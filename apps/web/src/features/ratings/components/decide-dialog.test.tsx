import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { answer, sent } from '../../../test/api';
import { choose, fill, renderUi } from '../../../test/render';
import type { Rating } from '../api/fields';
import { DecideDialog } from './decide-dialog';

const rating = {
  id: 'r-1',
  subjectName: 'Nguyễn Văn An',
  proposedLevel: 'HTTNV',
  decidedLevel: null,
  decisionReason: null,
  quotaOverrideReason: null,
} as unknown as Rating;
const decided = { decideRating: { ...rating, decidedLevel: 'HTTNV' } };

const open = () => renderUi(<DecideDialog rating={rating} open onClose={() => undefined} />);
const saveButton = () => screen.getByRole('button', { name: 'Lưu quyết định' });
const decisions = () => sent('DecideRating').map((v) => v.input);

describe('DecideDialog', () => {
  it('decides the proposed level without asking for a reason', async () => {
    answer({ DecideRating: decided });
    const { user } = open();
    expect(screen.getByText('Quyết định xếp loại: Nguyễn Văn An')).toBeTruthy();
    expect(screen.queryByText('Lý do quyết định khác đề xuất')).toBeNull();
    await user.click(saveButton());
    await waitFor(() => expect(decisions()).toEqual([{ ratingId: 'r-1', level: 'HTTNV' }]));
    expect(await screen.findByText('Đã quyết định xếp loại.')).toBeTruthy();
  });

  it('a level other than the proposal needs a reason, and nothing is sent without it', async () => {
    answer({ DecideRating: decided });
    const { user } = open();
    await choose(user, 'Mức quyết định', 'HTNV – Hoàn thành nhiệm vụ');
    fill(await screen.findByRole('textbox', { name: 'Lý do quyết định khác đề xuất' }), '   ');
    await user.click(saveButton());
    expect(await screen.findByText('Mức quyết định khác mức đề xuất: cần ghi rõ lý do.')).toBeTruthy();
    expect(decisions()).toHaveLength(0);
    fill(screen.getByRole('textbox', { name: 'Lý do quyết định khác đề xuất' }), ' Chưa hoàn thành chỉ tiêu ');
    await user.click(saveButton());
    await waitFor(() =>
      expect(decisions()).toEqual([{ ratingId: 'r-1', level: 'HTNV', reason: 'Chưa hoàn thành chỉ tiêu' }]),
    );
  });

  it('over the quota, asks for the override reason and sends the decision again with it', async () => {
    let calls = 0;
    answer({
      DecideRating: () => {
        calls += 1;
        if (calls === 1) throw new ApiError({ code: 'BAD_USER_INPUT', reason: 'RATING_QUOTA_EXCEEDED' });
        return decided;
      },
    });
    const { user } = open();
    await user.click(saveButton());
    const quota = await screen.findByRole('textbox', { name: 'Lý do vẫn quyết định khi vượt tỷ lệ HTXSNV' });
    expect(screen.getByTestId('decide-error')).toBeTruthy();
    await user.click(saveButton());
    expect(await screen.findByText('Cần ghi rõ lý do vượt tỷ lệ.')).toBeTruthy();
    expect(decisions()).toHaveLength(1);
    fill(quota, 'Thành tích đột xuất');
    await user.click(saveButton());
    await waitFor(() => expect(decisions()).toHaveLength(2));
    expect(decisions()[1]).toEqual({ ratingId: 'r-1', level: 'HTTNV', quotaOverrideReason: 'Thành tích đột xuất' });
  });
});
