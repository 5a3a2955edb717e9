import { describe, expect, it } from 'vitest';
import { foldedTreeSearch, matchesTyped } from './folded-search';

describe('matchesTyped', () => {
  it('matches the label of an option typed without diacritics, đ as d', () => {
    expect(matchesTyped('dang vien du bi', { label: 'Đảng viên dự bị' })).toBe(true);
    expect(matchesTyped('chinh thuc', { label: 'Đảng viên dự bị' })).toBe(false);
  });

  it('matches the search text of an option whose label is not text, and nothing for an unlabelled option', () => {
    expect(matchesTyped('member.created', { label: <span>member.created</span>, search: 'member.created' })).toBe(true);
    expect(matchesTyped('member', { label: <span>member.created</span> })).toBe(false);
    expect(matchesTyped('', { label: <span>member.created</span> })).toBe(true);
  });

  it('matches a tree node by its title', () => {
    expect(foldedTreeSearch.filterTreeNode('dien luc', { title: 'Chi bộ Điện lực' })).toBe(true);
    expect(foldedTreeSearch.filterTreeNode('van phong', { title: 'Chi bộ Điện lực' })).toBe(false);
  });
});
