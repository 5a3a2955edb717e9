import { isIsoDate } from '../../../lib/as-of';
import { MEETING_KINDS, type MeetingKind, type IsoDate } from '../../../lib/domain';

// The figures no other screen lists yet open their list in a drawer, kept in the URL (?list=…) so it can be shared:
// members:exempt | members:admissions | members:yearStart | members:left | members:on:<date>
// meetings:held | meetings:<KIND> | visits:all | visits:behind | visits:unassigned

export type FigureList =
  | { area: 'members'; which: 'exempt' | 'admissions' | 'yearStart' | 'left' }
  | { area: 'members'; which: 'on'; date: IsoDate }
  | { area: 'meetings'; kind: MeetingKind | null }
  | { area: 'visits'; which: 'all' | 'behind' | 'unassigned' };

export const encodeFigureList = (l: FigureList): string => {
  if (l.area === 'members') return l.which === 'on' ? `members:on:${l.date}` : `members:${l.which}`;
  if (l.area === 'meetings') return `meetings:${l.kind ?? 'held'}`;
  return `visits:${l.which}`;
};

export const decodeFigureList = (raw: string | null): FigureList | null => {
  if (!raw) return null;
  const [area, which = '', date] = raw.split(':');
  if (area === 'members') {
    if (which === 'on') return isIsoDate(date) ? { area, which, date } : null;
    return which === 'exempt' || which === 'admissions' || which === 'yearStart' || which === 'left'
      ? { area, which }
      : null;
  }
  if (area === 'meetings') {
    if (which === 'held') return { area, kind: null };
    return (MEETING_KINDS as readonly string[]).includes(which) ? { area, kind: which as MeetingKind } : null;
  }
  if (area === 'visits')
    return which === 'all' || which === 'behind' || which === 'unassigned' ? { area, which } : null;
  return null;
};
