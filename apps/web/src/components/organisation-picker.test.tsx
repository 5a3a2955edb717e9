import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answer, sent } from '../test/api';
import { renderUi, signIn } from '../test/render';
import { OrganisationPicker } from './organisation-picker';

const roots = {
  scopeRoots: [
    { id: 'o-1', code: 'VP', name: 'Đảng bộ Văn phòng Tỉnh ủy', kind: 'GRASSROOTS_COMMITTEE', childCount: 0 },
    { id: 'o-2', code: 'DN', name: 'Đảng bộ Khối Doanh nghiệp', kind: 'COMMITTEE', childCount: 0 },
    { id: 'o-3', code: 'DD', name: 'Chi bộ Điện lực', kind: 'GRASSROOTS_CELL', childCount: 0 },
  ],
};

const shown = () => [...document.querySelectorAll('.ant-select-tree-title')].map((n) => n.textContent);

const open = () => {
  signIn();
  answer({ ScopeRoots: roots });
  const onChange = vi.fn();
  return {
    ...renderUi(
      <OrganisationPicker id="org" asOf="2026-06-30" value={null} onChange={onChange} placeholder="Toàn bộ phạm vi" />,
    ),
    onChange,
  };
};

describe('OrganisationPicker', () => {
  it('lists the scope roots of the date', async () => {
    const { user } = open();
    await user.click(screen.getByRole('combobox'));
    await waitFor(() =>
      expect(shown()).toEqual(['Đảng bộ Văn phòng Tỉnh ủy', 'Đảng bộ Khối Doanh nghiệp', 'Chi bộ Điện lực']),
    );
    expect(sent('ScopeRoots')).toEqual([{ asOf: '2026-06-30' }]);
  });

  it('finds an organisation typed without diacritics, đ as d', async () => {
    const { user } = open();
    const box = screen.getByRole('combobox');
    await user.click(box);
    await waitFor(() => expect(shown()).toHaveLength(3));
    await user.type(box, 'van phong');
    await waitFor(() => expect(shown()).toEqual(['Đảng bộ Văn phòng Tỉnh ủy']));
    await user.clear(box);
    await user.type(box, 'dien luc');
    await waitFor(() => expect(shown()).toEqual(['Chi bộ Điện lực']));
  });

  it('hands over the id of the organisation picked', async () => {
    const { user, onChange } = open();
    await user.click(screen.getByRole('combobox'));
    await user.click(await screen.findByText('Đảng bộ Khối Doanh nghiệp'));
    expect(onChange).toHaveBeenCalledWith('o-2');
  });
});
