import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fill, renderUi, signIn } from '../../../test/render';
import type { MemberFilterValues } from './member-filters';
import { SavedFilters } from './saved-filters';

const NONE: MemberFilterValues = { search: '', statuses: [], organisationId: null, probation: [] };
const OVERDUE: MemberFilterValues = {
  search: '',
  statuses: ['PROBATIONARY'],
  organisationId: 'o-7',
  probation: ['OVERDUE'],
};

/** The saved filters beside the filters they save and apply (the members page keeps these in the URL). */
const Page = ({ initial }: { initial: MemberFilterValues }) => {
  const [filters, setFilters] = useState(initial);
  return (
    <>
      <output data-testid="applied">{JSON.stringify(filters)}</output>
      <button type="button" onClick={() => setFilters({ ...NONE, search: 'nguyen' })}>
        tìm nguyen
      </button>
      <SavedFilters current={filters} onApply={setFilters} />
    </>
  );
};

const open = (initial: MemberFilterValues = OVERDUE, user = 'u-1') => {
  signIn(user);
  return renderUi(<Page initial={initial} />);
};
const panel = async (r: ReturnType<typeof open>) => {
  await r.user.click(screen.getByTestId('saved-filters'));
  return within(await screen.findByTestId('saved-filters-panel'));
};
const applied = () => JSON.parse(screen.getByTestId('applied').textContent!) as MemberFilterValues;
const kept = (user = 'u-1') => JSON.parse(localStorage.getItem(`chibo.members.savedFilters.${user}`) ?? 'null');
const saveAs = async (r: ReturnType<typeof open>, p: Awaited<ReturnType<typeof panel>>, name: string) => {
  fill(p.getByLabelText('Tên bộ lọc'), name);
  await r.user.click(p.getByTestId('saved-filter-save'));
};

describe('saved filters of the members list', () => {
  it('offers nothing to save while no filter is set', async () => {
    const r = open(NONE);
    expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc đã lưu (0)');
    const p = await panel(r);
    expect(p.getByText('Chưa lưu bộ lọc nào.')).toBeTruthy();
    expect(p.getByText('Chọn điều kiện lọc trước khi lưu.')).toBeTruthy();
    expect(p.getByTestId('saved-filter-save')).toHaveProperty('disabled', true);
  });

  it('names the current filters and keeps them in this browser for the user', async () => {
    const r = open();
    const p = await panel(r);
    await saveAs(r, p, '  Dự bị quá hạn  ');
    expect(await screen.findByText('Đã lưu bộ lọc “Dự bị quá hạn”.')).toBeTruthy();
    expect(p.getAllByTestId('saved-filter').map((li) => li.textContent)).toEqual(['Dự bị quá hạn']);
    expect(kept()).toEqual([{ name: 'Dự bị quá hạn', filters: OVERDUE }]);
    // the filters applied now are the saved ones: the button says which
    expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc: Dự bị quá hạn');
  });

  it('refuses an empty name and a name already used, diacritics aside, and saves nothing', async () => {
    localStorage.setItem(
      'chibo.members.savedFilters.u-1',
      JSON.stringify([{ name: 'Dự bị quá hạn', filters: OVERDUE }]),
    );
    const r = open({ ...OVERDUE, probation: ['DUE'] });
    const p = await panel(r);
    await saveAs(r, p, '   ');
    expect(p.getByText('Nhập tên cho bộ lọc.')).toBeTruthy();
    await saveAs(r, p, 'du bi qua han');
    expect(p.getByText('Đã có bộ lọc tên “du bi qua han”: chọn tên khác hoặc xóa bộ lọc cũ.')).toBeTruthy();
    expect(kept()).toHaveLength(1);
  });

  it('applies a saved filter again in one click', async () => {
    localStorage.setItem(
      'chibo.members.savedFilters.u-1',
      JSON.stringify([{ name: 'Dự bị quá hạn', filters: OVERDUE }]),
    );
    const r = open(NONE);
    await r.user.click(screen.getByText('tìm nguyen'));
    expect(applied().search).toBe('nguyen');
    const p = await panel(r);
    await r.user.click(p.getByRole('button', { name: 'Dự bị quá hạn' }));
    expect(applied()).toEqual(OVERDUE);
    await waitFor(() => expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc: Dự bị quá hạn'));
  });

  it('deletes a saved filter, for good', async () => {
    localStorage.setItem(
      'chibo.members.savedFilters.u-1',
      JSON.stringify([
        { name: 'Dự bị quá hạn', filters: OVERDUE },
        { name: 'Tìm Nguyễn', filters: { ...NONE, search: 'nguyen' } },
      ]),
    );
    const r = open(NONE);
    const p = await panel(r);
    await r.user.click(p.getByRole('button', { name: 'Xóa bộ lọc “Dự bị quá hạn”' }));
    expect(await screen.findByText('Đã xóa bộ lọc “Dự bị quá hạn”.')).toBeTruthy();
    expect(p.getAllByTestId('saved-filter').map((li) => li.textContent)).toEqual(['Tìm Nguyễn']);
    expect(kept()).toEqual([{ name: 'Tìm Nguyễn', filters: { ...NONE, search: 'nguyen' } }]);
  });

  it('shows another user of the browser their own filters only, and leaves out what it cannot read', async () => {
    localStorage.setItem(
      'chibo.members.savedFilters.u-1',
      JSON.stringify([{ name: 'Dự bị quá hạn', filters: OVERDUE }]),
    );
    localStorage.setItem(
      'chibo.members.savedFilters.u-2',
      JSON.stringify([
        { name: 'Cũ', filters: { search: 1 } },
        {
          name: 'Chính thức',
          filters: { search: '', statuses: ['FULL', 'RETIRED_CODE'], organisationId: null, probation: [] },
        },
      ]),
    );
    const r = open(NONE, 'u-2');
    const p = await panel(r);
    expect((await p.findAllByTestId('saved-filter')).map((li) => li.textContent)).toEqual(['Chính thức']);
    await r.user.click(p.getByRole('button', { name: 'Chính thức' }));
    expect(applied()).toEqual({ ...NONE, statuses: ['FULL'] });
  });
});
