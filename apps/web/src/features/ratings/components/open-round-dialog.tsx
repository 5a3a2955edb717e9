import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { todayIso } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useOpenRound } from '../api/rating-mutations';
import { YearSelect } from './year-select';

type Props = { organisationId: string; organisationName: string; open: boolean; onClose: () => void };

const ISO = 'YYYY-MM-DD';

/** "Mở đợt đánh giá": year, title and the deadline of each step (in step order); the new round opens. */
export const OpenRoundDialog = ({ organisationId, organisationName, open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const navigate = useNavigate();
  const href = useAppHref();
  const create = useOpenRound();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<{ self: Dayjs | null; proposal: Dayjs | null; decision: Dayjs | null }>({
    self: null,
    proposal: null,
    decision: null,
  });
  const [tried, setTried] = useState(false);
  const defaults = (y: number) => ({
    self: dayjs(`${y}-12-05`),
    proposal: dayjs(`${y}-12-15`),
    decision: dayjs(`${y}-12-25`),
  });
  const d = { ...defaults(year), ...Object.fromEntries(Object.entries(due).filter(([, v]) => v)) } as {
    self: Dayjs;
    proposal: Dayjs;
    decision: Dayjs;
  };
  const ordered = !d.proposal.isBefore(d.self) && !d.decision.isBefore(d.proposal);
  const server = fieldMessages(create.error);
  const close = () => {
    create.reset();
    setTried(false);
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (!ordered) return;
    create.mutate(
      {
        organisationId,
        year,
        ...(title.trim() ? { title: title.trim() } : {}),
        selfAssessmentDue: d.self.format(ISO),
        proposalDue: d.proposal.format(ISO),
        decisionDue: d.decision.format(ISO),
      },
      {
        onSuccess: (r) => {
          void toast.success(t('ratings.openRound.done'));
          close();
          void navigate(href(paths.ratingRound(r.id)));
        },
      },
    );
  };
  const dateField = (key: 'self' | 'proposal' | 'decision', label: string, field: string) => (
    <Form.Item
      label={label}
      htmlFor={`round-${key}`}
      required
      validateStatus={server[field] ? 'error' : undefined}
      help={server[field]}
    >
      <DatePicker
        id={`round-${key}`}
        format="DD/MM/YYYY"
        allowClear={false}
        value={d[key]}
        style={{ width: '100%' }}
        onChange={(v) => setDue((prev) => ({ ...prev, [key]: v }))}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('ratings.openRound.title', { organisation: organisationName })}
      okText={t('ratings.openRound.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical" component="div">
        {create.error != null && (
          <Alert type="error" showIcon role="alert" title={message(create.error)} style={{ marginBottom: 12 }} />
        )}
        {tried && !ordered && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('ratings.openRound.dateOrder')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item
          label={t('ratings.openRound.year')}
          htmlFor="round-year"
          required
          validateStatus={server.year ? 'error' : undefined}
          help={server.year}
        >
          <YearSelect
            id="round-year"
            value={year}
            onChange={(y) => {
              setYear(y ?? year);
              setDue({ self: null, proposal: null, decision: null });
            }}
          />
        </Form.Item>
        <Form.Item label={t('ratings.openRound.name')} htmlFor="round-title">
          <Input
            id="round-title"
            value={title}
            maxLength={300}
            placeholder={t('ratings.openRound.namePlaceholder', { year })}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
        {dateField('self', t('ratings.openRound.selfDue'), 'selfAssessmentDue')}
        {dateField('proposal', t('ratings.openRound.proposalDue'), 'proposalDue')}
        {dateField('decision', t('ratings.openRound.decisionDue'), 'decisionDue')}
      </Form>
    </Modal>
  );
};
