import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answer, operationsSent, sent } from '../../../test/api';
import { renderUi, signIn } from '../../../test/render';
import { SearchRoute } from './search-route';

const HITS = {
  search: {
    text: 'dang thuy',
    members: [
      { id: 'm-1', fullName: 'Đặng Thị Thủy', status: 'FULL', organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' } },
    ],
    organisations: [{ id: 'o-2', code: 'CB-THUY', name: 'Chi bộ Thủy lợi', kind: 'SUBORDINATE_CELL' }],
    meetings: [
      {
        id: 'mt-1',
        title: 'Sinh hoạt chuyên đề Đặng Thùy Trâm',
        date: '2025-03-12',
        kind: 'THEMATIC',
        organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
      },
    ],
  },
};

const open = (route = '/tim-kiem') => {
  signIn();
  return renderUi(<SearchRoute />, route);
};

describe('the search page', () => {
  it('searches what is typed without diacritics and links each match to its page', async () => {
    answer({ Search: HITS });
    const r = open();
    await r.user.type(screen.getByLabelText('Tìm kiếm đảng viên, tổ chức đảng, buổi sinh hoạt'), ' dang thuy ');
    const members = within(await screen.findByTestId('search-members'));
    expect(members.getByRole('link', { name: 'Đặng Thị Thủy' }).getAttribute('href')).toBe('/members/m-1');
    expect(members.getByText('Chính thức')).toBeTruthy();
    expect(members.getByText('Chi bộ Văn phòng')).toBeTruthy();
    const orgs = within(screen.getByTestId('search-organisations'));
    expect(orgs.getByRole('link', { name: 'Chi bộ Thủy lợi' }).getAttribute('href')).toBe('/organisations/o-2');
    expect(orgs.getByText('CB-THUY')).toBeTruthy();
    const meetings = within(screen.getByTestId('search-meetings'));
    expect(meetings.getByRole('link', { name: 'Sinh hoạt chuyên đề Đặng Thùy Trâm' }).getAttribute('href')).toBe(
      '/meetings/mt-1',
    );
    expect(meetings.getByText('12/03/2025')).toBeTruthy();
    // Asked once the typing paused, with the text trimmed, a few of each kind, on today's date.
    const last = sent('Search').at(-1)!;
    expect(last).toMatchObject({ text: 'dang thuy', first: 8 });
    expect(last.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes the text from the address (the header box) and the as-of date of the app', async () => {
    answer({ Search: HITS });
    open('/tim-kiem?q=dang%20thuy&asOf=2025-01-01');
    await screen.findByTestId('search-members');
    expect((screen.getByLabelText('Tìm kiếm đảng viên, tổ chức đảng, buổi sinh hoạt') as HTMLInputElement).value).toBe(
      'dang thuy',
    );
    expect(sent('Search')[0]).toMatchObject({ text: 'dang thuy', asOf: '2025-01-01' });
  });

  it('says when nothing matches', async () => {
    answer({ Search: { search: { text: 'zzz', members: [], organisations: [], meetings: [] } } });
    open('/tim-kiem?q=zzz');
    expect((await screen.findByTestId('search-none')).textContent).toContain('Không tìm thấy kết quả cho "zzz"');
  });

  it('asks nothing for a text without a letter or digit, and explains what to type', async () => {
    answer({});
    const r = open();
    await r.user.type(screen.getByLabelText('Tìm kiếm đảng viên, tổ chức đảng, buổi sinh hoạt'), '%_ .');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.getByText(/Không cần gõ dấu/)).toBeTruthy();
    await waitFor(() => expect(operationsSent()).toEqual([]));
  });
});
