import {
  Alert,
  App,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecimalInput } from '../../../components/ui/decimal-input';
import { DraftRestoredAlert } from '../../../components/ui/draft-restored-alert';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { computeRatingLevel, validateSelfAssessment, type RatingSubjectKind } from '../../../lib/domain';
import { fingerprint, useKeepDraft, useRestoredDraft } from '../../../lib/local-draft';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useMemberSearch } from '../api/get-members';
import { useRatingPolicy } from '../api/get-rating-policy';
import { useSubmitSelfAssessment } from '../api/rating-mutations';
import type { Rating, RatingRound } from '../api/fields';
import type { TaskCountsInput } from '../../../gql/graphql';
import { ratingReferenceDate } from '../utils/reference-date';
import { LevelTag } from './rating-tags';

type Props = {
  round: RatingRound;
  /** The rating to revise, or null for a new self-assessment (the subject is picked here unless `memberId` is fixed). */
  rating: Rating | null;
  /** A member assessing themselves: the subject is fixed. */
  ownMember?: { id: string; organisationId: string | null; name: string } | null;
  /** A subject chosen before opening (a row of the round's pending list): fixed here. */
  presetSubject?: SelfAssessmentSubject | null;
  open: boolean;
  onClose: () => void;
};

export type SelfAssessmentSubject = Subject;

type Subject =
  | { kind: 'MEMBER'; memberId: string; organisationId: string | null; name: string }
  | { kind: 'ORGANISATION'; organisationId: string; name: string };

type Draft = {
  generalPoints: number | null;
  taskPoints: number | null;
  tasks: Record<keyof TaskCountsInput, number | null>;
  shortcomingsFixed: boolean;
  note: string;
};

const TASK_KEYS = ['assigned', 'completed', 'onTime', 'exceeded'] as const;

const subjectOf = (r: Rating): Subject =>
  r.memberId
    ? { kind: 'MEMBER', memberId: r.memberId, organisationId: r.organisationId, name: r.subjectName }
    : { kind: 'ORGANISATION', organisationId: r.subjectOrganisationId ?? r.organisationId, name: r.subjectName };

const draftOf = (r: Rating | null): Draft => {
  const s = r?.selfAssessment;
  return {
    generalPoints: s?.generalPoints ?? null,
    taskPoints: s?.taskPoints ?? null,
    tasks: {
      assigned: s?.tasks.assigned ?? null,
      completed: s?.tasks.completed ?? null,
      onTime: s?.tasks.onTime ?? null,
      exceeded: s?.tasks.exceeded ?? null,
    },
    shortcomingsFixed: s?.shortcomingsFixed ?? true,
    note: s?.note ?? '',
  };
};

/**
 * The QĐ 366 score sheet (general criteria 30 + task results 70, the year's task counts): checked and levelled as
 * it is typed with the same rules the API applies (validateSelfAssessment, computeRatingLevel under the policy in
 * force), so the level shown is the level the server will compute from these numbers.
 */
export const SelfAssessmentDialog = ({ round, rating, ownMember, presetSubject, open, onClose }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const submit = useSubmitSelfAssessment();
  const refDate = ratingReferenceDate(round.year);
  const [picked, setPicked] = useState<Subject | null>(null);
  const [pickKind, setPickKind] = useState<'MEMBER' | 'ORGANISATION'>('MEMBER');
  const [search, setSearch] = useState('');
  const fixed: Subject | null = rating
    ? subjectOf(rating)
    : ownMember
      ? { kind: 'MEMBER', memberId: ownMember.id, organisationId: ownMember.organisationId, name: ownMember.name }
      : (presetSubject ?? null);
  // what was typed for a known subject and not saved is kept in this browser (lib/local-draft.ts) until saved
  const kept = useRestoredDraft<Draft>(
    'self-assessment',
    fixed ? `${round.id}.${fixed.kind === 'MEMBER' ? fixed.memberId : fixed.organisationId}` : null,
    draftOf(rating),
  );
  const [draft, setDraft] = useState<Draft>(() => kept.restored?.value ?? draftOf(rating));
  const [tried, setTried] = useState(false);
  useKeepDraft(kept.key, kept.basis, draft, open, fingerprint(draft) === kept.basis);
  const subject = fixed ?? picked;
  const members = useMemberSearch(!fixed && pickKind === 'MEMBER' ? round.organisationId : null, search, refDate);
  const policyQuery = useRatingPolicy(subject?.organisationId ?? round.organisationId, refDate);
  const policy = policyQuery.data?.policy;
  const r = policy?.rating;

  // The rule treats every collective alike; SUBORDINATE_CELL stands for "an organisation" until the server knows its kind.
  const subjectKind: RatingSubjectKind =
    rating?.subjectKind ?? (subject?.kind === 'ORGANISATION' ? 'SUBORDINATE_CELL' : 'MEMBER');
  const input = {
    generalPoints: draft.generalPoints ?? undefined,
    taskPoints: draft.taskPoints ?? undefined,
    tasks: Object.fromEntries(TASK_KEYS.map((k) => [k, draft.tasks[k] ?? undefined])),
  };
  const check = policy ? validateSelfAssessment(input, policy) : null;
  const outcome =
    check?.ok && policy
      ? computeRatingLevel(
          {
            subjectKind,
            score: check.total,
            tasks: input.tasks as TaskCountsInput,
            shortcomingsFixed: draft.shortcomingsFixed,
          },
          policy,
        )
      : null;

  // Field messages: ours from the local check (once the user tried to save, or a value is out of range), else the server's.
  const local: Record<string, string> = {};
  if (check && !check.ok && r) {
    for (const e of check.errors) {
      if (e.field === 'generalPoints') local[e.field] = t('ratings.self.rangeError', { max: r.generalMaxPoints });
      else if (e.field === 'taskPoints') local[e.field] = t('ratings.self.rangeError', { max: r.tasksMaxPoints });
      else if (e.reason.includes('<='))
        local[e.field] = e.field === 'tasks.completed' ? t('ratings.self.completedError') : t('ratings.self.subError');
      else local[e.field] = t('ratings.self.countError');
    }
  }
  const server = fieldMessages(submit.error);
  const shown = (field: string): string | undefined => {
    const v = field.startsWith('tasks.')
      ? draft.tasks[field.slice(6) as keyof TaskCountsInput]
      : draft[field as 'generalPoints' | 'taskPoints'];
    return (tried || v !== null) && local[field] ? local[field] : server[field];
  };

  // closing without saving keeps the draft: it is offered again the next time
  const close = () => {
    submit.reset();
    setTried(false);
    setPicked(null);
    onClose();
  };
  const discardDraft = () => {
    kept.discard();
    setDraft(draftOf(rating));
  };
  const save = () => {
    setTried(true);
    if (!subject || !check?.ok) return;
    submit.mutate(
      {
        roundId: round.id,
        ...(subject.kind === 'MEMBER' ? { memberId: subject.memberId } : { organisationId: subject.organisationId }),
        generalPoints: draft.generalPoints!,
        taskPoints: draft.taskPoints!,
        tasks: input.tasks as TaskCountsInput,
        ...(subject.kind === 'MEMBER' ? { shortcomingsFixed: draft.shortcomingsFixed } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      },
      {
        onSuccess: (saved) => {
          kept.clear();
          void toast.success(t('ratings.self.done', { level: saved.computedLevel ?? '' }));
          close();
        },
      },
    );
  };
  const max = r ? r.generalMaxPoints + r.tasksMaxPoints : 100;

  return (
    <Modal
      open={open}
      title={subject && fixed ? t('ratings.self.title', { subject: subject.name }) : t('ratings.self.titleNew')}
      okText={t('ratings.self.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submit.isPending, disabled: !policy }}
      onOk={save}
      onCancel={close}
      width={720}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical" component="div" data-testid="self-assessment-form">
        {kept.restored && (
          <DraftRestoredAlert savedAt={kept.restored.savedAt} onDiscard={discardDraft} testId="self-draft-restored" />
        )}
        {submit.error != null && (
          <Alert type="error" showIcon role="alert" title={message(submit.error)} style={{ marginBottom: 12 }} />
        )}
        {tried && check && !check.ok && (
          <Alert type="error" showIcon role="alert" title={t('ratings.self.fixErrors')} style={{ marginBottom: 12 }} />
        )}
        {!fixed && (
          <>
            <Form.Item label={t('ratings.self.subjectKind')}>
              <Radio.Group
                value={pickKind}
                onChange={(e) => {
                  setPickKind(e.target.value as 'MEMBER' | 'ORGANISATION');
                  setPicked(null);
                }}
                options={[
                  { value: 'MEMBER', label: t('ratings.self.memberSubject') },
                  { value: 'ORGANISATION', label: t('ratings.self.organisationSubject') },
                ]}
              />
            </Form.Item>
            {pickKind === 'MEMBER' ? (
              <Form.Item
                label={t('ratings.self.member')}
                htmlFor="self-member"
                required
                validateStatus={tried && !subject ? 'error' : undefined}
                help={tried && !subject ? t('ratings.self.subjectRequired') : server.memberId}
              >
                <Select
                  id="self-member"
                  showSearch={{ filterOption: false, onSearch: setSearch }}
                  placeholder={t('ratings.self.memberPlaceholder')}
                  loading={members.isFetching}
                  value={picked?.kind === 'MEMBER' ? picked.memberId : undefined}
                  options={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
                  onChange={(id: string) => {
                    const m = members.data?.find((x) => x.id === id);
                    if (m)
                      setPicked({ kind: 'MEMBER', memberId: m.id, organisationId: m.organisationId, name: m.fullName });
                  }}
                />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('ratings.self.organisation')}
                htmlFor="self-org"
                required
                validateStatus={tried && !subject ? 'error' : undefined}
                help={tried && !subject ? t('ratings.self.subjectRequired') : server.organisationId}
              >
                <OrganisationPicker
                  id="self-org"
                  asOf={refDate}
                  value={picked?.kind === 'ORGANISATION' ? picked.organisationId : null}
                  onChange={(id) => setPicked(id ? { kind: 'ORGANISATION', organisationId: id, name: '' } : null)}
                />
              </Form.Item>
            )}
          </>
        )}
        <Row gutter={[12, 0]}>
          {(['generalPoints', 'taskPoints'] as const).map((field) => (
            <Col xs={24} sm={12} key={field}>
              <Form.Item
                label={t(`ratings.self.${field}`, {
                  max: field === 'generalPoints' ? (r?.generalMaxPoints ?? 30) : (r?.tasksMaxPoints ?? 70),
                })}
                htmlFor={`self-${field}`}
                required
                validateStatus={shown(field) ? 'error' : undefined}
                help={shown(field)}
              >
                <DecimalInput
                  id={`self-${field}`}
                  min={0}
                  step={0.5}
                  value={draft[field]}
                  style={{ width: '100%' }}
                  onChange={(v) => setDraft((d) => ({ ...d, [field]: v }))}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Text strong data-testid="self-total">
          {t('ratings.self.total', { total: check?.ok ? f.number(check.total) : t('common.none'), max: f.number(max) })}
        </Typography.Text>
        <Divider titlePlacement="start" plain>
          {t('ratings.self.tasks')}
        </Divider>
        <Row gutter={[12, 0]}>
          {TASK_KEYS.map((k) => (
            <Col xs={12} sm={6} key={k}>
              <Form.Item
                label={t(`ratings.self.${k}`)}
                htmlFor={`self-tasks-${k}`}
                required
                validateStatus={shown(`tasks.${k}`) ? 'error' : undefined}
                help={shown(`tasks.${k}`)}
              >
                <InputNumber
                  id={`self-tasks-${k}`}
                  min={0}
                  precision={0}
                  value={draft.tasks[k]}
                  style={{ width: '100%' }}
                  onChange={(v) =>
                    setDraft((d) => ({ ...d, tasks: { ...d.tasks, [k]: typeof v === 'number' ? v : null } }))
                  }
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {subject?.kind !== 'ORGANISATION' && (
          <Form.Item>
            <Checkbox
              checked={draft.shortcomingsFixed}
              onChange={(e) => setDraft((d) => ({ ...d, shortcomingsFixed: e.target.checked }))}
            >
              {t('ratings.self.shortcomingsFixed')}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item label={t('ratings.self.note')} htmlFor="self-note">
          <Input.TextArea
            id="self-note"
            value={draft.note}
            maxLength={5000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
          />
        </Form.Item>
        <Alert
          type={outcome ? 'success' : 'info'}
          data-testid="self-computed"
          title={
            <Flex vertical gap={4}>
              <Flex wrap gap={8} align="center">
                <span>{t('ratings.self.computed')}</span>
                {outcome ? (
                  <LevelTag level={outcome.level} testId="self-computed-level" />
                ) : (
                  <span>{t('common.none')}</span>
                )}
                {outcome && <span>{t(`ratings.level.${outcome.level}`)}</span>}
              </Flex>
              {outcome && outcome.caps.length > 0 && (
                <Typography.Text type="secondary">
                  {t('ratings.self.scoreLevel', { level: outcome.scoreLevel })} ·{' '}
                  {t('ratings.round.capped', {
                    reasons: outcome.caps.map((c) => t(`ratings.capReason.${c.reason}`)).join('; '),
                  })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">{t('ratings.self.serverNote')}</Typography.Text>
            </Flex>
          }
        />
      </Form>
    </Modal>
  );
};
