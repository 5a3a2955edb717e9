import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ColumnChooser, useListColumns } from '../../../components/column-chooser';
import { SavedFilters } from '../../../components/saved-filters';
import { fill, renderUi, signIn } from '../../../test/render';
import type { InspectionListItem } from '../api/fields';
import {
  INSPECTION_COLUMN_LABELS,
  INSPECTION_LIST_COLUMNS,
  INSPECTION_SAVED_FILTERS,
  type InspectionFilterValues,
} from './inspection-list-tools';
import { InspectionsTable } from './inspections-table';

const one = {
  id: 'i-1',
  organisationId: 'o-1',
  body: 'CELL',
  type: 'COMPLIANCE',
  title: 'Kiểm tra đảng viên Nguyễn Văn An',
  plannedFrom: '2026-03-01',
  plannedTo: '2026-03-31',
  startedOn: '2026-03-02',
  concludedOn: null,
  state: 'IN_PROGRESS',
  countsTowardTarget: true,
  organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
  subjects: [{ memberId: 'm-1' }],
} as InspectionListItem;

const UNDER_WAY: InspectionFilterValues = { organisationId: 'o-1', year: 2026, state: 'IN_PROGRESS', type: null };

/** The inspection records' table with its tools, as the records page puts them together. */
const Records = () => {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<InspectionFilterValues>({ ...UNDER_WAY, state: null });
  const [columns, setColumns] = useListColumns(INSPECTION_LIST_COLUMNS);
  return (
    <>
      <output data-testid="applied">{JSON.stringify(filters)}</output>
      <button type="button" onClick={() => setFilters(UNDER_WAY)}>
        đang tiến hành
      </button>
      <SavedFilters list={INSPECTION_SAVED_FILTERS} current={filters} onApply={setFilters} placeholder="Ví dụ" />
      <ColumnChooser
        list={INSPECTION_LIST_COLUMNS}
        value={columns}
        onChange={setColumns}
        label={(c) => t(INSPECTION_COLUMN_LABELS[c])}
        testId="inspections"
      />
      <InspectionsTable
        items={[one]}
        total={1}
        offset={0}
        pageSize={50}
        loading={false}
        columns={columns}
        onPage={() => undefined}
      />
    </>
  );
};

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const render = () => {
  signIn('u-1');
  return renderUi(<Records />);
};

describe('the inspection records’ column chooser and saved filters', () => {
  it('leaves out the body and the planned dates, and finds the choice again after a reload', async () => {
    const r = render();
    expect(headers()).toHaveLength(9);
    await r.user.click(screen.getByTestId('inspections-columns'));
    const p = within(await screen.findByTestId('inspections-columns-panel'));
    expect(p.getByRole('checkbox', { name: 'Tên cuộc kiểm tra, giám sát' })).toHaveProperty('disabled', true);
    await r.user.click(p.getByRole('checkbox', { name: 'Chủ thể' }));
    await r.user.click(p.getByRole('checkbox', { name: 'Thời gian dự kiến' }));
    const left = [
      'Tên cuộc kiểm tra, giám sát',
      'Trạng thái',
      'Tổ chức tiến hành',
      'Loại',
      'Số đảng viên',
      'Ngày bắt đầu',
      'Ngày kết luận',
    ];
    expect(headers()).toEqual(left);
    expect(screen.queryByText('Chi bộ', { selector: 'td span' })).toBeNull();
    r.unmount();
    render();
    expect(headers()).toEqual(left);
    expect(screen.getByTestId('inspections-columns').textContent).toBe('Cột (7/9)');
  });

  it('saves the state chosen, under the records’ own key, and applies it again', async () => {
    const r = render();
    await r.user.click(screen.getByText('đang tiến hành'));
    await r.user.click(screen.getByTestId('saved-filters'));
    const p = within(await screen.findByTestId('saved-filters-panel'));
    fill(p.getByLabelText('Tên bộ lọc'), 'Đang tiến hành');
    await r.user.click(p.getByTestId('saved-filter-save'));
    expect(JSON.parse(localStorage.getItem('chibo.inspections.savedFilters.u-1')!)).toEqual([
      { name: 'Đang tiến hành', filters: UNDER_WAY },
    ]);
    expect(localStorage.getItem('chibo.meetings.savedFilters.u-1')).toBeNull();
    r.unmount();
    const again = render(); // the page opens with no state chosen
    expect(screen.getByTestId('saved-filters').textContent).toBe('Bộ lọc đã lưu (1)');
    await again.user.click(screen.getByTestId('saved-filters'));
    await again.user.click(await screen.findByRole('button', { name: 'Đang tiến hành' }));
    expect(JSON.parse(screen.getByTestId('applied').textContent!)).toEqual(UNDER_WAY);
  });
});
