import { NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useRoundPending } from '../api/get-rounds';
import { useAnnounceRound } from '../api/rating-mutations';
import type { RatingRound } from '../api/fields';

/**
 * "Thông báo kết quả": publishes the round's decided ratings and closes the round to changes (after a confirmation
 * with the counts). Offered only when every subject is settled: no rating left undecided and nobody pending, the
 * rule the API enforces (RATING_ROUND_UNDECIDED).
 */
export const AnnounceButton = ({ round, size }: { round: RatingRound; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const f = useFormat();
  const announce = useAnnounceRound();
  const pending = useRoundPending(round.id, '', 1, 1);
  const undecided = round.ratingCount - round.decidedCount;
  const notStarted = pending.data?.total ?? 0;
  if (!pending.data || undecided > 0 || notStarted > 0) {
    const why = pending.data
      ? t('ratings.rounds.announceBlocked', { undecided: f.number(undecided), notStarted: f.number(notStarted) })
      : undefined;
    return (
      <Tooltip title={why}>
        <Button
          size={size}
          icon={<NotificationOutlined aria-hidden />}
          disabled
          aria-description={why}
          data-testid="announce-round"
        >
          {t('ratings.rounds.announce')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <>
      <Popconfirm
        title={t('ratings.rounds.announceConfirmTitle')}
        description={
          <div style={{ maxWidth: 320 }}>
            {t('ratings.rounds.announceConfirm', { decided: f.number(round.decidedCount) })}
          </div>
        }
        okText={t('ratings.rounds.announce')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          announce.mutateAsync(round.id).then(
            () => void toast.success(t('ratings.rounds.announced')),
            () => undefined,
          )
        }
      >
        <Button
          size={size}
          icon={<NotificationOutlined aria-hidden />}
          loading={announce.isPending}
          data-testid="announce-round"
        >
          {t('ratings.rounds.announce')}
        </Button>
      </Popconfirm>
      {announce.error != null && (
        <Alert type="error" showIcon role="alert" title={message(announce.error)} style={{ marginTop: 8 }} />
      )}
    </>
  );
};
