import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../../test/render';
import type { MeetingCompliance } from '../api/get-compliance';
import { ComplianceSummary } from './compliance-summary';

const data = (behindCount: number) =>
  ({
    cellCount: 8,
    behindCount,
    behindPercent: (behindCount / 8) * 100,
    attendancePercent: 90,
    counts: [],
    cells: [],
  }) as unknown as MeetingCompliance;

const colourOf = (testId: string) =>
  (screen.getByTestId(testId).querySelector('.ant-statistic-content') as HTMLElement).style.color;

describe('ComplianceSummary: the figures coloured by meaning', () => {
  it('shows the cells behind in red when there are some; the other figures in the text colour', () => {
    renderUi(<ComplianceSummary data={data(3)} />);
    expect(screen.getByTestId('compliance-behind').dataset.tone).toBe('behind');
    expect(colourOf('compliance-behind')).toBe('rgb(168, 7, 26)');
    for (const id of ['compliance-cells', 'compliance-behindPercent', 'compliance-attendance']) {
      expect(screen.getByTestId(id).dataset.tone).toBe('neutral');
      expect(colourOf(id)).toBe('');
    }
  });

  it('shows "0" cells behind in green: none is behind', () => {
    renderUi(<ComplianceSummary data={data(0)} />);
    expect(screen.getByTestId('compliance-behind').dataset.tone).toBe('met');
    expect(colourOf('compliance-behind')).toBe('rgb(35, 120, 4)');
  });
});
