import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrganisationKind } from '../../../lib/domain';
import { renderUi } from '../../../test/render';
import { SubtreeCounts } from './subtree-counts';

const counts = {
  organisations: 4,
  byKind: [{ kind: 'SUBORDINATE_CELL' as const, count: 3 }],
  members: 40,
  fullMembers: 36,
  probationaryMembers: 4,
};

const heading = (kind: OrganisationKind) => {
  const { unmount } = renderUi(<SubtreeCounts counts={counts} asOf="2025-01-01" kind={kind} />);
  const text = screen.getByRole('heading', { level: 2 }).textContent;
  const organisationsCard = screen.queryByText('Tổ chức đảng') !== null;
  unmount();
  return { text, organisationsCard };
};

describe('SubtreeCounts', () => {
  it('says "toàn đảng bộ" only for a committee (đảng bộ), with its count of organisations', () => {
    for (const kind of ['COMMITTEE', 'GRASSROOTS_COMMITTEE', 'SUB_COMMITTEE'] as const)
      expect(heading(kind)).toEqual({ text: 'Số liệu toàn đảng bộ tại ngày 01/01/2025', organisationsCard: true });
  });

  it('a cell and a party group are not a đảng bộ: their own heading, no count of organisations', () => {
    for (const kind of ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'] as const)
      expect(heading(kind)).toEqual({ text: 'Số liệu chi bộ tại ngày 01/01/2025', organisationsCard: false });
    expect(heading('PARTY_GROUP')).toEqual({ text: 'Số liệu tổ đảng tại ngày 01/01/2025', organisationsCard: false });
  });
});
