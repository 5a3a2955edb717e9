import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../test/api';
import { fill, renderUi } from '../../../test/render';
import type { RatingRound } from '../api/fields';
import { SelfAssessmentDialog } from './self-assessment-dialog';

const round = {
  id: 'rr-1',
  organisationId: 'o-1',
  year: 2026,
  periodKind: 'YEAR',
  periodLabel: '',
  title: 'Đánh giá, xếp loại chất lượng năm 2026',
  selfAssessmentDue: '2026-11-30',
  proposalDue: '2026-12-10',
  decisionDue: '2026-12-20',
  state: 'OPEN',
} as unknown as RatingRound;

const open = () =>
  renderUi(
    <SelfAssessmentDialog
      round={round}
      rating={null}
      ownMember={{ id: 'm-1', organisationId: 'o-1', name: 'Nguyễn Văn An' }}
      open
      onClose={() => undefined}
    />,
  );
const box = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('SelfAssessmentDialog', () => {
  // Issue 12 §6: "27,5" (Vietnamese decimal comma) was read as 275 and the live total showed 332/100.
  it('reads the points typed with a decimal comma, and the live total adds them up', async () => {
    answer({ RatingPolicy: { policy: {} } });
    const { user } = open();
    await waitFor(() => expect(box('self-generalPoints')).toBeTruthy());
    await user.type(box('self-generalPoints'), '27,5');
    fill(box('self-taskPoints'), '57');
    for (const [k, v] of [
      ['assigned', '10'],
      ['completed', '10'],
      ['onTime', '10'],
      ['exceeded', '0'],
    ])
      fill(box(`self-tasks-${k}`), v);
    await waitFor(() => expect(screen.getByTestId('self-total').textContent).toBe('Tổng điểm: 84,5/100'));
    // a decimal point is read the same way
    fill(box('self-generalPoints'), '27.5');
    await waitFor(() => expect(screen.getByTestId('self-total').textContent).toBe('Tổng điểm: 84,5/100'));
  });
});
