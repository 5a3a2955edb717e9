import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../../test/render';
import type { OrganisationDetail } from '../api/get-organisation';
import { OrganisationFacts } from './organisation-facts';

// The API answers the term (nhiệm kỳ) in force on the viewed date; when none had started by then, the current one,
// which the record marks as not started yet. Earlier terms are listed below it.
const cell = {
  id: 'o-1',
  code: 'CB01',
  name: 'Chi bộ Văn phòng',
  kind: 'GRASSROOTS_CELL',
  levelName: null,
  unitServed: null,
  establishedOn: '2010-01-01',
  dissolvedOn: null,
  termStart: '2025-08-15',
  termEnd: '2030-08-15',
  termType: null,
  terms: [{ start: '2025-08-15', end: '2030-08-15', type: null, inForce: false }],
} as unknown as OrganisationDetail;

// The same cell with its history: viewed as of 01/01/2025 the API answers the term 2020–2025 in force then.
const terms = [
  { start: '2025-08-15', end: '2030-08-15', type: '5_YEARS', inForce: false },
  { start: '2020-08-15', end: '2025-08-15', type: '5_YEARS', inForce: true },
  { start: '2015-08-15', end: '2020-08-15', type: '5_YEARS', inForce: false },
  { start: '2010-08-15', end: '2015-08-15', type: null, inForce: false },
  { start: '2008-01-01', end: '2010-08-15', type: null, inForce: false },
  { start: '2006-01-01', end: '2008-01-01', type: null, inForce: false },
];
const asOf2025 = {
  ...cell,
  termStart: '2020-08-15',
  termEnd: '2025-08-15',
  termType: '5_YEARS',
  terms,
} as unknown as OrganisationDetail;

const termCell = () => screen.getByText('Nhiệm kỳ').closest('tr')!.textContent ?? '';

describe('OrganisationFacts: the term on the viewed date', () => {
  it('viewed as of 01/01/2025, a term beginning 15/08/2025 is marked as not started on that date', () => {
    renderUi(<OrganisationFacts organisation={cell} asOf="2025-01-01" />);
    expect(screen.getByTestId('term-not-started').textContent).toContain('chưa bắt đầu tại ngày 01/01/2025');
    expect(termCell()).toContain('15/08/2025');
  });

  it('viewed on a date inside the term, it is shown as the term in force', () => {
    renderUi(<OrganisationFacts organisation={cell} asOf="2026-03-01" />);
    expect(screen.queryByTestId('term-not-started')).toBeNull();
    expect(termCell()).toContain('15/08/2025');
    expect(termCell()).toContain('15/08/2030');
  });

  it('viewed as of 01/01/2025 with the term history, shows the term in force then and the terms before it', () => {
    renderUi(<OrganisationFacts organisation={asOf2025} asOf="2025-01-01" />);
    expect(screen.queryByTestId('term-not-started')).toBeNull();
    expect(termCell()).toContain('15/08/2020');
    expect(termCell()).toContain('15/08/2025');
    const past = screen.getByTestId('past-terms');
    expect(screen.getByText('Các nhiệm kỳ trước')).toBeTruthy();
    const items = [...past.querySelectorAll('li')].map((li) => li.textContent ?? '');
    // newest first, three shown, the later term (2025–2030) not among them, the rest counted
    expect(items).toHaveLength(4);
    expect(items[0]).toContain('15/08/2015');
    expect(items[0]).toContain('5 năm');
    expect(items[2]).toContain('01/01/2008');
    expect(items.join(' ')).not.toContain('2030');
    expect(items[3]).toBe('và 1 nhiệm kỳ trước nữa');
  });

  it('lists no earlier terms when the term shown is the first', () => {
    renderUi(<OrganisationFacts organisation={cell} asOf="2026-03-01" />);
    expect(screen.queryByTestId('past-terms')).toBeNull();
  });
});
