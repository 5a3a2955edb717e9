import '../locale';
import { Alert, Button, Flex, Radio, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso } from '../../../lib/as-of';
import {
  ATTENDANCE_FIELD_PREFIX,
  mergeMeetingRecord,
  recordConflicts,
  resolveMeetingRecord,
  type MeetingRecordValues,
  type RecordFieldMerge,
} from '../../../lib/domain';
import type { MeetingRecordInput } from '../../../gql/graphql';
import type { MeetingDetail } from '../api/fields';
import { useCellMembers } from '../api/get-cell-members';
import { meetingQueryOptions } from '../api/get-meeting';
import { recordValuesOf } from '../utils/record-values';

type Props = {
  meetingId: string;
  /** The record as the device read it before editing, and what the user wrote. */
  base: MeetingRecordValues;
  local: MeetingRecordValues;
  busy?: boolean;
  /** Send the decided record against the server's current version. */
  onResolve: (input: MeetingRecordInput, server: MeetingDetail) => void;
  /** Keep the server's record: the change written on this device is given up. */
  onDiscard: () => void;
};

type Attendance = { status: string; reason: string | null; late: boolean; leftEarly: boolean };
type Task = { text: string; assigneeMemberId: string | null; dueOn: string | null };

/**
 * A meeting's record changed on the server after this device read it: both versions side by side, field by field
 * (attendance member by member). Fields changed on one side only are taken from that side without asking; for each
 * field changed differently on both, the user picks the version to keep. Nothing is sent before every such field
 * is decided.
 */
export const RecordConflict = ({ meetingId, base, local, busy, onResolve, onDiscard }: Props) => {
  const { t } = useTranslation();
  // the server's record now (never a copy kept on the device: staleTime 0, asked again on each opening)
  const server = useQuery({ ...meetingQueryOptions(meetingId, todayIso()), staleTime: 0 });
  const members = useCellMembers(server.data?.organisationId, server.data?.date);
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.fullName])), [members.data]);
  const [choices, setChoices] = useState<Record<string, 'local' | 'server'>>({});

  const merges = useMemo(
    () => (server.data ? mergeMeetingRecord(base, local, recordValuesOf(server.data)) : []),
    [base, local, server.data],
  );
  const conflicts = recordConflicts(merges);
  if (server.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (server.isError || !server.data) return <QueryError error={server.error} onRetry={() => void server.refetch()} />;
  const current = server.data;

  const label = (field: string): string => {
    if (field.startsWith(ATTENDANCE_FIELD_PREFIX)) {
      const id = field.slice(ATTENDANCE_FIELD_PREFIX.length);
      return t('meetings.conflict.attendanceOf', { name: names.get(id) ?? t('meetings.unknownMember') });
    }
    if (field === 'tasks') return t('meetings.record.tasks');
    if (field === 'selfAssessment') return t('meetings.record.selfAssessment');
    return t(`meeting.fields.${field}` as 'meeting.fields.minutes');
  };
  const shown = (m: RecordFieldMerge, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('meetings.conflict.empty');
    if (m.field.startsWith(ATTENDANCE_FIELD_PREFIX)) {
      const a = v as Attendance;
      const marks = [
        a.late ? t('meetings.attendance.late') : null,
        a.leftEarly ? t('meetings.attendance.leftEarly') : null,
        a.reason,
      ].filter(Boolean);
      return [t(`meeting.attendance.${a.status}` as 'meeting.attendance.PRESENT'), ...marks].join(' – ');
    }
    if (m.field === 'tasks') return (v as Task[]).map((x) => x.text).join('; ');
    if (m.field === 'selfAssessment') {
      return Object.entries(v as Record<string, unknown>)
        .map(([code, points]) => `${code}: ${String(points)}`)
        .join(', ');
    }
    return String(v);
  };

  const resolved = resolveMeetingRecord(merges, choices);
  const blocked = current.state === 'CLOSED' || current.state === 'CANCELLED';

  return (
    <div className="section-gap" data-testid="record-conflict">
      <Alert
        type="warning"
        showIcon
        title={
          conflicts.length
            ? t('meetings.conflict.title', { count: conflicts.length })
            : t('meetings.conflict.noOverlap')
        }
        description={t('meetings.conflict.hint')}
      />
      {blocked && <Alert type="error" showIcon title={t('meetings.conflict.closed')} />}
      {conflicts.map((m) => (
        <fieldset key={m.field} className="conflict-field" data-testid="conflict-field" data-field={m.field}>
          <legend>{label(m.field)}</legend>
          <Radio.Group
            value={choices[m.field]}
            onChange={(e) => setChoices((c) => ({ ...c, [m.field]: e.target.value as 'local' | 'server' }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            <Radio value="local" data-testid="conflict-local">
              <Typography.Text strong>{t('meetings.conflict.local')}</Typography.Text>
              <div className="conflict-field__value">{shown(m, m.local)}</div>
            </Radio>
            <Radio value="server" data-testid="conflict-server">
              <Typography.Text strong>{t('meetings.conflict.server')}</Typography.Text>
              <div className="conflict-field__value">{shown(m, m.server)}</div>
            </Radio>
          </Radio.Group>
        </fieldset>
      ))}
      {resolved.missing.length > 0 && (
        <Typography.Text type="secondary">
          {t('meetings.conflict.decideAll', { count: resolved.missing.length })}
        </Typography.Text>
      )}
      <Flex gap={8} wrap justify="end">
        <Button onClick={onDiscard} disabled={busy} data-testid="conflict-discard">
          {t('meetings.conflict.discard')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={resolved.missing.length > 0 || blocked}
          onClick={() => onResolve(resolved.record as MeetingRecordInput, current)}
          data-testid="conflict-send"
        >
          {t('meetings.conflict.send')}
        </Button>
      </Flex>
    </div>
  );
};
