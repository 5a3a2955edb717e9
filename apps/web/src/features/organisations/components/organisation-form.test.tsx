import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OrganisationKind } from '../../../lib/domain';
import { validationError } from '../../../test/api';
import { choose, fieldError, fill, formItem, optionsShown, renderUi, typeDate } from '../../../test/render';
import type { OrganisationDetail } from '../api/get-organisation';
import { OrganisationForm } from './organisation-form';

const open = (
  props: {
    parent?: { id: string; kind: OrganisationKind } | null;
    organisation?: OrganisationDetail;
    error?: unknown;
  } = {},
) => {
  const onSubmit = vi.fn();
  const rendered = renderUi(
    <OrganisationForm
      parent={props.parent}
      organisation={props.organisation}
      submitting={false}
      error={props.error ?? null}
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  );
  return { ...rendered, onSubmit };
};
const box = (label: string) => formItem(label).querySelector('input')!;
const save = () => screen.getByTestId('organisation-form-submit');
const committee = { id: 'o-1', kind: 'GRASSROOTS_COMMITTEE' as const };

describe('OrganisationForm', () => {
  it('needs a name and a code, in Vietnamese, and sends nothing without them', async () => {
    const { user, onSubmit } = open({ parent: committee });
    await user.click(save());
    await waitFor(() => expect(fieldError('Tên tổ chức')).toBe('Vui lòng nhập thông tin này.'));
    expect(fieldError('Mã tổ chức')).toBe('Vui lòng nhập thông tin này.');
    expect(fieldError('Loại tổ chức')).toBe('Chọn loại tổ chức');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a code with diacritics or spaces', async () => {
    const { user, onSubmit } = open({ parent: committee });
    fill(box('Tên tổ chức'), 'Chi bộ Văn phòng');
    fill(box('Mã tổ chức'), 'VĂN PHÒNG');
    await user.click(save());
    await waitFor(() => expect(fieldError('Mã tổ chức')).toBe('Mã chỉ gồm chữ không dấu, số và các dấu . - _'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers only the kinds the rules allow under the parent, and sends the new organisation', async () => {
    const { user, onSubmit } = open({ parent: committee });
    fill(box('Tên tổ chức'), '  Chi bộ Văn phòng ');
    fill(box('Mã tổ chức'), 'cb.vp-01');
    await user.click(screen.getAllByRole('combobox')[0]);
    expect(await optionsShown()).toEqual(['Đảng bộ bộ phận', 'Chi bộ trực thuộc']);
    await choose(user, 'Loại tổ chức', 'Chi bộ trực thuộc');
    await typeDate(user, 'Ngày thành lập', '01/03/2024');
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      code: 'cb.vp-01',
      name: 'Chi bộ Văn phòng',
      kind: 'SUBORDINATE_CELL',
      parentId: 'o-1',
      establishedOn: '2024-03-01',
    });
  });

  it('edits without the kind or the founding day, and clears an emptied field', async () => {
    const organisation = {
      id: 'o-9',
      code: 'CB9',
      name: 'Chi bộ 9',
      kind: 'GRASSROOTS_CELL',
      levelName: 'Cơ sở',
      unitServed: null,
      termStart: '2025-01-01',
      termEnd: '2030-01-01',
      termType: '5_YEARS',
    } as unknown as OrganisationDetail;
    const { user, onSubmit } = open({ organisation });
    expect(screen.queryByText('Ngày thành lập')).toBeNull();
    fill(box('Cấp'), ' ');
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      code: 'CB9',
      name: 'Chi bộ 9',
      levelName: null,
      unitServed: null,
      termStart: '2025-01-01',
      termEnd: '2030-01-01',
      termType: '5_YEARS',
    });
  });

  it('shows the server refusal of the term next to its end', async () => {
    open({ parent: committee, error: validationError(['termEnd', 'INVALID_DATE_ORDER']) });
    await waitFor(() => expect(fieldError('Nhiệm kỳ đến ngày')).toBe('Thứ tự các ngày không hợp lệ.'));
    expect(screen.queryByTestId('organisation-form-error')).toBeNull();
  });
});
