import '../locale';
import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from '../../../components/ui/reason-form';
import { TimeInput } from '../../../components/ui/time-input';
import { DefaultSheetNotice, evaluateScores, ScoreSheetFields } from '../../../components/score-sheet-fields';
import { isApiError } from '../../../lib/api-error';
import { todayIso } from '../../../lib/as-of';
import { clearDraft, draftKey, fingerprint, loadDraft, useKeepDraft } from '../../../lib/local-draft';
import { useSession } from '../../../lib/use-session';
import type { PolicyView } from '../../../lib/policy';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useAmendMeeting, useRecordMeeting } from '../api/meeting-mutations';
import { isQueued, useOutbox } from '../../../lib/offline/outbox-status';
import { paths } from '../../../lib/paths';
import { Link } from 'react-router-dom';
import type { MeetingRecordValues } from '../../../lib/domain';
import { recordValuesOf } from '../utils/record-values';
import { RecordConflict } from './record-conflict';
import type { CellMember } from '../api/get-cell-members';
import type { MeetingDetail } from '../api/fields';
import type { MeetingRecordInput } from '../../../gql/graphql';
import { safeDuration } from '../utils/meeting-format';
import {
  changedFields,
  draftFrom,
  liveRate,
  toRecordInput,
  type AttendanceDraft,
  type RecordDraft,
} from '../utils/record-draft';
import { useAttendanceDues } from '../../dues/components/attendance-dues';
import { AttendanceSheet, type AttendanceErrors } from './attendance-sheet';
import { TasksEditor } from './tasks-editor';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

type Problems = {
  attendance: AttendanceErrors;
  tasks: Record<string, string>;
  scores: Record<string, string>;
  fields: Record<string, string>;
  general: string | null;
};

const noProblems = (): Problems => ({ attendance: {}, tasks: {}, scores: {}, fields: {}, general: null });
const count = (p: Problems) =>
  Object.keys(p.attendance).length +
  Object.keys(p.tasks).length +
  Object.keys(p.scores).length +
  Object.keys(p.fields).length;

type Props = {
  meeting: MeetingDetail;
  members: CellMember[] | undefined;
  policy: PolicyView;
  canWrite: boolean;
};

/**
 * The record of a meeting: attendance, actual times, minutes, resolution and votes, next month's tasks and
 * the cell's self-assessment. Saving records the meeting (it becomes HELD); once CLOSED, a change is an
 * amendment with a reason.
 */
export const MeetingRecordForm = ({ meeting, members, policy, canWrite }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const record = useRecordMeeting();
  const amend = useAmendMeeting();
  const sheet = policy.scoreSheet;
  // the dues of the meeting's month, collected at the meeting: a column for whoever may record the cell's dues
  const dues = useAttendanceDues(meeting.organisationId, meeting.date, canWrite);

  // What was typed and not saved is kept in this browser (lib/local-draft.ts) and offered again on return.
  const userId = useSession()?.viewer.id ?? null;
  const storageKey = userId && canWrite ? draftKey(userId, 'meeting-record', meeting.id) : null;
  const serverDraft = useMemo(() => draftFrom(meeting, members, sheet), [meeting, members, sheet]);
  const basis = useMemo(
    () => fingerprint([meeting.state, toRecordInput(serverDraft, meeting.selfAssessment !== null)]),
    [serverDraft, meeting],
  );
  const [restored] = useState(() => (storageKey ? loadDraft<RecordDraft>(storageKey, basis) : null));
  const [draft, setDraft] = useState<RecordDraft>(() => restored?.value ?? serverDraft);
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  const [amending, setAmending] = useState(Boolean(restored) && meeting.state === 'CLOSED');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [tried, setTried] = useState(false);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  // the meeting changed on the server since this form was filled (CONFLICT / MEETING_CHANGED): both versions, per field
  const [conflict, setConflict] = useState<{ base: MeetingRecordValues; local: MeetingRecordInput } | null>(null);
  // a record saved on this device without a connection, waiting to be sent (lib/offline)
  const outbox = useOutbox();
  const waiting = outbox.find((item) => item.kind === 'recordMeeting' && item.target === meeting.id);

  const memberMap = useMemo(() => new Map((members ?? []).map((m) => [m.id, m])), [members]);
  const evaluation = evaluateScores(t, sheet, draft.scores);
  const rate = liveRate(draft);

  const notYet = meeting.state === 'PLANNED' && meeting.date > todayIso();
  const editable =
    canWrite &&
    (meeting.state === 'HELD' || (meeting.state === 'PLANNED' && !notYet) || (meeting.state === 'CLOSED' && amending));
  const disabled = !editable;

  const unchanged = useMemo(() => fingerprint(draft) === fingerprint(serverDraft), [draft, serverDraft]);
  useKeepDraft(storageKey, basis, draft, editable, unchanged);
  const discardDraft = () => {
    if (storageKey) clearDraft(storageKey);
    setRestoredAt(null);
    setAmending(false);
    setDraft(serverDraft);
  };

  const patch = (p: Partial<RecordDraft>) => setDraft((d) => ({ ...d, ...p }));
  const patchAttendance = (memberId: string, p: Partial<AttendanceDraft>) =>
    setDraft((d) => ({ ...d, attendance: { ...d.attendance, [memberId]: { ...d.attendance[memberId], ...p } } }));
  const allPresent = () =>
    setDraft((d) => ({
      ...d,
      attendance: Object.fromEntries(
        d.order.map((id) => {
          const a = d.attendance[id];
          // exempt members stay exempt: "all present" means everyone who is expected
          return [id, a.status === 'EXEMPT' ? a : { ...a, status: 'PRESENT' as const }];
        }),
      ),
    }));

  // Checks before sending (the API checks the same and more).
  const validate = (d: RecordDraft): Problems => {
    const p = noProblems();
    for (const id of d.order) {
      const a = d.attendance[id];
      if (!a.status) p.attendance[id] = { status: t('meetings.attendance.markRequired') };
      else if (a.status === 'ABSENT_EXCUSED' && !a.reason.trim())
        p.attendance[id] = { reason: t('meetings.attendance.reasonRequired') };
    }
    for (const [field, v] of [
      ['actualStart', d.actualStart],
      ['actualEnd', d.actualEnd],
    ] as const) {
      if (v && !TIME_RE.test(v)) p.fields[field] = t('meetings.form.timeFormat');
    }
    if (
      !p.fields.actualStart &&
      !p.fields.actualEnd &&
      d.actualStart &&
      d.actualEnd &&
      safeDuration(d.actualStart, d.actualEnd) === null
    ) {
      p.fields.actualEnd = t('meetings.form.endAfterStart');
    }
    for (const task of d.tasks) {
      if (!task.text.trim() && (task.assigneeMemberId || task.dueOn))
        p.tasks[task.key] = t('meetings.tasks.textRequired');
    }
    const ev = evaluateScores(t, sheet, d.scores);
    if (!ev.empty && !ev.result) p.scores = ev.errors;
    return p;
  };

  // API field paths → the input they belong to (indexes refer to the lists as sent).
  const fromServer = (error: unknown, sent: MeetingRecordInput, taskKeys: string[]): Problems => {
    const p = noProblems();
    const byField = fieldMessages(error);
    for (const [field, msg] of Object.entries(byField)) {
      const att = /^attendance\.(\d+)\.(\w+)$/.exec(field);
      const row = att ? sent.attendance?.[Number(att[1])] : undefined;
      if (att && row) {
        const key = att[2] === 'reason' ? 'reason' : att[2] === 'memberId' ? 'member' : 'status';
        p.attendance[row.memberId] = { ...p.attendance[row.memberId], [key]: msg };
        continue;
      }
      const task = /^tasks\.(\d+)\.\w+$/.exec(field);
      if (task && taskKeys[Number(task[1])]) {
        p.tasks[taskKeys[Number(task[1])]] = msg;
        continue;
      }
      const score = /^(?:scores|selfAssessment)\.(\w+)$/.exec(field);
      if (score) {
        p.scores[score[1]] = msg;
        continue;
      }
      p.fields[field] = msg;
    }
    const e = isApiError(error) ? error : null;
    if (e?.fields.some((x) => x.field === 'date') && e.reason === 'VALIDATION') p.general = t('meetings.record.notYet');
    else if (e?.code === 'CONFLICT' && e.fields.some((x) => x.field === 'id'))
      p.general = t('meetings.record.stateConflict');
    else if (e?.reason === 'VALIDATION' && count(p) > 0) p.general = t('meetings.record.fixServer');
    else p.general = message(error);
    return p;
  };

  const send = (amendReason: string | null) => {
    const input = toRecordInput(draft, !evaluation.empty);
    const taskKeys = draft.tasks
      .filter((task) => task.text.trim() || task.assigneeMemberId || task.dueOn)
      .map((task) => task.key);
    const onError = (error: unknown) => setProblems(fromServer(error, input, taskKeys));
    const onSuccess = (saved: MeetingDetail) => {
      if (storageKey) clearDraft(storageKey);
      setRestoredAt(null);
      setProblems(noProblems());
      setTried(false);
      setAmending(false);
      setReasonOpen(false);
      setReason('');
      setDraft(draftFrom(saved, members, sheet));
    };
    if (amendReason !== null) {
      const before = toRecordInput(draftFrom(meeting, members, sheet), meeting.selfAssessment !== null);
      const changes = changedFields(before, input);
      if (Object.keys(changes).length === 0) {
        setReasonOpen(false);
        void toast.info(t('meetings.record.nothingChanged'));
        return;
      }
      amend.mutate(
        { id: meeting.id, reason: amendReason, input: changes },
        {
          onSuccess: (m) => {
            onSuccess(m);
            void toast.success(t('meetings.record.amended'));
          },
          onError,
        },
      );
    } else {
      sendRecord(meeting, input, onSuccess, onError);
    }
  };

  const sendRecord = (
    from: MeetingDetail,
    input: MeetingRecordInput,
    onSuccess: (saved: MeetingDetail) => void,
    onError: (error: unknown) => void,
  ) =>
    record.mutate(
      { meeting: from, input },
      {
        onSuccess: (m) => {
          setConflict(null);
          if (isQueued(m)) {
            // no connection: kept on this device (with the draft) and sent when the connection is back
            setProblems(noProblems());
            setTried(false);
            void toast.info(t('meetings.record.queued'));
            return;
          }
          onSuccess(m);
          void toast.success(from.state === 'PLANNED' ? t('meetings.record.recorded') : t('meetings.record.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && error.reason === 'MEETING_CHANGED') {
            setProblems(noProblems());
            setConflict({ base: recordValuesOf(from), local: input });
          } else onError(error);
        },
      },
    );

  const resolveConflict = (input: MeetingRecordInput, server: MeetingDetail) =>
    sendRecord(
      server,
      input,
      (saved) => {
        if (storageKey) clearDraft(storageKey);
        setRestoredAt(null);
        setProblems(noProblems());
        setTried(false);
        setDraft(draftFrom(saved, members, sheet));
      },
      (error) => setProblems({ ...noProblems(), general: message(error) }),
    );

  const submit = () => {
    setTried(true);
    const p = validate(draft);
    if (count(p) > 0) {
      setProblems({ ...p, general: t('meetings.record.fixProblems', { count: count(p) }) });
      return;
    }
    setProblems(noProblems());
    if (meeting.state === 'CLOSED') setReasonOpen(true);
    else send(null);
  };

  const fieldItem = (field: string) =>
    problems.fields[field] ? { validateStatus: 'error' as const, help: problems.fields[field] } : {};

  const duration = safeDuration(draft.actualStart, draft.actualEnd);
  const minimum =
    meeting.kind === 'COMBINED' ? policy.meeting.minCombinedDurationMinutes : policy.meeting.minDurationMinutes;
  const checksDuration = meeting.kind !== 'CONGRESS' && meeting.kind !== 'EXTRAORDINARY';
  const votes = (draft.votesFor ?? 0) + (draft.votesAgainst ?? 0) + (draft.votesAbstain ?? 0);
  const anyVote = draft.votesFor !== null || draft.votesAgainst !== null || draft.votesAbstain !== null;
  const pending = record.isPending || amend.isPending;

  const submitLabel =
    meeting.state === 'PLANNED'
      ? t('meetings.record.submitRecord')
      : meeting.state === 'CLOSED'
        ? t('meetings.record.submitAmend')
        : t('meetings.record.submitSave');

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('meetings.record.title')}</h2>}
      extra={
        meeting.state === 'CLOSED' && canWrite && !amending ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setAmending(true)} data-testid="start-amend">
            {t('meetings.record.amend')}
          </Button>
        ) : undefined
      }
      data-testid="meeting-record"
    >
      <Form layout="vertical" component="div" className="section-gap">
        {notYet && <Alert type="info" showIcon title={t('meetings.record.fromDate', { date: f.date(meeting.date) })} />}
        {meeting.state === 'CLOSED' && !amending && (
          <Alert type="info" showIcon title={t('meetings.record.closedHint')} />
        )}
        {amending && <Alert type="warning" showIcon title={t('meetings.record.amendingHint')} />}
        {problems.general && (
          <Alert type="error" showIcon role="alert" title={problems.general} data-testid="record-error" />
        )}
        {waiting && (
          <Alert
            type={waiting.state === 'rejected' ? 'error' : waiting.state === 'conflict' ? 'warning' : 'info'}
            showIcon
            data-testid="record-queued"
            data-state={waiting.state}
            title={t(`meetings.record.waiting.${waiting.state}`, {
              at: f.dateTime(new Date(waiting.updatedAt).toISOString()),
            })}
            action={
              waiting.state === 'conflict' || waiting.state === 'rejected' ? (
                <Link to={paths.sync}>{t('meetings.record.waiting.open')}</Link>
              ) : undefined
            }
          />
        )}
        {restoredAt && !waiting && (
          <Alert
            type="warning"
            showIcon
            data-testid="record-draft-restored"
            title={t('meetings.record.draftRestored', { at: f.dateTime(restoredAt) })}
            action={
              <Button size="small" onClick={discardDraft} data-testid="record-draft-discard">
                {t('meetings.record.draftDiscard')}
              </Button>
            }
          />
        )}

        <section aria-labelledby="att-title">
          <h3 id="att-title" className="section-title">
            {t('meetings.record.attendance')}
          </h3>
          {members === undefined && draft.order.length > 0 && (
            <Typography.Paragraph type="secondary">{t('meetings.record.membersUnavailable')}</Typography.Paragraph>
          )}
          <AttendanceSheet
            draft={draft}
            members={memberMap}
            disabled={disabled}
            errors={problems.attendance}
            onChange={patchAttendance}
            onAllPresent={allPresent}
            extra={dues.column}
          />
          {dues.dialog}
        </section>

        <section aria-labelledby="times-title">
          <h3 id="times-title" className="section-title">
            {t('meetings.record.times')}
          </h3>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item label={t('meeting.fields.actualStart')} htmlFor="actual-start" {...fieldItem('actualStart')}>
                <TimeInput
                  id="actual-start"
                  value={draft.actualStart}
                  disabled={disabled}
                  onChange={(v) => patch({ actualStart: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('meeting.fields.actualEnd')} htmlFor="actual-end" {...fieldItem('actualEnd')}>
                <TimeInput
                  id="actual-end"
                  value={draft.actualEnd}
                  disabled={disabled}
                  onChange={(v) => patch({ actualEnd: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} style={{ display: 'flex', alignItems: 'center' }}>
              {duration !== null && (
                <Typography.Text
                  type={checksDuration && duration < minimum ? 'warning' : 'secondary'}
                  data-testid="record-duration"
                >
                  {checksDuration && duration < minimum
                    ? t('meetings.form.durationShort', { minutes: f.number(duration), minimum: f.number(minimum) })
                    : t('meetings.form.duration', { minutes: f.number(duration) })}
                </Typography.Text>
              )}
            </Col>
          </Row>
          <Form.Item label={t('meeting.fields.guests')} htmlFor="guests" {...fieldItem('guests')}>
            <Input
              id="guests"
              value={draft.guests}
              disabled={disabled}
              maxLength={2000}
              onChange={(e) => patch({ guests: e.target.value })}
            />
          </Form.Item>
        </section>

        <section aria-labelledby="minutes-title">
          <h3 id="minutes-title" className="section-title">
            {t('meetings.record.content')}
          </h3>
          <Form.Item
            label={t('meeting.fields.minutes')}
            htmlFor="minutes"
            extra={t('meetings.record.minutesHint')}
            {...fieldItem('minutes')}
          >
            <Input.TextArea
              id="minutes"
              value={draft.minutes}
              disabled={disabled}
              autoSize={{ minRows: 5, maxRows: 20 }}
              onChange={(e) => patch({ minutes: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('meeting.fields.resolution')} htmlFor="resolution" {...fieldItem('resolution')}>
            <Input.TextArea
              id="resolution"
              value={draft.resolution}
              disabled={disabled}
              autoSize={{ minRows: 4, maxRows: 20 }}
              onChange={(e) => patch({ resolution: e.target.value })}
            />
          </Form.Item>
          <fieldset className="votes">
            <legend>{t('meetings.record.votes')}</legend>
            <Flex wrap gap={12}>
              {(
                [
                  ['votesFor', 'votes-for'],
                  ['votesAgainst', 'votes-against'],
                  ['votesAbstain', 'votes-abstain'],
                ] as const
              ).map(([key, id]) => (
                <Form.Item
                  key={key}
                  label={t(`meeting.fields.${key}`)}
                  htmlFor={id}
                  {...fieldItem(key)}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    id={id}
                    min={0}
                    precision={0}
                    inputMode="numeric"
                    value={draft[key]}
                    disabled={disabled}
                    onChange={(v) => patch({ [key]: typeof v === 'number' ? v : null })}
                  />
                </Form.Item>
              ))}
            </Flex>
            {anyVote && votes !== rate.present && (
              <Typography.Text type="warning">
                {t('meetings.record.votesMismatch', { votes: f.number(votes), present: f.number(rate.present) })}
              </Typography.Text>
            )}
          </fieldset>
        </section>

        <section aria-labelledby="tasks-title">
          <h3 id="tasks-title" className="section-title">
            {t('meetings.record.tasks')}
          </h3>
          <TasksEditor
            tasks={draft.tasks}
            members={members ?? []}
            disabled={disabled}
            errors={problems.tasks}
            onChange={(tasks) => patch({ tasks })}
          />
        </section>

        <section aria-labelledby="self-title">
          <h3 id="self-title" className="section-title">
            {t('meetings.record.selfAssessment')}
          </h3>
          {!policy.fromServer && <DefaultSheetNotice />}
          <Typography.Paragraph type="secondary">{t('meetings.record.selfAssessmentHint')}</Typography.Paragraph>
          <ScoreSheetFields
            idPrefix="self"
            sheet={sheet}
            values={draft.scores}
            evaluation={evaluation}
            serverErrors={problems.scores}
            disabled={disabled}
            showRequired={tried}
            onChange={(code, value) => setDraft((d) => ({ ...d, scores: { ...d.scores, [code]: value } }))}
          />
        </section>

        {editable && (
          <Flex gap={8} wrap justify="end" className="record-actions">
            {amending && (
              <Button
                onClick={() => {
                  setProblems(noProblems());
                  discardDraft();
                }}
              >
                {t('common.cancel')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              loading={pending}
              onClick={submit}
              data-testid="record-submit"
            >
              {submitLabel}
            </Button>
          </Flex>
        )}
      </Form>

      <Modal
        open={conflict !== null}
        title={t('meetings.conflict.modalTitle')}
        footer={null}
        width={720}
        destroyOnHidden
        onCancel={() => setConflict(null)}
      >
        {conflict && (
          <RecordConflict
            meetingId={meeting.id}
            base={conflict.base}
            local={conflict.local}
            busy={record.isPending}
            onResolve={resolveConflict}
            onDiscard={() => {
              setConflict(null);
              discardDraft();
            }}
          />
        )}
      </Modal>
      <Modal
        open={reasonOpen}
        title={t('meetings.record.amendTitle')}
        okText={t('meetings.record.submitAmend')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reason.trim(), loading: amend.isPending }}
        onOk={() => send(reason.trim())}
        onCancel={() => setReasonOpen(false)}
      >
        <ReasonForm id="amend-reason" label={t('meetings.record.amendReason')} value={reason} onChange={setReason} />
      </Modal>
    </Card>
  );
};
