import { NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAnnounceRound } from '../api/rating-mutations';
import type { RatingRound } from '../api/fields';

/** "Thông báo kết quả": publishes the round's decided ratings and closes the round to changes (after a confirmation). */
export const AnnounceButton = ({ round, size }: { round: RatingRound; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const announce = useAnnounceRound();
  return (
    <>
      <Popconfirm
        title={t('ratings.rounds.announceConfirmTitle')}
        description={<div style={{ maxWidth: 320 }}>{t('ratings.rounds.announceConfirm')}</div>}
        okText={t('ratings.rounds.announce')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          announce.mutateAsync(round.id).then(
            () => void toast.success(t('ratings.rounds.announced')),
            () => undefined,
          )
        }
      >
        <Button size={size} icon={<NotificationOutlined aria-hidden />} loading={announce.isPending} data-testid="announce-round">
          {t('ratings.rounds.announce')}
        </Button>
      </Popconfirm>
      {announce.error != null && <Alert type="error" showIcon role="alert" title={message(announce.error)} style={{ marginTop: 8 }} />}
    </>
  );
};
