import type { Attendance } from './kinds';

// A meeting's record written on a device without a connection is sent later; by then someone else may have changed
// the same meeting on the server. The change is never applied over a version it has not seen: the three versions
// (what the device read before editing, what it wrote, what the server has now) are compared field by field. A field
// only the device changed takes the device's value, a field only the server changed keeps the server's, and a field
// both changed to different values is a conflict the user decides. Attendance is compared member by member (one
// member's line is one field), so two people marking different members never conflict.

/** One member's attendance line as the API takes it (MeetingRecordInput.attendance). */
export type RecordAttendanceLine = {
  memberId: string;
  status: Attendance;
  reason?: string | null;
  late?: boolean | null;
  leftEarly?: boolean | null;
};
/** A task decided at the meeting (MeetingRecordInput.tasks). */
export type RecordTaskLine = { text: string; assigneeMemberId?: string | null; dueOn?: string | null };

/** The record of a held meeting: the fields of the API's MeetingRecordInput. */
export type MeetingRecordValues = {
  actualStart?: string | null;
  actualEnd?: string | null;
  guests?: string | null;
  minutes?: string | null;
  resolution?: string | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
  selfAssessment?: unknown;
  tasks?: readonly RecordTaskLine[] | null;
  attendance?: readonly RecordAttendanceLine[] | null;
};

/** The fields compared one by one; attendance adds one field per member: `attendance:<memberId>`. */
export const RECORD_SCALAR_FIELDS = [
  'actualStart',
  'actualEnd',
  'guests',
  'minutes',
  'resolution',
  'votesFor',
  'votesAgainst',
  'votesAbstain',
  'selfAssessment',
  'tasks',
] as const;
export type RecordScalarField = (typeof RECORD_SCALAR_FIELDS)[number];
export const ATTENDANCE_FIELD_PREFIX = 'attendance:';

/** How one field merges: equal on both sides, the device's change, the server's change, or a conflict to decide. */
export type RecordFieldMerge = {
  field: string;
  base: unknown;
  local: unknown;
  server: unknown;
  outcome: 'same' | 'local' | 'server' | 'conflict';
};

const blankToNull = (v: unknown): unknown => (v === undefined || v === '' ? null : v);

/** A value with its object keys sorted, so that equal contents compare equal whatever their key order. */
const canonical = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
};
const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A member's line as it counts: the reason only for an excused absence, late / left early only for the present. */
const attendanceValue = (a: RecordAttendanceLine) => ({
  status: a.status,
  reason: a.status === 'ABSENT_EXCUSED' ? a.reason?.trim() || null : null,
  late: a.status === 'PRESENT' ? Boolean(a.late) : false,
  leftEarly: a.status === 'PRESENT' ? Boolean(a.leftEarly) : false,
});

const taskValue = (t: RecordTaskLine) => ({
  text: t.text.trim(),
  assigneeMemberId: t.assigneeMemberId ?? null,
  dueOn: t.dueOn ?? null,
});

/** The record as named fields with normalised values (absent and empty are null; attendance per member). */
export const recordFieldValues = (r: MeetingRecordValues): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  for (const f of RECORD_SCALAR_FIELDS) {
    if (f === 'tasks') out.set(f, r.tasks?.length ? r.tasks.map(taskValue) : null);
    else if (f === 'guests') out.set(f, blankToNull(r.guests?.trim()));
    else out.set(f, blankToNull(r[f]));
  }
  for (const a of r.attendance ?? []) out.set(`${ATTENDANCE_FIELD_PREFIX}${a.memberId}`, attendanceValue(a));
  return out;
};

/**
 * Compares the record the device started from (`base`), the one it wrote (`local`) and the server's current one
 * (`server`), field by field, in a stable order: the scalar fields, then attendance by member id.
 */
export const mergeMeetingRecord = (
  base: MeetingRecordValues,
  local: MeetingRecordValues,
  server: MeetingRecordValues,
): RecordFieldMerge[] => {
  const b = recordFieldValues(base);
  const l = recordFieldValues(local);
  const s = recordFieldValues(server);
  const attendanceFields = [
    ...new Set([...b.keys(), ...l.keys(), ...s.keys()].filter((k) => k.startsWith(ATTENDANCE_FIELD_PREFIX))),
  ].sort();
  return [...RECORD_SCALAR_FIELDS, ...attendanceFields].map((field): RecordFieldMerge => {
    const base = b.get(field) ?? null;
    const local = l.get(field) ?? null;
    const server = s.get(field) ?? null;
    const outcome = same(local, server)
      ? 'same'
      : same(server, base)
        ? 'local'
        : same(local, base)
          ? 'server'
          : 'conflict';
    return { field, base, local, server, outcome };
  });
};

/** The conflicts among the merged fields (those the user must decide). */
export const recordConflicts = (merges: readonly RecordFieldMerge[]): RecordFieldMerge[] =>
  merges.filter((m) => m.outcome === 'conflict');

/**
 * The record to send after the user decided each conflict (`choices[field]`: keep the device's value or the server's).
 * `missing` lists the conflicts not decided yet (then nothing is to be sent). The record is whole (every field, the
 * full attendance list and task list), since the API replaces the lists it is given.
 */
export const resolveMeetingRecord = (
  merges: readonly RecordFieldMerge[],
  choices: Readonly<Record<string, 'local' | 'server'>>,
): { record: MeetingRecordValues; missing: string[] } => {
  const missing = merges.filter((m) => m.outcome === 'conflict' && !choices[m.field]).map((m) => m.field);
  const pick = (m: RecordFieldMerge): unknown => {
    if (m.outcome === 'same' || m.outcome === 'local') return m.local;
    if (m.outcome === 'server') return m.server;
    return choices[m.field] === 'server' ? m.server : m.local;
  };
  const record: Record<string, unknown> = {};
  const attendance: RecordAttendanceLine[] = [];
  for (const m of merges) {
    const v = pick(m);
    if (m.field.startsWith(ATTENDANCE_FIELD_PREFIX)) {
      if (v) {
        const a = v as ReturnType<typeof attendanceValue>;
        attendance.push({
          memberId: m.field.slice(ATTENDANCE_FIELD_PREFIX.length),
          status: a.status,
          ...(a.reason ? { reason: a.reason } : {}),
          ...(a.status === 'PRESENT' ? { late: a.late, leftEarly: a.leftEarly } : {}),
        });
      }
    } else if (m.field === 'tasks') {
      record.tasks = ((v as ReturnType<typeof taskValue>[] | null) ?? []).map((t) => ({
        text: t.text,
        ...(t.assigneeMemberId ? { assigneeMemberId: t.assigneeMemberId } : {}),
        ...(t.dueOn ? { dueOn: t.dueOn } : {}),
      }));
    } else if (m.field === 'guests' || m.field === 'minutes' || m.field === 'resolution') {
      // texts are always sent: an empty text clears the field
      record[m.field] = (v as string | null) ?? '';
    } else if (v !== null) {
      // times, votes and the self-assessment cannot be cleared through the API: a null one is left out
      record[m.field] = v;
    }
  }
  record.attendance = attendance;
  return { record: record as MeetingRecordValues, missing };
};
