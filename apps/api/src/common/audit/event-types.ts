import { MEMBER_EVENT_TYPES } from '@chibo/domain';

/**
 * Domain events (docs/graphql.md#change-feed): which audited writes become an event, under which type, with which
 * payload. The one table of "audit operation → event type": AuditService.record consults it for every write, in the
 * writing transaction, so no write path can forget its event. A write whose operation is not here (grants, tokens,
 * passwords, documents, policy overrides…) has no event.
 *
 * Each event type documents its payload keys; the payload stored is exactly those keys (a builder's other keys are
 * dropped), so the documentation (served in the GraphQL schema) and the data cannot drift apart. Bump `version`
 * when a key changes meaning or goes away; adding a key keeps the version.
 */

/** How the event's organisation (scope) is found: the audited entity itself, or the one the write path gives. */
type OrgRule = 'subject' | 'given';

export type EventTypeDef = {
  version: number;
  /** One sentence: when the event happens. */
  when: string;
  /** Payload key → its meaning. */
  payload: Record<string, string>;
  /** Payload keys holding organisation ids: shown to a reader only when it may read that organisation (else null). */
  orgKeys?: string[];
};

const MEMBER_LIFECYCLE_PAYLOAD = {
  memberId: 'The member.',
  event: 'The member event type (MemberEventType: RECOGNISED_FULL, TRANSFER_INTERNAL, …).',
  effectiveOn: 'The date the event takes effect (YYYY-MM-DD).',
  toOrganisationId: 'The cell the member moves to (transfers), else null.',
  externalOrganisation: 'The organisation outside chibo involved (transfers out or in), else null.',
  reason: 'The reason code given (exemptions, removals), else null.',
  status: "The member's status after the event (MemberStatus).",
};

const lower = (s: string) => s.toLowerCase();

/** Every event type, its version, when it happens and its payload. */
export const EVENT_TYPES: Record<string, EventTypeDef> = {
  'member.admitted': {
    version: 1,
    when: 'A member record is created for a newly admitted member (createMember, admitCandidate, not a member import).',
    payload: {
      memberId: 'The member.',
      joinedOn: 'The date the member joined the cell.',
      admissionDecisionDate: 'The admission decision date, or null.',
      ceremonyDate: 'The admission ceremony date, or null.',
    },
  },
  'member.transferred_in': {
    version: 1,
    when: 'A member record is created for a member transferred in from outside chibo (createMember with transferredFrom).',
    payload: {
      memberId: 'The member.',
      joinedOn: 'The date the member joined the cell.',
      externalOrganisation: 'Where the member came from.',
    },
  },
  'member.updated': {
    version: 1,
    when: "A member's record fields are changed (updateMember). The payload names the fields, not their values: read the member.",
    payload: { memberId: 'The member.', fields: 'The names of the fields changed (MemberDataInput keys).' },
  },
  ...Object.fromEntries(
    MEMBER_EVENT_TYPES.filter((t) => t !== 'ADMITTED' && t !== 'DISCIPLINED' && t !== 'EXPELLED').map((t) => [
      `member.${lower(t)}`,
      {
        version: 1,
        when: `A ${t} member event is recorded (recordMemberEvent with type ${t}).`,
        payload: MEMBER_LIFECYCLE_PAYLOAD,
        orgKeys: ['toOrganisationId'],
      },
    ]),
  ),
  'member.disciplined': {
    version: 1,
    when: "A disciplinary measure is recorded (recordDiscipline, or an inspection's conclusion). Form KHAI_TRU also expels the member.",
    payload: {
      disciplineId: 'The discipline record.',
      memberId: 'The member.',
      form: 'The form (DisciplineForm).',
      decidingBody: 'The body that decided (DecidingBody).',
      decidedOn: 'The decision date.',
      inspectionId: 'The inspection whose conclusion decided it, or null.',
    },
  },
  'organisation.created': {
    version: 1,
    when: 'An organisation is created (createOrganisation, or a new row of an organisation import).',
    payload: {
      organisationId: 'The organisation.',
      code: 'Its code.',
      name: 'Its name.',
      kind: 'Its kind (OrganisationKind).',
      parentId: 'Its parent, or null for a root.',
      establishedOn: 'Its establishment date, or null (today).',
    },
    orgKeys: ['parentId'],
  },
  'organisation.updated': {
    version: 1,
    when: "An organisation's own fields change (updateOrganisation, or an existing row of an organisation import).",
    payload: {
      organisationId: 'The organisation.',
      code: 'Its code after the change.',
      name: 'Its name after the change.',
    },
  },
  'organisation.moved': {
    version: 1,
    when: 'An organisation is placed under another parent (moveOrganisation). Scoped by its path on the day of the write.',
    payload: {
      organisationId: 'The organisation.',
      fromParentId: 'The parent before.',
      toParentId: 'The parent after.',
      effectiveOn: 'The date of the move.',
    },
    orgKeys: ['fromParentId', 'toParentId'],
  },
  'organisation.merged': {
    version: 1,
    when: 'An organisation (the source) is merged into another (mergeOrganisations): one event per source, followed by its organisation.dissolved.',
    payload: {
      organisationId: 'The source.',
      targetId: 'The organisation it merged into.',
      effectiveOn: 'The date of the merger.',
      movedMembers: 'How many members moved to the target.',
    },
    orgKeys: ['targetId'],
  },
  'organisation.split': {
    version: 1,
    when: 'A new organisation is split off another (splitOrganisation): one event per new part.',
    payload: {
      organisationId: 'The new part.',
      fromId: 'The organisation it was split from.',
      code: "The new part's code.",
      name: "The new part's name.",
      effectiveOn: 'The date of the split.',
    },
    orgKeys: ['fromId'],
  },
  'organisation.dissolved': {
    version: 1,
    when: "An organisation is dissolved (dissolveOrganisation, a merger's source, or a split that dissolves the original).",
    payload: {
      organisationId: 'The organisation.',
      dissolvedOn: 'The date.',
      merged: 'True when dissolved by a merger.',
    },
  },
  'meeting.planned': {
    version: 1,
    when: "A meeting is planned (createMeeting). Its publication to the cell's members follows as meeting.published.",
    payload: {
      meetingId: 'The meeting.',
      kind: 'Its kind (MeetingKind).',
      title: 'Its title.',
      date: 'Its date.',
      startTime: 'Its start time, or null.',
      place: 'Its place, or null.',
    },
  },
  'meeting.published': {
    version: 1,
    when: "A planned meeting is published to its cell's members: from meeting.publishDaysAhead days before its date (the day members start to see it and get its notice). Written by the notice job, once per meeting; later plan changes are meeting.updated.",
    payload: {
      meetingId: 'The meeting.',
      date: 'Its date.',
      startTime: 'Its start time (HH:MM), or null.',
      place: 'Its place, or null.',
    },
  },
  'meeting.updated': {
    version: 1,
    when: "A planned or held meeting's plan changes (updateMeeting).",
    payload: { meetingId: 'The meeting.', fields: 'The names of the plan fields changed.' },
  },
  'meeting.recorded': {
    version: 1,
    when: 'What happened at a meeting is recorded (recordMeeting): attendance, minutes…; the meeting is HELD.',
    payload: { meetingId: 'The meeting.', fields: 'The names of the record fields given.' },
  },
  'meeting.closed': {
    version: 1,
    when: 'A held meeting is closed (closeMeeting): its record is final; later changes are amendments.',
    payload: { meetingId: 'The meeting.' },
  },
  'meeting.cancelled': {
    version: 1,
    when: 'A planned meeting is cancelled (cancelMeeting).',
    payload: { meetingId: 'The meeting.', reason: 'The reason given.' },
  },
  'meeting.amended': {
    version: 1,
    when: "A closed meeting's record is corrected (amendMeeting).",
    payload: { meetingId: 'The meeting.', reason: 'The reason given.', fields: 'The names of the fields corrected.' },
  },
  'visit.recorded': {
    version: 1,
    when: 'An assigned visitor records (and, when present, scores) a visit to a cell meeting (recordVisit).',
    payload: {
      visitId: 'The visit.',
      meetingId: 'The meeting visited.',
      attended: 'Whether the visitor attended.',
      scored: 'Whether the meeting was scored.',
    },
  },
  'inspection.planned': {
    version: 1,
    when: 'An inspection is planned (planInspection).',
    payload: {
      inspectionId: 'The inspection.',
      type: 'Its type (InspectionType).',
      body: 'The inspecting body.',
      plannedFrom: 'The planned start.',
      subjectCount: 'How many members are inspected.',
    },
  },
  'inspection.started': {
    version: 1,
    when: 'An inspection starts (startInspection).',
    payload: { inspectionId: 'The inspection.', startedOn: 'The start date.' },
  },
  'inspection.concluded': {
    version: 1,
    when: 'An inspection is concluded (concludeInspection); its disciplinary decisions follow as member.disciplined events in the same transaction.',
    payload: { inspectionId: 'The inspection.', concludedOn: 'The conclusion date.' },
  },
  'inspection.cancelled': {
    version: 1,
    when: 'An inspection is cancelled (cancelInspection).',
    payload: { inspectionId: 'The inspection.', reason: 'The reason given.' },
  },
  'rating.round_opened': {
    version: 1,
    when: 'A committee opens a rating round (openRatingRound).',
    payload: { roundId: 'The round.', year: 'The year rated.', periodKind: 'YEAR or TERM.', title: 'Its title.' },
  },
  'rating.self_assessed': {
    version: 1,
    when: 'A member or organisation submits its self-assessment in a round (submitSelfAssessment).',
    payload: {
      ratingId: 'The rating.',
      total: 'The self-assessed score.',
      computedLevel: 'The level the rules give (RatingLevel).',
    },
  },
  'rating.proposed': {
    version: 1,
    when: 'The reviewing cell or committee proposes a level (proposeRating).',
    payload: { ratingId: 'The rating.', level: 'The proposed level (RatingLevel).' },
  },
  'rating.decided': {
    version: 1,
    when: 'The competent level decides a rating (decideRating). Not public until the round is announced.',
    payload: { ratingId: 'The rating.', level: 'The decided level (RatingLevel).' },
  },
  'rating.recorded_historical': {
    version: 1,
    when: 'A past rating is recorded outside a round (recordHistoricalRating).',
    payload: { ratingId: 'The rating.', year: 'The year.', level: 'The level it counts as (RatingLevel).' },
  },
  'rating.round_announced': {
    version: 1,
    when: "A round's results are announced (announceRatingRound): its decided ratings become public.",
    payload: { roundId: 'The round.', announcedRatings: 'How many ratings were announced.' },
  },
  'rating.round_reopened': {
    version: 1,
    when: 'An administrator takes an announced round back to OPEN (reopenRatingRound).',
    payload: { roundId: 'The round.', reason: 'The reason given.' },
  },
  'alert.raised': {
    version: 1,
    when: "An alert rule starts to hold for a record (the alert list's rules, docs/rules.md#alerts): noticed by the notice job, which compares the alerts of the day with those raised before; once per rule and record until it is cleared.",
    payload: {
      code: 'The alert code (AlertCode).',
      severity: 'ERROR, WARNING or INFO.',
      organisationId: 'The organisation concerned.',
      memberId: 'The member concerned, or null.',
      meetingId: 'The meeting concerned, or null.',
      visitId: 'The visit concerned, or null.',
      dueOn: 'The deadline, or null.',
      params: "The alert's figures (counts, dates; no names).",
    },
  },
  'alert.cleared': {
    version: 1,
    when: "A raised alert's rule stops holding (the record was put right, or left the tree): noticed by the notice job. The payload is the alert.raised one, as last raised.",
    payload: {
      code: 'The alert code (AlertCode).',
      severity: 'ERROR, WARNING or INFO.',
      organisationId: 'The organisation concerned.',
      memberId: 'The member concerned, or null.',
      meetingId: 'The meeting concerned, or null.',
      visitId: 'The visit concerned, or null.',
      dueOn: 'The deadline, or null.',
      params: "The alert's figures (counts, dates; no names).",
    },
  },
  'import.finished': {
    version: 1,
    when: 'A member, organisation or dues payment import commits (importMembers, importOrganisations, importDuesPayments, the CLI import commands; a dry run commits nothing). Scoped by the deepest organisation containing every organisation it wrote.',
    payload: {
      operation: 'importMembers, importOrganisations or importDuesPayments.',
      file: 'The file name, or null.',
      sha256: "The file's SHA-256, or null.",
      rows: 'Rows in the file.',
      created: 'Records created.',
      updated: 'Records updated.',
      skipped: 'Rows skipped (invalid, with skipInvalid).',
    },
  },
};

/** The part of an audit entry the event table reads. */
export type AuditedWrite = {
  operation: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});
const given = (x: unknown): string[] =>
  Object.entries(obj(x))
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

type Mapping = { org: OrgRule; event: (w: AuditedWrite) => { type: string; payload: Obj } };
const simple = (type: string, org: OrgRule, payload: (w: AuditedWrite, a: Obj, b: Obj) => Obj): Mapping => ({
  org,
  event: (w) => ({ type, payload: payload(w, obj(w.after), obj(w.before)) }),
});

/** Audit operation → its event. `org: 'given'` = the write path passes the organisation (AuditEntry.organisationId). */
export const EVENT_OF_OPERATION: Record<string, Mapping> = {
  createMember: {
    org: 'given',
    event: (w) => {
      const a = obj(w.after);
      const joinedOn = a.joinedOn ?? a.ceremonyDate ?? null;
      return a.transferredFrom
        ? {
            type: 'member.transferred_in',
            payload: { memberId: w.entityId, joinedOn, externalOrganisation: a.transferredFrom },
          }
        : {
            type: 'member.admitted',
            payload: {
              memberId: w.entityId,
              joinedOn,
              admissionDecisionDate: a.admissionDecisionDate ?? null,
              ceremonyDate: a.ceremonyDate ?? null,
            },
          };
    },
  },
  updateMember: simple('member.updated', 'given', (w) => ({ memberId: w.entityId, fields: given(w.after) })),
  ...Object.fromEntries(
    MEMBER_EVENT_TYPES.filter((t) => t !== 'ADMITTED' && t !== 'DISCIPLINED' && t !== 'EXPELLED').map((t) => [
      `recordMemberEvent.${t}`,
      simple(`member.${lower(t)}`, 'given', (w, a) => ({
        memberId: w.entityId,
        event: t,
        effectiveOn: a.effectiveOn ?? null,
        toOrganisationId: a.toOrganisationId ?? null,
        externalOrganisation: a.externalOrganisation ?? null,
        reason: a.reason ?? null,
        status: a.status ?? null,
      })),
    ]),
  ),
  recordDiscipline: simple('member.disciplined', 'given', (w, a) => ({
    disciplineId: w.entityId,
    memberId: a.memberId,
    form: a.form,
    decidingBody: a.decidingBody,
    decidedOn: a.decidedOn,
    inspectionId: a.inspectionId ?? null,
  })),
  createOrganisation: simple('organisation.created', 'subject', (w, a) => ({
    organisationId: w.entityId,
    code: a.code,
    name: a.name,
    kind: a.kind,
    parentId: a.parentId ?? null,
    establishedOn: a.establishedOn ?? null,
  })),
  updateOrganisation: simple('organisation.updated', 'subject', (w, a) => ({
    organisationId: w.entityId,
    code: a.code,
    name: a.name,
  })),
  'importOrganisations.update': simple('organisation.updated', 'subject', (w, a) => ({
    organisationId: w.entityId,
    code: a.code,
    name: a.name,
  })),
  moveOrganisation: simple('organisation.moved', 'subject', (w, a, b) => ({
    organisationId: w.entityId,
    fromParentId: b.parentId ?? null,
    toParentId: a.parentId ?? null,
    effectiveOn: a.effectiveOn,
  })),
  mergeOrganisations: simple('organisation.merged', 'subject', (w, a) => ({
    organisationId: w.entityId,
    targetId: a.targetId,
    effectiveOn: a.effectiveOn,
    movedMembers: a.movedMembers,
  })),
  splitOrganisation: simple('organisation.split', 'subject', (w, a) => ({
    organisationId: w.entityId,
    fromId: a.from,
    code: a.code,
    name: a.name,
    effectiveOn: a.effectiveOn,
  })),
  dissolveOrganisation: simple('organisation.dissolved', 'subject', (w, a) => ({
    organisationId: w.entityId,
    dissolvedOn: a.dissolvedOn,
    merged: false,
  })),
  'mergeOrganisations.dissolve': simple('organisation.dissolved', 'subject', (w, a) => ({
    organisationId: w.entityId,
    dissolvedOn: a.dissolvedOn,
    merged: true,
  })),
  createMeeting: simple('meeting.planned', 'given', (w, a) => ({
    meetingId: w.entityId,
    kind: a.kind ?? null,
    title: a.title ?? null,
    date: a.date ?? null,
    startTime: a.startTime ?? null,
    place: a.place ?? null,
  })),
  updateMeeting: simple('meeting.updated', 'given', (w) => ({ meetingId: w.entityId, fields: given(w.after) })),
  recordMeeting: simple('meeting.recorded', 'given', (w) => ({ meetingId: w.entityId, fields: given(w.after) })),
  closeMeeting: simple('meeting.closed', 'given', (w) => ({ meetingId: w.entityId })),
  cancelMeeting: simple('meeting.cancelled', 'given', (w, a) => ({ meetingId: w.entityId, reason: a.reason ?? null })),
  amendMeeting: simple('meeting.amended', 'given', (w, a) => ({
    meetingId: w.entityId,
    reason: a.reason ?? null,
    fields: given(a).filter((k) => k !== 'reason'),
  })),
  recordVisit: simple('visit.recorded', 'given', (w, a) => ({
    visitId: w.entityId,
    meetingId: a.meetingId,
    attended: !!a.attended,
    scored: !!a.scores,
  })),
  planInspection: simple('inspection.planned', 'given', (w, a) => ({
    inspectionId: w.entityId,
    type: a.type,
    body: a.body,
    plannedFrom: a.plannedFrom,
    subjectCount: Array.isArray(a.subjectMemberIds) ? a.subjectMemberIds.length : null,
  })),
  startInspection: simple('inspection.started', 'given', (w, a) => ({
    inspectionId: w.entityId,
    startedOn: a.startedOn ?? null,
  })),
  concludeInspection: simple('inspection.concluded', 'given', (w, a) => ({
    inspectionId: w.entityId,
    concludedOn: a.concludedOn ?? null,
  })),
  cancelInspection: simple('inspection.cancelled', 'given', (w, a) => ({
    inspectionId: w.entityId,
    reason: a.reason ?? null,
  })),
  openRatingRound: simple('rating.round_opened', 'given', (w, a) => ({
    roundId: w.entityId,
    year: a.year,
    periodKind: a.periodKind,
    title: a.title,
  })),
  submitSelfAssessment: simple('rating.self_assessed', 'given', (w, a) => ({
    ratingId: w.entityId,
    total: a.total ?? null,
    computedLevel: a.computedLevel ?? null,
  })),
  proposeRating: simple('rating.proposed', 'given', (w, a) => ({ ratingId: w.entityId, level: a.level })),
  decideRating: simple('rating.decided', 'given', (w, a) => ({ ratingId: w.entityId, level: a.level })),
  recordHistoricalRating: simple('rating.recorded_historical', 'given', (w, a) => ({
    ratingId: w.entityId,
    year: a.year,
    level: a.level,
  })),
  announceRatingRound: simple('rating.round_announced', 'given', (w, a) => ({
    roundId: w.entityId,
    announcedRatings: a.announcedRatings ?? null,
  })),
  reopenRatingRound: simple('rating.round_reopened', 'given', (w, a) => ({
    roundId: w.entityId,
    reason: a.reason ?? null,
  })),
  importMembers: simple('import.finished', 'given', (w, a) => ({ operation: w.operation, ...a })),
  importOrganisations: simple('import.finished', 'given', (w, a) => ({ operation: w.operation, ...a })),
  importDuesPayments: simple('import.finished', 'given', (w, a) => ({ operation: w.operation, ...a })),
};

export type DomainEventDraft = { type: string; version: number; org: OrgRule; payload: Obj };

/** A type's documented payload keys, in order, from `payload` (missing: null; others dropped). */
const documentedPayload = (type: string, payload: Obj, of: string): { version: number; payload: Obj } => {
  const def = EVENT_TYPES[type];
  if (!def) throw new Error(`event type ${type} (of ${of}) is not in EVENT_TYPES`);
  return {
    version: def.version,
    payload: Object.fromEntries(Object.keys(def.payload).map((k) => [k, payload[k] === undefined ? null : payload[k]])),
  };
};

/** The event an audited write makes, or null (no event for that operation). Payload: the documented keys only. */
export const eventOf = (w: AuditedWrite): DomainEventDraft | null => {
  const mapping = EVENT_OF_OPERATION[w.operation];
  if (!mapping) return null;
  const { type, payload } = mapping.event(w);
  return { type, org: mapping.org, ...documentedPayload(type, payload, w.operation) };
};

/**
 * The events no write makes: what the notice job notices as time passes (a meeting's publication day, an alert rule
 * starting or stopping to hold). Written by it, in its transaction, with the state it compares against
 * (common/audit/audit.service.ts appendSystemEvents).
 */
export const SYSTEM_EVENT_TYPES = ['meeting.published', 'alert.raised', 'alert.cleared'] as const;
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];

/** A system event's version and documented payload. */
export const systemEventOf = (
  type: SystemEventType,
  payload: Obj,
): { type: SystemEventType; version: number; payload: Obj } => ({
  type,
  ...documentedPayload(type, payload, 'the notice job'),
});

/** The event types and payloads, as text for the GraphQL schema's descriptions. */
export const eventTypesDoc = (): string =>
  Object.entries(EVENT_TYPES)
    .map(
      ([type, d]) =>
        `- \`${type}\` (v${d.version}): ${d.when} Payload: ${Object.entries(d.payload)
          .map(([k, v]) => `\`${k}\`: ${v}`)
          .join(' ')}`,
    )
    .join('\n');
