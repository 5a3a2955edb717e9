import { CloudUploadOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { needsAttention, type OutboxItem } from '../../lib/offline/outbox-status';
import { paths } from '../../lib/paths';

/** "2 chờ gửi" with the number that need the user (loaded only when changes wait: most sessions never show it). */
export const OutboxButton = ({ items }: { items: readonly OutboxItem[] }) => {
  const { t } = useTranslation();
  const attention = items.filter(needsAttention).length;
  return (
    <Badge
      count={attention}
      size="small"
      title={attention ? t('header.outboxAttention', { count: attention }) : undefined}
    >
      <Link to={paths.sync} data-testid="outbox-indicator" data-count={items.length} data-attention={attention}>
        <Button icon={<CloudUploadOutlined aria-hidden />} tabIndex={-1}>
          {t('header.outbox', { count: items.length })}
        </Button>
      </Link>
    </Badge>
  );
};
