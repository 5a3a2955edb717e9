import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../../test/render';
import type { OrganisationDetail } from '../api/get-organisation';
import { OrganisationFacts } from './organisation-facts';

// chibo keeps one term (nhiệm kỳ) per organisation: viewed as of a date before it began, it is not that date's term.
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
});
