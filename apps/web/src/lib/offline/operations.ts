// The GraphQL queries whose answers are kept on the device for reading offline (docs/offline.md): the signed-in
// user and the scope of their grants, the organisation tree and pages (the own cell), the member list and a member's
// record (the own record, "Hồ sơ của tôi"), the meeting calendar and a meeting. In the entry chunk (a set of names):
// the store itself (store.ts, IndexedDB) is loaded only when one of them runs.
export const OFFLINE_OPERATIONS: ReadonlySet<string> = new Set([
  'Me',
  'Policy',
  'ScopeRoots',
  'OrganisationChildren',
  'OrganisationPath',
  'OrganisationName',
  'Organisation',
  'MeetingOrganisation',
  'Members',
  'Member',
  'MemberDues',
  'MeetingList',
  'Meeting',
  // recording a meeting offline: its sheet lists the cell's members, and the dues column reads the cell's dues sheet
  'MeetingCellMembers',
  'DuesSheet',
]);
