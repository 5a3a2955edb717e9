import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../../lib/as-of';
import { lastDayOfMonth } from '../../../lib/domain';
import { answer, sent } from '../../../test/api';
import { choose, renderUi, signIn } from '../../../test/render';
import { MeetingPlanForm } from './meeting-plan-form';

// One regular meeting (sinh hoạt thường kỳ) a month: a second one for the same month is saved only once confirmed.
const month = todayIso().slice(0, 7);
const [year, mm] = month.split('-');
const meeting = (id: string, kind: string, state: string, title: string) => ({
  id,
  kind,
  state,
  title,
  date: `${month}-01`,
});

const open = (inMonth: ReturnType<typeof meeting>[]) => {
  signIn();
  answer({
    MeetingCellMembers: { members: { total: 0, items: [] } },
    Policy: { policy: null },
    CellMonthMeetings: { meetingList: { items: inMonth } },
  });
  const onSubmit = vi.fn();
  const rendered = renderUi(
    <MeetingPlanForm
      cellId="o-1"
      submitting={false}
      error={null}
      submitLabel="Lập kế hoạch"
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  );
  return { ...rendered, onSubmit };
};

const confirmTitle = `Tháng ${mm}/${year} chi bộ đã có buổi sinh hoạt thường kỳ`;

describe('MeetingPlanForm: a second regular meeting in a month', () => {
  it('asks before saving it, naming the one already there; "Xem lại" sends nothing, "Vẫn lưu" sends it', async () => {
    const { user, onSubmit } = open([meeting('m-1', 'REGULAR', 'HELD', 'Sinh hoạt thường kỳ tháng trước')]);
    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));
    const dialog = await screen.findByRole('dialog', { name: confirmTitle });
    expect(dialog.textContent).toContain(`Sinh hoạt thường kỳ tháng trước (01/${mm}/${year})`);
    expect(sent('CellMonthMeetings')[0]).toEqual({
      filter: { organisationId: 'o-1', from: `${month}-01`, to: lastDayOfMonth(month), kinds: ['REGULAR', 'COMBINED'] },
    });
    await user.click(screen.getByRole('button', { name: 'Xem lại' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));
    // antd may keep the closed dialog in the page while it fades: answer the new one
    const again = await waitFor(() => {
      const d = screen.getAllByRole('dialog', { name: confirmTitle }).find((e) => e !== dialog);
      expect(d).toBeTruthy();
      return d!;
    });
    await user.click(within(again).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ kind: 'REGULAR', date: todayIso() });
  });

  it('saves straight away when the month has no regular meeting (a cancelled one does not count)', async () => {
    const { user, onSubmit } = open([meeting('m-2', 'COMBINED', 'CANCELLED', 'Đã hủy')]);
    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog', { name: confirmTitle })).toBeNull();
  });

  it('asks nothing for a thematic meeting in a month that has its regular one', async () => {
    const { user, onSubmit } = open([meeting('m-1', 'REGULAR', 'PLANNED', 'Thường kỳ')]);
    await choose(user, 'Loại sinh hoạt', 'Sinh hoạt chuyên đề');
    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ kind: 'THEMATIC' });
    expect(screen.queryByRole('dialog', { name: confirmTitle })).toBeNull();
  });
});
