import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../../test/render';
import type { MeetingsSection, TrendPoint } from '../api/get-dashboard';
import type { DashboardLinks } from '../utils/links';
import { MeetingsCard } from './meetings-card';
import { TrendChart } from './trend-chart';

const links = { compliance: (all: boolean) => `/compliance?all=${all ? 1 : 0}` } as unknown as DashboardLinks;

const meetings = (over: Partial<MeetingsSection> = {}): MeetingsSection => ({
  from: '2026-01-01',
  to: '2026-06-30',
  cells: 12,
  cellsBehind: 3,
  behindPercent: 25,
  attendancePercent: 91.5,
  regularHeld: 40,
  thematicHeld: 6,
  held: 46,
  byKind: [],
  ...over,
});

describe('MeetingsCard: figures coloured by meaning', () => {
  it('shows the cells behind in red only when there are some; the other figures in the text colour', () => {
    renderUi(<MeetingsCard data={meetings()} links={links} onOpen={vi.fn()} />);
    const behind = screen.getByTestId('fig-cells-behind');
    expect(behind.dataset.tone).toBe('behind');
    expect(behind.className).toContain('dash-figure--behind');
    for (const id of ['fig-cells', 'fig-attendance', 'fig-held']) {
      expect(screen.getByTestId(id).className).not.toContain('dash-figure--behind');
    }
  });

  it('keeps "0 cells behind" in the text colour: nothing is behind', () => {
    renderUi(<MeetingsCard data={meetings({ cellsBehind: 0, behindPercent: 0 })} links={links} onOpen={vi.fn()} />);
    const behind = screen.getByTestId('fig-cells-behind');
    expect(behind.dataset.tone).toBe('met');
    expect(behind.className).not.toContain('dash-figure--behind');
  });

  it('names the attendance link with the percentage it shows (label in name)', () => {
    renderUi(<MeetingsCard data={meetings()} links={links} onOpen={vi.fn()} />);
    const link = screen.getByTestId('fig-attendance');
    expect(link.getAttribute('aria-label')).toContain(link.textContent);
    expect(screen.getByRole('link', { name: /^Tỷ lệ dự sinh hoạt 91,5\s?%: xem từng chi bộ$/ })).toBe(link);
  });
});

describe('TrendChart: each bar is named with what it shows', () => {
  const points: TrendPoint[] = [
    { year: 2025, date: '2025-12-31', members: 1234, fullMembers: 1200, probationaryMembers: 34, admissions: 12 },
    { year: 2026, date: '2026-06-30', members: 1240, fullMembers: 1201, probationaryMembers: 39, admissions: 7 },
  ];

  it('puts the year under the button, so every text the button shows is in its name', () => {
    renderUi(<TrendChart points={points} onOpen={vi.fn()} />);
    const bars = screen.getAllByTestId('trend-bar');
    expect(bars).toHaveLength(2);
    for (const bar of bars) {
      const name = bar.getAttribute('aria-label') ?? '';
      expect(bar.textContent).not.toBe('');
      expect(name).toContain(bar.textContent);
    }
    expect(bars[0].getAttribute('aria-label')).toContain('31/12/2025');
    expect(screen.getByText('2025').closest('button')).toBeNull();
  });
});
