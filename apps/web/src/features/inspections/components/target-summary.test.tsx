import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../../test/render';
import type { InspectionTarget } from '../api/get-target';
import { TargetSummary } from './target-summary';

const target = (over: Partial<InspectionTarget>) =>
  ({
    year: 2026,
    asOf: '2026-06-30',
    referenceDate: '2026-06-30',
    subjectCount: 18,
    metCount: 8,
    behindCount: 4,
    percent: 44.44,
    percentText: '44,44',
    projectedMetCount: 14,
    projectedPercent: 77.78,
    concludedTotal: 20,
    ...over,
  }) as InspectionTarget;

describe('TargetSummary: the figures coloured by meaning', () => {
  it('shows the cells behind and off pace in red when there are some; met, all and on pace in the text colour', () => {
    renderUi(<TargetSummary data={target({})} filter="ALL" onOpen={vi.fn()} />);
    for (const id of ['target-behind', 'target-off-pace']) {
      expect(screen.getByTestId(id).dataset.tone).toBe('behind');
      expect(screen.getByTestId(id).className).toContain('ant-btn-color-dangerous');
    }
    for (const id of ['target-met', 'target-subjects', 'target-on-pace']) {
      expect(screen.getByTestId(id).dataset.tone).toBe('neutral');
      expect(screen.getByTestId(id).className).toContain('ant-btn-color-default');
    }
  });

  it('keeps "0 behind" and "0 off pace" in the text colour', () => {
    renderUi(
      <TargetSummary
        data={target({ behindCount: 0, projectedMetCount: 18, projectedPercent: 100 })}
        filter="ALL"
        onOpen={vi.fn()}
      />,
    );
    for (const id of ['target-behind', 'target-off-pace']) {
      expect(screen.getByTestId(id).dataset.tone).toBe('neutral');
      expect(screen.getByTestId(id).className).not.toContain('ant-btn-color-dangerous');
    }
  });
});
