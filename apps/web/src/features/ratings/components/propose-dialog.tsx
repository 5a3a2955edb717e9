import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkQuota, emptyLevelCounts, quotaApplies, type RatingLevel } from '../../../lib/domain';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useRatingPolicy } from '../api/get-rating-policy';
import { useQuotaGroupRatings } from '../api/get-rounds';
import { useProposeRating, type ProposalResult } from '../api/rating-mutations';
import type { Rating } from '../api/fields';
import { ratingReferenceDate } from '../utils/reference-date';
import { LevelSelect } from './level-select';

type Props = { rating: Rating; open: boolean; onClose: () => void };

/**
 * Review and proposal by the cell or committee. While choosing, the quota of the rating's group is previewed with the
 * library's check (the group's proposed and decided levels with this one counted); the server's check comes back with
 * the proposal, and a breach is shown as a warning (a proposal is never refused for it; the decision will need a reason).
 */
export const ProposeDialog = ({ rating, open, onClose }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const propose = useProposeRating();
  const [level, setLevel] = useState<RatingLevel | null>(rating.proposedLevel ?? rating.computedLevel);
  const [note, setNote] = useState(rating.proposalNote ?? '');
  const [result, setResult] = useState<ProposalResult | null>(null);
  const refDate = ratingReferenceDate(rating.year);
  const policy = useRatingPolicy(rating.quotaGroupId, refDate);
  const group = useQuotaGroupRatings(open ? rating.roundId : null, rating.quotaGroupId, rating.subjectKind);

  const preview = (() => {
    if (!level || !policy.data || !group.data || !quotaApplies(rating.subjectKind, policy.data.policy)) return null;
    const counts = emptyLevelCounts();
    for (const r of group.data) {
      const l = r.id === rating.id ? null : (r.decidedLevel ?? r.proposedLevel);
      if (l) counts[l] += 1;
    }
    counts[level] += 1;
    return checkQuota(counts, policy.data.policy);
  })();

  const close = () => {
    propose.reset();
    setResult(null);
    onClose();
  };
  const save = () => {
    if (!level) return;
    propose.mutate(
      { ratingId: rating.id, level, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (res) => {
          if (res.quotaWarning) setResult(res);
          else {
            void toast.success(t('ratings.propose.done'));
            close();
          }
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('ratings.propose.title', { subject: rating.subjectName })}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="propose-close">
            {t('ratings.propose.close')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="ok"
              type="primary"
              loading={propose.isPending}
              disabled={!level}
              onClick={save}
              data-testid="propose-submit"
            >
              {t('ratings.propose.submit')}
            </Button>,
          ]
        )
      }
    >
      {result?.quota ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="quota-warning"
          title={t('ratings.propose.quotaReturned', {
            excellent: f.number(result.quota.excellent),
            limit: f.number(result.quota.limit),
            base: f.number(result.quota.base),
          })}
        />
      ) : (
        <Form layout="vertical" component="div" data-testid="propose-form">
          {propose.error != null && (
            <Alert type="error" showIcon role="alert" title={message(propose.error)} style={{ marginBottom: 12 }} />
          )}
          {rating.score !== null && (
            <p>
              <Typography.Text type="secondary">
                {t('ratings.propose.selfLine', {
                  score: f.number(rating.score),
                  level: rating.computedLevel ?? t('common.none'),
                })}
              </Typography.Text>
            </p>
          )}
          <Form.Item label={t('ratings.propose.level')} htmlFor="propose-level" required>
            <LevelSelect id="propose-level" value={level} onChange={setLevel} />
          </Form.Item>
          {preview?.breached && (
            <Alert
              type="warning"
              showIcon
              data-testid="quota-preview"
              style={{ marginBottom: 12 }}
              title={t('ratings.propose.quotaPreview', {
                excellent: f.number(preview.excellent),
                limit: f.number(preview.limit),
                base: f.number(preview.base),
                percent: f.number(policy.data!.policy.rating.quotaPercent),
              })}
            />
          )}
          <Form.Item label={t('ratings.propose.note')} htmlFor="propose-note">
            <Input.TextArea
              id="propose-note"
              value={note}
              maxLength={5000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
};
