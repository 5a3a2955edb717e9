import { paths } from '../../../lib/paths';
import type { AlertItem } from '../api/get-alerts';

/**
 * The record to open to fix an alert (docs/dashboard.md): a member's page, a meeting's page (a visit is fixed on
 * the visited meeting), else the organisation's page. `kind` names it for the link text.
 */
export const alertTarget = (a: AlertItem): { path: string; kind: 'member' | 'meeting' | 'visit' | 'organisation' } => {
  if (a.entity === 'MEMBER' && a.memberId) return { path: paths.member(a.memberId), kind: 'member' };
  if (a.entity === 'MEETING' && a.meetingId) return { path: paths.meeting(a.meetingId), kind: 'meeting' };
  if (a.entity === 'VISIT' && a.meetingId) return { path: paths.meeting(a.meetingId), kind: 'visit' };
  return { path: paths.organisation(a.organisation.id), kind: 'organisation' };
};
