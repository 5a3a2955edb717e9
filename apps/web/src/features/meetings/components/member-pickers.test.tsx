import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { answer, sent } from '../../../test/api';
import { formItem, optionsShown, renderUi, signIn, type Rendered } from '../../../test/render';
import type { CellMember } from '../api/get-cell-members';
import type { TaskDraft } from '../utils/record-draft';
import { MeetingPlanForm } from './meeting-plan-form';
import { TasksEditor } from './tasks-editor';

// The cell's members are picked by name typed as on most keyboards: without tones or diacritics, đ as d.
const members: CellMember[] = [
  { id: 'm-1', fullName: 'Nguyễn Văn An', status: 'FULL', exemption: null },
  { id: 'm-2', fullName: 'Trần Văn Toản', status: 'FULL', exemption: null },
  { id: 'm-3', fullName: 'Đỗ Thị Đào', status: 'PROBATIONARY', exemption: null },
  { id: 'm-4', fullName: 'Nguyễn Thị Thủy', status: 'FULL', exemption: null },
];

/** Types `text` into the open search box `box` (after clearing it) and returns the names the list then offers. */
const search = async (user: Rendered['user'], box: HTMLElement, text: string, expected: string[]) => {
  await user.clear(box);
  await user.type(box, text);
  await waitFor(async () => expect(await optionsShown()).toEqual(expected));
};

const Tasks = () => {
  const [tasks, setTasks] = useState<TaskDraft[]>([
    { key: 't-1', text: 'Rà soát hồ sơ', assigneeMemberId: null, dueOn: null },
  ]);
  return <TasksEditor tasks={tasks} members={members} disabled={false} errors={{}} onChange={setTasks} />;
};

describe('the task editor’s assignee picker', () => {
  it('finds a member typed without diacritics, đ as d, any word order', async () => {
    signIn();
    const { user } = renderUi(<Tasks />);
    const box = screen.getByRole('combobox', { name: 'Người phụ trách nhiệm vụ 1' });
    await user.click(box);
    expect(await optionsShown()).toHaveLength(4);
    await search(user, box, 'nguyen van', ['Nguyễn Văn An']);
    await search(user, box, 'do thi dao', ['Đỗ Thị Đào']);
    await search(user, box, 'thuy nguyen', ['Nguyễn Thị Thủy']);
    // a word typed starts a word of the name: "an" is not found inside "Toản"
    await search(user, box, 'an', ['Nguyễn Văn An']);
  });

  it('assigns the member found', async () => {
    signIn();
    const { user } = renderUi(<Tasks />);
    const box = screen.getByRole('combobox', { name: 'Người phụ trách nhiệm vụ 1' });
    await user.click(box);
    await user.type(box, 'dao');
    await user.click(
      (await screen.findByText('Đỗ Thị Đào', { selector: '.ant-select-item-option-content' })).closest(
        '.ant-select-item-option',
      )!,
    );
    await waitFor(() => expect(box.closest('.ant-select')?.textContent).toContain('Đỗ Thị Đào'));
  });
});

describe('the meeting plan’s chair and minute-taker pickers', () => {
  const open = () => {
    signIn();
    answer({ MeetingCellMembers: { members: { total: members.length, items: members } }, Policy: { policy: null } });
    return renderUi(
      <MeetingPlanForm
        cellId="o-1"
        submitting={false}
        error={null}
        submitLabel="Lập kế hoạch"
        onSubmit={() => undefined}
        onCancel={() => undefined}
      />,
    );
  };

  it('finds the chair typed without diacritics', async () => {
    const { user } = open();
    const box = within(formItem('Chủ trì')).getByRole('combobox');
    await user.click(box);
    await waitFor(async () => expect(await optionsShown()).toHaveLength(4));
    expect(sent('MeetingCellMembers')[0]).toMatchObject({ organisationId: 'o-1' });
    await search(user, box, 'nguyen van', ['Nguyễn Văn An']);
    await search(user, box, 'tran van toan', ['Trần Văn Toản']);
  });

  it('finds the minute-taker with đ typed as d', async () => {
    const { user } = open();
    const box = within(formItem('Thư ký (ghi biên bản)')).getByRole('combobox');
    await user.click(box);
    await waitFor(async () => expect(await optionsShown()).toHaveLength(4));
    await search(user, box, 'do dao', ['Đỗ Thị Đào']);
  });
});
