import '../locale';
import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MeetingKindTag, MeetingStateTag, ScoreLevelTag } from '../../../components/meeting-tags';
import {
  DefaultSheetNotice,
  evaluateScores,
  ScoreSheetFields,
  scoresPayload,
  scoreValuesFrom,
  type ScoreValues,
} from '../../../components/score-sheet-fields';
import { QueryError } from '../../../components/ui/query-error';
import { isApiError } from '../../../lib/api-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { usePolicy, type PolicyView } from '../../../lib/policy';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useSession } from '../../../lib/use-session';
import { useVisitMeeting } from '../api/get-visit-meeting';
import type { Visit } from '../api/fields';
import type { VisitMeetingDetail } from '../api/get-visit-meeting';
import { useRecordVisit } from '../api/visit-mutations';

type Draft = { attended: boolean; scores: ScoreValues; guidance: string; issues: string; followUp: string };

const draftFrom = (policy: PolicyView, mine: Visit | undefined): Draft => ({
  attended: mine?.attended ?? true,
  scores: scoreValuesFrom(policy.scoreSheet, mine?.scores),
  guidance: mine?.guidance ?? '',
  issues: mine?.issues ?? '',
  followUp: mine?.followUp ?? '',
});

const VisitSheet = ({
  meeting,
  policy,
  mine,
}: {
  meeting: VisitMeetingDetail;
  policy: PolicyView;
  mine: Visit | undefined;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const save = useRecordVisit();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(policy, mine));
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<Visit | undefined>(mine);
  const sheet = policy.scoreSheet;
  const evaluation = evaluateScores(t, sheet, draft.scores);
  const held = meeting.state === 'HELD' || meeting.state === 'CLOSED';

  const serverFields = save.error ? fieldMessages(save.error) : {};
  const serverScores = Object.fromEntries(
    Object.entries(serverFields)
      .filter(([k]) => k.startsWith('scores.'))
      .map(([k, v]) => [k.slice('scores.'.length), v]),
  );
  const generalError = save.error
    ? isApiError(save.error) && save.error.code === 'FORBIDDEN'
      ? t('visits.sheet.notAssigned')
      : isApiError(save.error) && save.error.code === 'CONFLICT'
        ? t('visits.sheet.notHeld')
        : message(save.error)
    : null;

  const submit = () => {
    setTried(true);
    if (draft.attended && !evaluation.empty && !evaluation.result) return;
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    save.mutate(
      {
        meetingId: meeting.id,
        attended: draft.attended,
        ...(draft.attended && !evaluation.empty ? { scores: scoresPayload(draft.scores) } : {}),
        guidance: text(draft.guidance),
        issues: text(draft.issues),
        followUp: text(draft.followUp),
      },
      {
        onSuccess: (v) => {
          setSaved(v);
          setTried(false);
          void toast.success(t('visits.sheet.saved'));
        },
      },
    );
  };

  return (
    <Card size="small" title={<h2 className="card-title">{t('visits.sheet.title')}</h2>} data-testid="visit-form">
      <Form layout="vertical" component="div" className="section-gap">
        {!held && <Alert type="info" showIcon title={t('visits.sheet.notHeld')} />}
        {!policy.fromServer && <DefaultSheetNotice />}
        {generalError && <Alert type="error" showIcon role="alert" title={generalError} />}
        {saved && (
          <Alert
            type={saved.total !== null ? 'success' : 'info'}
            showIcon
            data-testid="visit-result"
            title={
              saved.total !== null ? (
                <span>
                  {t('visits.sheet.result', { total: f.number(saved.total), max: f.number(saved.maxTotal) })}{' '}
                  <ScoreLevelTag level={saved.level} />
                </span>
              ) : (
                t('visits.sheet.resultUnscored')
              )
            }
            description={saved.scoreGapWarning ? t('visits.sheet.gap', { self: f.number(saved.selfTotal) }) : undefined}
          />
        )}
        <Form.Item label={t('visits.sheet.attended')} htmlFor="visit-attended">
          <Switch
            id="visit-attended"
            checked={draft.attended}
            disabled={!held}
            checkedChildren={t('common.yes')}
            unCheckedChildren={t('common.no')}
            onChange={(attended) => setDraft((d) => ({ ...d, attended }))}
          />
        </Form.Item>
        <section aria-labelledby="visit-score-title">
          <h3 id="visit-score-title" className="section-title">
            {t('visits.sheet.scores')}
          </h3>
          <Typography.Paragraph type="secondary">{t('visits.sheet.scoresHint')}</Typography.Paragraph>
          {/* jscpd:ignore-start — the score sheet's props, as in the meeting's self-assessment (meeting-record-form) */}
          <ScoreSheetFields
            idPrefix="visit"
            sheet={sheet}
            values={draft.scores}
            evaluation={evaluation}
            serverErrors={serverScores}
            disabled={!held || !draft.attended}
            showRequired={tried}
            onChange={(code, value) => setDraft((d) => ({ ...d, scores: { ...d.scores, [code]: value } }))}
          />
          {/* jscpd:ignore-end */}
        </section>
        {(
          [
            ['guidance', 'visit-guidance'],
            ['issues', 'visit-issues'],
            ['followUp', 'visit-follow-up'],
          ] as const
        ).map(([key, id]) => (
          <Form.Item
            key={key}
            label={t(`visits.sheet.${key}`)}
            htmlFor={id}
            validateStatus={serverFields[key] ? 'error' : undefined}
            help={serverFields[key]}
          >
            <Input.TextArea
              id={id}
              value={draft[key]}
              disabled={!held}
              autoSize={{ minRows: 2, maxRows: 10 }}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            />
          </Form.Item>
        ))}
        <Flex justify="end">
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            disabled={!held}
            loading={save.isPending}
            onClick={submit}
            data-testid="visit-submit"
          >
            {t('visits.sheet.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
};

/** /meetings/:id/visit: the assigned visitor's record of a meeting, with the score on the policy's sheet. */
export const MeetingVisitRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const session = useSession();
  const query = useVisitMeeting(id, asOf);
  const m = query.data;
  const policy = usePolicy(m?.organisationId, m?.date ?? asOf);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !m) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const mine = m.visitRecords.find((v) => v.visitorUserId === session?.viewer.id);
  const time = (a: string | null, b: string | null) => (a && b ? `${a}–${b}` : (a ?? b ?? t('common.none')));

  return (
    <article className="section-gap" aria-labelledby="visit-title" data-testid="visit-page">
      <title>{t('app.pageTitle', { page: t('visits.sheet.pageTitle') })}</title>
      <Breadcrumb
        items={[
          { key: 'visits', title: <Link to={href(paths.visits)}>{t('visits.title')}</Link> },
          { key: 'meeting', title: <Link to={href(paths.meeting(m.id))}>{m.title}</Link> },
          { key: 'sheet', title: t('visits.sheet.pageTitle') },
        ]}
      />
      <div>
        <Typography.Title level={1} id="visit-title" style={{ fontSize: 24, margin: 0 }}>
          {t('visits.sheet.heading', { title: m.title })}
        </Typography.Title>
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          <MeetingKindTag kind={m.kind} />
          <MeetingStateTag state={m.state} />
        </Flex>
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'cell', label: t('visits.sheet.cell'), children: m.organisation?.name ?? t('visits.cellNameHidden') },
          { key: 'date', label: t('meeting.fields.date'), children: f.date(m.date) },
          { key: 'planned', label: t('meetings.plan.plannedTime'), children: time(m.startTime, m.endTime) },
          { key: 'actual', label: t('visits.sheet.actualTime'), children: time(m.actualStart, m.actualEnd) },
          { key: 'place', label: t('meeting.fields.place'), children: m.place || t('common.none') },
          {
            key: 'att',
            label: t('visits.sheet.attendance'),
            children:
              m.attendanceRate.expected > 0
                ? t('meetings.attendance.rate', {
                    present: f.number(m.attendanceRate.present),
                    expected: f.number(m.attendanceRate.expected),
                    percent: f.percent(m.attendanceRate.percent),
                  })
                : t('common.none'),
          },
          {
            key: 'self',
            label: t('visits.sheet.selfTotal'),
            children: m.selfTotal !== null ? f.number(m.selfTotal) : t('visits.sheet.selfNone'),
          },
        ]}
      />
      {policy.data ? <VisitSheet key={m.id} meeting={m} policy={policy.data} mine={mine} /> : <Skeleton active />}
    </article>
  );
};
