import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ColumnChooser, useListColumns } from '../../../components/column-chooser';
import { SavedFilters } from '../../../components/saved-filters';
import { fill, renderUi, signIn } from '../../../test/render';
import type { MeetingListItem } from '../api/fields';
import { MeetingCalendarList } from './meeting-calendar-list';
import { MEETING_LIST_COLUMNS, MEETING_SAVED_FILTERS, type MeetingFilterValues } from './meeting-list-tools';

const held = {
  id: 'mt-1',
  organisationId: 'o-1',
  kind: 'REGULAR',
  title: 'Sinh hoạt thường kỳ tháng 3',
  date: '2026-03-10',
  startTime: '14:00',
  endTime: '16:00',
  actualStart: null,
  actualEnd: null,
  place: 'Hội trường cơ quan',
  state: 'HELD',
  organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
  attendanceRate: { present: 9, expected: 10, percent: 90 },
  flags: [{ code: 'NO_MINUTES', severity: 'warning', message: 'Chưa có biên bản', messageEn: 'No minutes' }],
} as MeetingListItem;

const YEAR: MeetingFilterValues = { organisationId: 'o-1', from: '2026-01-01', to: '2026-12-31' };
const Q1: MeetingFilterValues = { organisationId: 'o-9', from: '2026-01-01', to: '2026-03-31' };

/** The meetings list with its saved filters and column chooser, as the meetings page puts them together. */
const Page = ({ initial }: { initial: MeetingFilterValues }) => {
  const [filters, setFilters] = useState(initial);
  const [columns, setColumns] = useListColumns(MEETING_LIST_COLUMNS);
  return (
    <>
      <output data-testid="applied">{JSON.stringify(filters)}</output>
      <SavedFilters list={MEETING_SAVED_FILTERS} current={filters} onApply={setFilters} placeholder="Ví dụ" />
      <ColumnChooser list={MEETING_LIST_COLUMNS} value={columns} onChange={setColumns} label={(c) => c} testId="mt" />
      <MeetingCalendarList items={[held]} showCell columns={columns} />
    </>
  );
};

const show = (initial = YEAR, user = 'u-1') => {
  signIn(user);
  return renderUi(<Page initial={initial} />);
};
const shown = () =>
  [...screen.getByTestId('meeting-item').querySelectorAll('[data-column]')].map((e) => e.getAttribute('data-column'));
const stored = (name: string, user = 'u-1') => JSON.parse(localStorage.getItem(`chibo.${name}.${user}`) ?? 'null');
const openPanel = async (r: ReturnType<typeof show>, button: string, panel: string) => {
  await r.user.click(screen.getByTestId(button));
  return within(await screen.findByTestId(panel));
};

describe('the meetings list’s column chooser', () => {
  it('shows every detail at first, and keeps the title and the date', async () => {
    const r = show();
    expect(shown()).toEqual(['kind', 'state', 'time', 'place', 'organisation', 'attendance', 'flags']);
    expect(screen.getByTestId('mt-columns').textContent).toBe('Cột (9/9)');
    const p = await openPanel(r, 'mt-columns', 'mt-columns-panel');
    expect(p.getByRole('checkbox', { name: 'title' })).toHaveProperty('disabled', true);
    expect(p.getByRole('checkbox', { name: 'date' })).toHaveProperty('disabled', true);
    expect(p.getByTestId('mt-columns-default')).toHaveProperty('disabled', true);
  });

  it('hides the place and the kind, keeps that for the user under the meetings list’s own key', async () => {
    localStorage.setItem('chibo.members.columns.u-1', JSON.stringify(['fullName', 'post']));
    const r = show();
    const p = await openPanel(r, 'mt-columns', 'mt-columns-panel');
    await r.user.click(p.getByRole('checkbox', { name: 'place' }));
    await r.user.click(p.getByRole('checkbox', { name: 'kind' }));
    expect(shown()).toEqual(['state', 'time', 'organisation', 'attendance', 'flags']);
    expect(screen.queryByText('Hội trường cơ quan')).toBeNull();
    expect(stored('meetings.columns')).toEqual([
      'title',
      'date',
      'state',
      'time',
      'organisation',
      'attendance',
      'flags',
    ]);
    expect(stored('members.columns')).toEqual(['fullName', 'post']); // the members list's choice is its own
    r.unmount();
    show();
    expect(shown()).toEqual(['state', 'time', 'organisation', 'attendance', 'flags']);
  });

  it('adds a detail back, and another user of the browser sees every detail', async () => {
    localStorage.setItem('chibo.meetings.columns.u-1', JSON.stringify(['title', 'date', 'state']));
    const r = show();
    expect(shown()).toEqual(['state']);
    const p = await openPanel(r, 'mt-columns', 'mt-columns-panel');
    await r.user.click(p.getByRole('checkbox', { name: 'attendance' }));
    expect(shown()).toEqual(['state', 'attendance']);
    expect(screen.getByTestId('meeting-item-attendance').textContent).toBe('Dự họp 9/10 (90%)');
    r.unmount();
    show(YEAR, 'u-2');
    expect(shown()).toHaveLength(7);
  });
});

describe('the meetings list’s saved filters', () => {
  it('names the organisation and period chosen now, kept apart from the members list’s filters', async () => {
    localStorage.setItem(
      'chibo.members.savedFilters.u-1',
      JSON.stringify([
        { name: 'Dự bị', filters: { search: '', statuses: ['PROBATIONARY'], organisationId: null, probation: [] } },
      ]),
    );
    const r = show();
    expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc đã lưu (0)');
    const p = await openPanel(r, 'saved-filters', 'saved-filters-panel');
    fill(p.getByLabelText('Tên bộ lọc'), 'Văn phòng cả năm');
    await r.user.click(p.getByTestId('saved-filter-save'));
    expect(await screen.findByText('Đã lưu bộ lọc “Văn phòng cả năm”.')).toBeTruthy();
    expect(stored('meetings.savedFilters')).toEqual([{ name: 'Văn phòng cả năm', filters: YEAR }]);
    expect(stored('members.savedFilters')).toHaveLength(1);
    expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc: Văn phòng cả năm');
  });

  it('applies a saved organisation and period, deletes one, and leaves out what it cannot read', async () => {
    localStorage.setItem(
      'chibo.meetings.savedFilters.u-1',
      JSON.stringify([
        { name: 'Quý I', filters: Q1 },
        { name: 'Sai ngày', filters: { organisationId: 'o-1', from: '2026-02-30', to: '2026-03-31' } },
        { name: 'Ngược', filters: { organisationId: null, from: '2026-12-01', to: '2026-01-31' } },
        { name: 'Cả năm', filters: YEAR },
      ]),
    );
    const r = show({ organisationId: null, from: '2025-01-01', to: '2025-12-31' });
    const p = await openPanel(r, 'saved-filters', 'saved-filters-panel');
    expect(p.getAllByTestId('saved-filter').map((li) => li.textContent)).toEqual(['Quý I', 'Cả năm']);
    await r.user.click(p.getByRole('button', { name: 'Quý I' }));
    expect(JSON.parse(screen.getByTestId('applied').textContent!)).toEqual(Q1);
    await r.user.click(p.getByRole('button', { name: 'Xóa bộ lọc “Cả năm”' }));
    expect(await screen.findByText('Đã xóa bộ lọc “Cả năm”.')).toBeTruthy();
    expect(stored('meetings.savedFilters')).toEqual([{ name: 'Quý I', filters: Q1 }]);
  });
});
