import { CloudUploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { invalidateAfter } from '../../lib/invalidation';
import { needsAttention, onOutboxAccepted, useOutbox } from '../../lib/offline/outbox-status';
import { paths } from '../../lib/paths';

/**
 * The changes made on this device without a connection (docs/offline.md): "2 chờ gửi" in the header, marked when one
 * needs the user (a conflict to decide, a refusal to read), leading to the page that lists them. Nothing when none
 * wait. An accepted change refreshes the screens it changes, as the same write made online does.
 */
export const OutboxIndicator = () => {
  const { t } = useTranslation();
  const items = useOutbox();
  const queryClient = useQueryClient();
  useEffect(() => onOutboxAccepted((item) => void invalidateAfter(queryClient, item.kind)), [queryClient]);
  if (items.length === 0) return null;
  const attention = items.filter(needsAttention).length;
  return (
    <Badge count={attention} size="small" title={attention ? t('header.outboxAttention', { count: attention }) : undefined}>
      <Link to={paths.sync} data-testid="outbox-indicator" data-count={items.length} data-attention={attention}>
        <Button icon={<CloudUploadOutlined aria-hidden />} tabIndex={-1}>
          {t('header.outbox', { count: items.length })}
        </Button>
      </Link>
    </Badge>
  );
};
