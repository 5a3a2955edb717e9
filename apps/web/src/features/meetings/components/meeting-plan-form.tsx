import '../locale';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useEffectEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/ui/form-actions';
import { TimeInput } from '../../../components/ui/time-input';
import { todayIso } from '../../../lib/as-of';
import {
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_MODES,
  regularMeetingsInMonth,
  type MeetingFormat,
  type MeetingKind,
  type MeetingMode,
  type IsoDate,
} from '../../../lib/domain';
import { usePolicy } from '../../../lib/policy';
import { foldedSearch } from '../../../lib/folded-search';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useCellMembers } from '../api/get-cell-members';
import { cellMonthMeetingsOptions } from '../api/get-meetings';
import type { MeetingDetail } from '../api/fields';
import type { MeetingPlanInput } from '../../../gql/graphql';
import { fieldPath } from '../utils/field-errors';
import { formatMonth, safeDuration, textOrNull } from '../utils/meeting-format';

const DATE_FORMAT = 'DD/MM/YYYY';
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

type Values = {
  kind: MeetingKind;
  title: string;
  date: Dayjs;
  startTime?: string;
  endTime?: string;
  place?: string;
  mode: MeetingMode;
  format: MeetingFormat;
  formatNote?: string;
  theme?: string;
  topics: string[];
  chairMemberId?: string | null;
  minuteTakerMemberId?: string | null;
};

const PLAN_FIELDS = new Set([
  'kind',
  'title',
  'date',
  'startTime',
  'endTime',
  'place',
  'mode',
  'format',
  'formatNote',
  'theme',
  'topics',
  'chairMemberId',
  'minuteTakerMemberId',
]);

type Props = {
  cellId: string;
  /** The meeting being edited; absent when planning a new one. */
  meeting?: MeetingDetail;
  submitting: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: MeetingPlanInput & { kind: MeetingKind; title: string; date: IsoDate }) => void;
  onCancel: () => void;
};

/** Plan of a meeting: kind, title, date and times, place, mode, format, theme, topics, chair and minute-taker. */
export const MeetingPlanForm = ({ cellId, meeting, submitting, error, submitLabel, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message, fieldMessages } = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();

  const initial: Values = useMemo(
    () =>
      meeting
        ? {
            kind: meeting.kind,
            title: meeting.title,
            date: dayjs(meeting.date),
            startTime: meeting.startTime ?? undefined,
            endTime: meeting.endTime ?? undefined,
            place: meeting.place ?? undefined,
            mode: meeting.mode,
            format: meeting.format,
            formatNote: meeting.formatNote ?? undefined,
            theme: meeting.theme ?? undefined,
            topics: meeting.topics,
            chairMemberId: meeting.chairMemberId,
            minuteTakerMemberId: meeting.minuteTakerMemberId,
          }
        : {
            kind: 'REGULAR',
            title: '',
            date: dayjs(todayIso()),
            startTime: '14:00',
            endTime: '16:00',
            mode: 'IN_PERSON',
            format: 'STANDARD',
            topics: [],
          },
    [meeting],
  );

  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const date = Form.useWatch('date', form) ?? initial.date;
  const startTime = Form.useWatch('startTime', form);
  const endTime = Form.useWatch('endTime', form);
  const format = Form.useWatch('format', form);
  const dateIso = date?.isValid() ? date.format('YYYY-MM-DD') : null;
  const members = useCellMembers(cellId, dateIso);
  const policy = usePolicy(cellId, dateIso ?? todayIso());

  // A new meeting is titled after its kind and month until the user writes a title of their own.
  const defaultTitle = (k: MeetingKind, d: Dayjs | null | undefined) =>
    t('meetings.form.defaultTitle', {
      kind: t(`meeting.kind.${k}`),
      month: d?.isValid() ? formatMonth(d.format('YYYY-MM')) : '',
    });
  const retitle = useEffectEvent(() => {
    if (meeting || form.isFieldTouched('title')) return;
    form.setFieldValue('title', defaultTitle(kind, date));
  });
  const day = date?.valueOf();
  useEffect(() => retitle(), [kind, day, meeting]);

  // Server field errors next to their inputs.
  useEffect(() => {
    if (!error) return;
    const byField = fieldMessages(error);
    form.setFields(
      Object.entries(byField)
        .filter(([field]) => PLAN_FIELDS.has(field.split('.')[0]))
        .map(([field, msg]) => ({ name: fieldPath(field) as never, errors: [msg] })),
    );
  }, [error, fieldMessages, form]);
  const unplaced = error ? Object.keys(fieldMessages(error)).filter((k) => !PLAN_FIELDS.has(k.split('.')[0])) : [];
  const showGeneral = Boolean(error) && (unplaced.length > 0 || Object.keys(fieldMessages(error)).length === 0);

  const minutes = safeDuration(startTime, endTime);
  const minimum =
    kind === 'COMBINED' ? policy.data?.meeting.minCombinedDurationMinutes : policy.data?.meeting.minDurationMinutes;
  const exemptKind = kind === 'CONGRESS' || kind === 'EXTRAORDINARY';

  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }));
  const memberSelect = () => (
    <Select
      allowClear
      showSearch={foldedSearch}
      loading={members.isPending}
      options={memberOptions}
      placeholder={members.isError ? t('meetings.form.membersUnavailable') : t('meetings.form.pickMember')}
      notFoundContent={t('meetings.form.noMembers')}
    />
  );

  const submit = (v: Values) => {
    const input: MeetingPlanInput & { kind: MeetingKind; title: string; date: IsoDate } = {
      kind: v.kind,
      title: v.title.trim(),
      date: v.date.format('YYYY-MM-DD'),
      startTime: textOrNull(v.startTime),
      endTime: textOrNull(v.endTime),
      place: textOrNull(v.place),
      mode: v.mode,
      format: v.format,
      formatNote: textOrNull(v.formatNote),
      theme: textOrNull(v.theme),
      topics: (v.topics ?? []).map((s) => s.trim()).filter(Boolean),
      chairMemberId: v.chairMemberId ?? null,
      minuteTakerMemberId: v.minuteTakerMemberId ?? null,
    };
    // a new meeting sends only what is set; an edit sends null to clear a field
    if (!meeting) {
      for (const k of Object.keys(input) as (keyof typeof input)[]) if (input[k] === null) delete input[k];
    }
    void confirmSecondRegular(input.kind, input.date).then((go) => go && onSubmit(input));
  };

  // One regular meeting a month (regularMeetingsInMonth, libs/domain): a second one for the same month is saved only
  // after the user confirms it. Without an answer about the month the plan is sent as it is (the API allows it).
  const confirmSecondRegular = async (k: MeetingKind, d: IsoDate): Promise<boolean> => {
    const month = await queryClient.fetchQuery(cellMonthMeetingsOptions(cellId, d)).catch(() => []);
    const already = regularMeetingsInMonth(k, d, month, meeting?.id);
    if (already.length === 0) return true;
    return modal.confirm({
      title: t('meetings.form.secondRegular.title', { month: formatMonth(d.slice(0, 7)) }),
      content: t('meetings.form.secondRegular.content', {
        meetings: already.map((m) => `${m.title} (${f.date(m.date)})`).join('; '),
      }),
      okText: t('meetings.form.secondRegular.ok'),
      cancelText: t('meetings.form.secondRegular.cancel'),
    });
  };

  const timeRule = { pattern: TIME_RE, message: t('meetings.form.timeFormat') };

  return (
    <Form<Values>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="meeting-plan-form"
    >
      {showGeneral && <Alert type="error" showIcon role="alert" title={message(error)} style={{ marginBottom: 16 }} />}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t('meeting.fields.kind')}
            rules={[{ required: true, message: t('meetings.form.required') }]}
          >
            <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="date"
            label={t('meeting.fields.date')}
            rules={[{ required: true, message: t('meetings.form.required') }]}
          >
            <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="title"
            label={t('meeting.fields.title')}
            rules={[
              { required: true, whitespace: true, message: t('meetings.form.required') },
              { max: 300, message: t('meetings.form.tooLong', { max: 300 }) },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="startTime" label={t('meeting.fields.startTime')} rules={[timeRule]}>
            <TimeInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="endTime"
            label={t('meeting.fields.endTime')}
            dependencies={['startTime']}
            rules={[
              timeRule,
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const start = getFieldValue('startTime') as string | undefined;
                  if (!value || !start || !TIME_RE.test(value) || !TIME_RE.test(start)) return Promise.resolve();
                  return safeDuration(start, value) === null
                    ? Promise.reject(new Error(t('meetings.form.endAfterStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <TimeInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="place"
            label={t('meeting.fields.place')}
            rules={[{ max: 300, message: t('meetings.form.tooLong', { max: 300 }) }]}
          >
            <Input />
          </Form.Item>
        </Col>
        {minutes !== null && (
          <Col xs={24}>
            <Typography.Paragraph
              type={!exemptKind && minimum && minutes < minimum ? 'warning' : 'secondary'}
              data-testid="plan-duration"
            >
              {!exemptKind && minimum && minutes < minimum
                ? t('meetings.form.durationShort', { minutes: f.number(minutes), minimum: f.number(minimum) })
                : t('meetings.form.duration', { minutes: f.number(minutes) })}
            </Typography.Paragraph>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="mode" label={t('meeting.fields.mode')}>
            <Select options={MEETING_MODES.map((m) => ({ value: m, label: t(`meeting.mode.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="format" label={t('meeting.fields.format')}>
            <Select options={MEETING_FORMATS.map((m) => ({ value: m, label: t(`meeting.format.${m}`) }))} />
          </Form.Item>
        </Col>
        {format && format !== 'STANDARD' && (
          <Col xs={24}>
            <Form.Item
              name="formatNote"
              label={t('meeting.fields.formatNote')}
              rules={[{ max: 300, message: t('meetings.form.tooLong', { max: 300 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item
            name="theme"
            label={t('meeting.fields.theme')}
            rules={[{ max: 300, message: t('meetings.form.tooLong', { max: 300 }) }]}
          >
            <Input placeholder={t('meetings.form.themePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('meeting.fields.topics')} required={false}>
            <Form.List name="topics">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field, i) => (
                    <Flex key={field.key} gap={8} align="start">
                      <Form.Item
                        name={field.name}
                        noStyle
                        rules={[{ max: 300, message: t('meetings.form.tooLong', { max: 300 }) }]}
                      >
                        <Input
                          aria-label={t('meetings.form.topicN', { n: i + 1 })}
                          placeholder={t('meetings.form.topicPlaceholder')}
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('meetings.form.removeTopic', { n: i + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <div>
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                      {t('meetings.form.addTopic')}
                    </Button>
                  </div>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="chairMemberId" label={t('meeting.fields.chair')}>
            {memberSelect()}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="minuteTakerMemberId" label={t('meeting.fields.minuteTaker')}>
            {memberSelect()}
          </Form.Item>
        </Col>
      </Row>
      <FormActions submitting={submitting} onCancel={onCancel} testId="meeting-plan-submit" submitLabel={submitLabel} />
    </Form>
  );
};
