import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isQueued } from './offline/outbox-status';

// The one place that decides which cached answers a write makes stale. Every query key starts with its feature's
// name (organisations, members, meetings, …: the features' keys.ts), so a write names the features whose answers
// it can change and all their queries are refetched (active ones at once, the others when next shown). A new
// mutation gets its line here; useApiMutation takes its name, so a hook cannot forget to invalidate.

/** The first element of every query key. */
export type QueryArea =
  | 'organisations'
  | 'members'
  | 'meetings'
  | 'visits'
  | 'compliance'
  | 'inspections'
  | 'ratings'
  | 'dues'
  | 'dashboard'
  | 'admin'
  | 'notices';

// A meeting moves the calendar and the meeting, compliance (which cells are behind), the visit lists (a visitor's
// meetings) and the dashboard: its meeting figures and alerts (MEETING_OVERDUE, MINUTES_MISSING, …).
const MEETING: readonly QueryArea[] = ['meetings', 'compliance', 'visits', 'dashboard'];
// An inspection moves the records, the plan, the tracker and the coverage, the member's discipline history and the
// dashboard's inspection figures and INSPECTION_BEHIND alerts.
const INSPECTION: readonly QueryArea[] = ['inspections', 'members', 'dashboard'];
// A rating step moves the round's progress, its list and the figures, and the dashboard's rating figures and alerts
// (RATING_QUOTA_BREACH, KHTNV_TWO_YEARS).
const RATING: readonly QueryArea[] = ['ratings', 'dashboard'];

// A member's record or event moves the lists and counts of members (organisation pages), the cells' attendance
// sheets and expected attendance, who is rated in a round, who owes dues where, and the dashboard's member figures and alerts.
const MEMBER: readonly QueryArea[] = [
  'members',
  'organisations',
  'meetings',
  'compliance',
  'ratings',
  'dues',
  'dashboard',
];

// A dues write moves the dues page, the member's dues card, the dues column of a meeting's attendance sheet (its
// query is the dues sheet's) and the dashboard's DUES_ARREARS alerts.
const DUES: readonly QueryArea[] = ['dues', 'dashboard'];

// A change to the tree moves every figure that is summed over a subtree: all areas.
const TREE: readonly QueryArea[] = [
  'organisations',
  'members',
  'meetings',
  'visits',
  'compliance',
  'inspections',
  'ratings',
  'dues',
  'dashboard',
];

/** Each mutation of apps/api/schema.gql the web app sends → the areas whose answers it can change. */
export const MUTATION_EFFECTS = {
  // administration: the lists of users, grants and tokens (and every write is in the audit log)
  createUser: ['admin'],
  setUserPassword: ['admin'],
  addGrant: ['admin'],
  removeGrant: ['admin'],
  createApiToken: ['admin'],
  revokeApiToken: ['admin'],
  // webhooks: the subscriptions and their delivery logs (admin screen); the audit chain's last verification
  createWebhookSubscription: ['admin'],
  updateWebhookSubscription: ['admin'],
  disableWebhookSubscription: ['admin'],
  replayWebhookDelivery: ['admin'],
  replayWebhookDeliveries: ['admin'],
  verifyAuditLog: ['admin'],
  createOrganisation: TREE,
  importOrganisations: TREE,
  importMembers: TREE,
  updateOrganisation: ['organisations', 'dashboard'],
  moveOrganisation: TREE,
  dissolveOrganisation: TREE,
  // a merger or a split moves members and child organisations and dissolves organisations: every subtree figure
  mergeOrganisations: TREE,
  splitOrganisation: TREE,
  // a cell's committee decides whether it has a chi ủy (the inspection target) and who presides; the dashboard's flags
  assignCommitteeSeat: ['organisations', 'inspections', 'meetings', 'dashboard'],
  endCommitteeSeat: ['organisations', 'inspections', 'meetings', 'dashboard'],
  createMember: MEMBER,
  updateMember: MEMBER,
  recordMemberEvent: MEMBER,
  // a discipline caps the member's rating and may expel them (KHAI_TRU)
  recordDiscipline: MEMBER,
  createMeeting: MEETING,
  updateMeeting: MEETING,
  recordMeeting: MEETING,
  closeMeeting: MEETING,
  cancelMeeting: MEETING,
  amendMeeting: MEETING,
  // the meeting page lists its documents; no figure counts them
  addMeetingDocument: ['meetings'],
  removeMeetingDocument: ['meetings'],
  // the meeting page lists its visits; the dashboard counts visits done and scored (VISITS_BEHIND, VISIT_UNSCORED)
  recordVisit: ['visits', 'meetings', 'dashboard'],
  submitVisitReport: ['visits', 'meetings'],
  // who follows a cell: the cell's visitors (organisation page), the visitor's own list and report, the dashboard's
  // visit coverage
  assignVisitor: ['organisations', 'visits', 'dashboard'],
  endVisitAssignment: ['organisations', 'visits', 'dashboard'],
  planInspection: INSPECTION,
  startInspection: INSPECTION,
  concludeInspection: INSPECTION,
  cancelInspection: INSPECTION,
  createInspectionPlan: INSPECTION,
  updateInspectionPlan: INSPECTION,
  openRatingRound: RATING,
  submitSelfAssessment: RATING,
  proposeRating: RATING,
  decideRating: RATING,
  announceRatingRound: RATING,
  // dues: the member's year, the sheet and the figures of every subtree above, the dashboard's arrears alerts
  recordDuesPayment: DUES,
  cancelDuesPayment: DUES,
  setDuesBasis: DUES,
  grantDuesRelief: DUES,
  importDuesPayments: DUES,
  // the inbox and the header's unread count
  markNoticesRead: ['notices'],
  markAllNoticesRead: ['notices'],
} as const satisfies Record<string, readonly QueryArea[]>;

export type MutationName = keyof typeof MUTATION_EFFECTS;

/** Marks stale every cached answer `mutation` can change (resolves when the active ones are refetched). */
export const invalidateAfter = (queryClient: QueryClient, mutation: MutationName): Promise<unknown> =>
  Promise.all(MUTATION_EFFECTS[mutation].map((area) => queryClient.invalidateQueries({ queryKey: [area] })));

/**
 * useMutation for a write: on success, the queries it changes (MUTATION_EFFECTS) are invalidated. A change queued on
 * this device (no connection) changed nothing on the server yet: the screens are refreshed when it is accepted.
 */
export const useApiMutation = <TVariables, TData>(
  mutation: MutationName,
  mutationFn: (variables: TVariables) => Promise<TData>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data) => (isQueued(data) ? undefined : invalidateAfter(queryClient, mutation)),
  });
};
