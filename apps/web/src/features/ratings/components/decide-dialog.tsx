import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import type { RatingLevel } from '../../../lib/domain';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDecideRating } from '../api/rating-mutations';
import type { Rating } from '../api/fields';
import { LevelSelect } from './level-select';

type Props = { rating: Rating; open: boolean; onClose: () => void };

/**
 * The decision by the competent level. A level other than the proposal needs a reason. When the API refuses with
 * RATING_QUOTA_EXCEEDED, a field for the quota override reason appears and the decision is sent again with it.
 */
export const DecideDialog = ({ rating, open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const decide = useDecideRating();
  const [level, setLevel] = useState<RatingLevel | null>(rating.decidedLevel ?? rating.proposedLevel);
  const [reason, setReason] = useState(rating.decisionReason ?? '');
  const [override, setOverride] = useState(rating.quotaOverrideReason ?? '');
  const [needsOverride, setNeedsOverride] = useState(Boolean(rating.quotaOverrideReason));
  const [tried, setTried] = useState(false);
  const differs = Boolean(level && rating.proposedLevel && level !== rating.proposedLevel);
  const reasonMissing = differs && !reason.trim();
  const overrideMissing = needsOverride && !override.trim();

  const close = () => {
    decide.reset();
    setTried(false);
    onClose();
  };
  const save = () => {
    setTried(true);
    if (!level || reasonMissing || overrideMissing) return;
    decide.mutate(
      {
        ratingId: rating.id,
        level,
        ...(differs ? { reason: reason.trim() } : {}),
        ...(needsOverride && override.trim() ? { quotaOverrideReason: override.trim() } : {}),
      },
      {
        onSuccess: () => {
          void toast.success(t('ratings.decide.done'));
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.reason === 'RATING_QUOTA_EXCEEDED') {
            setNeedsOverride(true);
            setTried(false);
          }
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('ratings.decide.title', { subject: rating.subjectName })}
      okText={t('ratings.decide.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: decide.isPending, disabled: !level }}
      onOk={save}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical" component="div" data-testid="decide-form">
        {decide.error != null && (
          <Alert
            type={needsOverride ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={message(decide.error)}
            style={{ marginBottom: 12 }}
            data-testid="decide-error"
          />
        )}
        <p>
          <Typography.Text type="secondary">
            {t('ratings.decide.proposedLine', { level: rating.proposedLevel ?? t('common.none') })}
          </Typography.Text>
        </p>
        <Form.Item label={t('ratings.decide.level')} htmlFor="decide-level" required>
          <LevelSelect id="decide-level" value={level} onChange={setLevel} />
        </Form.Item>
        {differs && (
          <Form.Item
            label={t('ratings.decide.reason')}
            htmlFor="decide-reason"
            required
            validateStatus={tried && reasonMissing ? 'error' : undefined}
            help={tried && reasonMissing ? t('ratings.decide.reasonRequired') : undefined}
          >
            <Input.TextArea
              id="decide-reason"
              value={reason}
              maxLength={5000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        )}
        {needsOverride && (
          <Form.Item
            label={t('ratings.decide.quotaReason')}
            htmlFor="decide-quota-reason"
            required
            extra={t('ratings.decide.quotaReasonHelp')}
            validateStatus={tried && overrideMissing ? 'error' : undefined}
            help={tried && overrideMissing ? t('ratings.decide.quotaReasonRequired') : undefined}
          >
            <Input.TextArea
              id="decide-quota-reason"
              value={override}
              maxLength={5000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setOverride(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
