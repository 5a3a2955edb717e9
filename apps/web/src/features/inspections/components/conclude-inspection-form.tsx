import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
} from 'antd';
import { DATE_FORMAT, iso } from '../utils/form-dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/as-of';
import { DraftRestoredAlert } from '../../../components/ui/draft-restored-alert';
import { fingerprint, useKeepDraft, useRestoredDraft } from '../../../lib/local-draft';
import {
  DECIDING_BODIES,
  defaultDecidingBody,
  isSupervision,
  type DecidingBody,
  type DisciplineForm,
  type OrganisationKind,
} from '../../../lib/domain';
import { isApiError } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useConcludeInspection } from '../api/inspection-mutations';
import type { ConcludeInspectionInput, SubjectFindingsInput } from '../../../gql/graphql';
import type { InspectionDetail, SubjectDetail } from '../api/fields';
import { allowedForms } from '../utils/discipline-options';
import { fieldPath, textOrUndefined } from '../utils/field-errors';

type SubjectValues = {
  memberId: string;
  selfReport?: string;
  strengths?: string;
  shortcomings?: string;
  violations?: string;
  conclusion?: string;
  disciplined?: boolean;
  discipline?: { form?: DisciplineForm; decidingBody?: DecidingBody; decidedOn?: Dayjs | null; reason?: string };
};

type Values = {
  startedOn?: Dayjs | null;
  concludedOn: Dayjs;
  conclusion: string;
  recommendation?: string;
  subjects: SubjectValues[];
};

const TOP = new Set(['startedOn', 'concludedOn', 'conclusion', 'recommendation']);
const SUBJECT_TEXT = /^subjects\.\d+\.(selfReport|strengths|shortcomings|violations|conclusion)$/;
const SUBJECT_DISCIPLINE = /^subjects\.(\d+)\.discipline\.(form|decidingBody|decidedOn|reason)$/;

/** The form's values as kept in a draft: every field in a fixed order, dates as YYYY-MM-DD, empty as '' or null. */
type StoredSubject = {
  selfReport: string;
  strengths: string;
  shortcomings: string;
  violations: string;
  conclusion: string;
  disciplined: boolean;
  discipline: {
    form: DisciplineForm | null;
    decidingBody: DecidingBody | null;
    decidedOn: string | null;
    reason: string;
  };
};
type StoredValues = {
  startedOn: string | null;
  concludedOn: string | null;
  conclusion: string;
  recommendation: string;
  subjects: StoredSubject[];
};

const toStored = (v: Values): StoredValues => ({
  startedOn: iso(v.startedOn) ?? null,
  concludedOn: iso(v.concludedOn) ?? null,
  conclusion: v.conclusion ?? '',
  recommendation: v.recommendation ?? '',
  subjects: (v.subjects ?? []).map((s) => ({
    selfReport: s.selfReport ?? '',
    strengths: s.strengths ?? '',
    shortcomings: s.shortcomings ?? '',
    violations: s.violations ?? '',
    conclusion: s.conclusion ?? '',
    disciplined: Boolean(s.disciplined),
    discipline: {
      form: s.discipline?.form ?? null,
      decidingBody: s.discipline?.decidingBody ?? null,
      decidedOn: iso(s.discipline?.decidedOn) ?? null,
      reason: s.discipline?.reason ?? '',
    },
  })),
});

/** A kept draft back into the form (the member of each row comes from the record, in the same order). */
const fromStored = (v: StoredValues, memberIds: string[]): Values => ({
  startedOn: v.startedOn ? dayjs(v.startedOn) : undefined,
  concludedOn: dayjs(v.concludedOn ?? undefined),
  conclusion: v.conclusion,
  recommendation: v.recommendation || undefined,
  subjects: memberIds.map((memberId, k) => {
    const s = v.subjects[k];
    if (!s) return { memberId };
    return {
      memberId,
      selfReport: s.selfReport || undefined,
      strengths: s.strengths || undefined,
      shortcomings: s.shortcomings || undefined,
      violations: s.violations || undefined,
      conclusion: s.conclusion || undefined,
      disciplined: s.disciplined,
      discipline: {
        ...(s.discipline.form ? { form: s.discipline.form } : {}),
        ...(s.discipline.decidingBody ? { decidingBody: s.discipline.decidingBody } : {}),
        decidedOn: s.discipline.decidedOn ? dayjs(s.discipline.decidedOn) : null,
        ...(s.discipline.reason ? { reason: s.discipline.reason } : {}),
      },
    };
  }),
});

type Props = { inspection: InspectionDetail; onDone: () => void; onCancel: () => void };

/**
 * Conclude an inspection: the date, the conclusion and recommendation, the findings per member, and (after an
 * inspection, not a supervision) a discipline decision per member, limited to the forms the member's status and the
 * deciding body allow. Server refusals are shown next to the field; the form keeps everything typed.
 */
export const ConcludeInspectionForm = ({ inspection: i, onDone, onCancel }: Props) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const conclude = useConcludeInspection();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const needsStart = i.state === 'PLANNED';
  const canDiscipline = !isSupervision(i.type);
  const orgKind: OrganisationKind = i.organisation?.kind ?? 'GRASSROOTS_CELL';
  const defaultBody = defaultDecidingBody(i.body, orgKind);
  const today = todayIso();

  // what the server has, as the form fills it (dates as ISO strings, to be kept in a draft)
  const server = useMemo<Values>(
    () => ({
      startedOn: needsStart ? dayjs(i.plannedFrom <= today ? i.plannedFrom : today) : undefined,
      concludedOn: dayjs(today),
      conclusion: i.conclusion ?? '',
      recommendation: i.recommendation ?? undefined,
      subjects: i.subjects.map((s) => ({
        memberId: s.memberId,
        selfReport: s.selfReport ?? undefined,
        strengths: s.strengths ?? undefined,
        shortcomings: s.shortcomings ?? undefined,
        violations: s.violations ?? undefined,
        conclusion: s.conclusion ?? undefined,
        disciplined: false,
        discipline: { decidingBody: defaultBody },
      })),
    }),
    [i, needsStart, today, defaultBody],
  );
  // What was typed and not saved is kept in this browser (lib/local-draft.ts) and offered again on return (after a
  // session that expired, say) while the inspection is as it was then.
  const kept = useRestoredDraft<StoredValues>('inspection-conclusion', i.id, toStored(server));
  // the form is filled once; later refetches must not overwrite what is being typed
  const [initial] = useState<Values>(() =>
    kept.restored
      ? fromStored(
          kept.restored.value,
          i.subjects.map((x) => x.memberId),
        )
      : server,
  );
  const [typed, setTyped] = useState<StoredValues>(() => toStored(initial));
  useKeepDraft(kept.key, kept.basis, typed, true, fingerprint(typed) === kept.basis);
  const discardDraft = () => {
    kept.discard();
    form.setFieldsValue(server);
    setTyped(toStored(server));
  };

  const placed = (field: string, v: Values): boolean => {
    if (TOP.has(field)) return field !== 'startedOn' || needsStart;
    if (SUBJECT_TEXT.test(field)) return true;
    const d = SUBJECT_DISCIPLINE.exec(field);
    return Boolean(d && v.subjects[Number(d[1])]?.disciplined);
  };

  const showError = useEffectEvent((error: unknown) => {
    const v = form.getFieldsValue(true) as Values;
    const byField = fieldMessages(error);
    const here = Object.entries(byField).filter(([field]) => placed(field, v));
    const elsewhere = Object.entries(byField).filter(([field]) => !placed(field, v));
    form.setFields(here.map(([field, msg]) => ({ name: fieldPath(field) as never, errors: [msg] })));
    const e = isApiError(error) ? error : null;
    if (e?.code === 'CONFLICT' && e.fields.some((x) => x.field === 'id'))
      setGeneral(t('inspections.conclude.stateConflict'));
    else if (here.length > 0 && elsewhere.length === 0) setGeneral(t('inspections.form.fixMarked'));
    else setGeneral(elsewhere.length ? elsewhere.map(([, msg]) => msg).join(' ') : message(error));
  });
  // once for each new error
  useEffect(() => {
    if (conclude.error) showError(conclude.error);
  }, [conclude.error]);

  const submit = (v: Values) => {
    setGeneral(null);
    const concludedOn = iso(v.concludedOn) ?? today;
    // onFinish only carries registered fields: the member ids come from the record, in the same order
    const subjects: SubjectFindingsInput[] = v.subjects.map((s, k) => {
      const out: SubjectFindingsInput = {
        memberId: i.subjects[k].memberId,
        selfReport: s.selfReport?.trim() ?? '',
        strengths: s.strengths?.trim() ?? '',
        shortcomings: s.shortcomings?.trim() ?? '',
        violations: s.violations?.trim() ?? '',
        conclusion: s.conclusion?.trim() ?? '',
      };
      if (canDiscipline && s.disciplined && s.discipline?.form) {
        out.discipline = {
          form: s.discipline.form,
          ...(s.discipline.decidingBody ? { decidingBody: s.discipline.decidingBody } : {}),
          decidedOn: iso(s.discipline.decidedOn) ?? concludedOn,
          ...(textOrUndefined(s.discipline.reason) ? { reason: textOrUndefined(s.discipline.reason) } : {}),
        };
      }
      return out;
    });
    const input: ConcludeInspectionInput = {
      ...(needsStart ? { startedOn: iso(v.startedOn) } : {}),
      concludedOn,
      conclusion: v.conclusion.trim(),
      ...(textOrUndefined(v.recommendation) ? { recommendation: textOrUndefined(v.recommendation) } : {}),
      subjects,
    };
    conclude.mutate(
      { id: i.id, input },
      {
        onSuccess: () => {
          kept.clear();
          void toast.success(t('inspections.conclude.done'));
          onDone();
        },
      },
    );
  };

  const required = { required: true, message: t('inspections.form.required') };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.conclude.title')}</h2>}
      data-testid="conclude-form"
    >
      <Form<Values>
        form={form}
        name="conclude"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(_, all: Values) => {
          if (general) setGeneral(null);
          setTyped(toStored(all));
        }}
        scrollToFirstError
      >
        {kept.restored && (
          <DraftRestoredAlert
            savedAt={kept.restored.savedAt}
            onDiscard={discardDraft}
            testId="conclude-draft-restored"
          />
        )}
        {general && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={general}
            style={{ marginBottom: 16 }}
            data-testid="conclude-error"
          />
        )}
        <Row gutter={12}>
          {needsStart && (
            <Col xs={12} md={8}>
              <Form.Item name="startedOn" label={t('inspections.fields.startedOn')} rules={[required]}>
                <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={8}>
            <Form.Item name="concludedOn" label={t('inspections.fields.concludedOn')} rules={[required]}>
              <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="conclusion"
              label={t('inspections.fields.conclusion')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={50000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="recommendation" label={t('inspections.fields.recommendation')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="subjects">
          {(fields) =>
            fields.map((field) => (
              <SubjectFindings
                key={field.key}
                index={field.name}
                subject={i.subjects[field.name]}
                canDiscipline={canDiscipline}
                defaultBody={defaultBody}
              />
            ))
          }
        </Form.List>
        <Flex gap={8} justify="end" wrap>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={conclude.isPending} data-testid="conclude-submit">
            {t('inspections.conclude.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
};

type SubjectProps = {
  index: number;
  subject: SubjectDetail | undefined;
  canDiscipline: boolean;
  defaultBody: DecidingBody;
};

const SubjectFindings = ({ index, subject, canDiscipline, defaultBody }: SubjectProps) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const disciplined = Form.useWatch(['subjects', index, 'disciplined'], form) as boolean | undefined;
  const body =
    (Form.useWatch(['subjects', index, 'discipline', 'decidingBody'], form) as DecidingBody | undefined) ?? defaultBody;
  const status = subject?.member?.status;
  const forms = allowedForms(status, body);
  const name = subject?.member?.fullName ?? t('inspections.detail.unknownMember');
  const area = (key: 'selfReport' | 'strengths' | 'shortcomings' | 'violations' | 'conclusion', label: string) => (
    <Col xs={24} md={12}>
      <Form.Item name={[index, key]} label={label}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
    </Col>
  );
  return (
    <section aria-label={name} data-testid="conclude-subject">
      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{name}</Typography.Text>
        {status && <Typography.Text type="secondary"> · {t(`member.status.${status}`)}</Typography.Text>}
      </Divider>
      <Row gutter={12}>
        {area('selfReport', t('inspections.fields.selfReport'))}
        {area('strengths', t('inspections.fields.strengths'))}
        {area('shortcomings', t('inspections.fields.shortcomings'))}
        {area('violations', t('inspections.fields.violations'))}
        {area('conclusion', t('inspections.fields.subjectConclusion'))}
      </Row>
      {canDiscipline && (
        <>
          <Form.Item name={[index, 'disciplined']} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="discipline-toggle">{t('inspections.conclude.discipline')}</Checkbox>
          </Form.Item>
          {disciplined && (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name={[index, 'discipline', 'decidingBody']} label={t('member.disciplines.decidingBody')}>
                  <Select
                    options={DECIDING_BODIES.map((b) => ({ value: b, label: t(`member.disciplines.bodies.${b}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[index, 'discipline', 'form']}
                  label={t('member.disciplines.form')}
                  dependencies={[['subjects', index, 'discipline', 'decidingBody']]}
                  extra={forms.length === 0 ? t('inspections.conclude.noForms') : undefined}
                  rules={[
                    { required: true, message: t('inspections.form.required') },
                    {
                      validator: (_, v?: DisciplineForm) =>
                        !v || forms.includes(v)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('errors.DISCIPLINE_FORM_NOT_ALLOWED'))),
                    },
                  ]}
                >
                  <Select
                    data-testid="discipline-form"
                    options={forms.map((x) => ({ value: x, label: t(`member.disciplines.forms.${x}`) }))}
                    notFoundContent={t('inspections.conclude.noForms')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[index, 'discipline', 'decidedOn']}
                  label={t('member.disciplines.decidedOn')}
                  extra={t('inspections.conclude.decidedOnHint')}
                >
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name={[index, 'discipline', 'reason']} label={t('member.disciplines.reason')}>
                  <Input maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </>
      )}
    </section>
  );
};
