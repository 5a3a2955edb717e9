import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { invalidateAfter } from '../../lib/invalidation';
import { onOutboxAccepted, useOutbox } from '../../lib/offline/outbox-status';
import { lazyWithAntd } from '../antd-lazy';

const OutboxButton = lazyWithAntd(() => import('./outbox-button').then((m) => m.OutboxButton));

/**
 * The changes made on this device without a connection (docs/offline.md): "2 chờ gửi" in the header, marked when one
 * needs the user (a conflict to decide, a refusal to read), leading to the page that lists them. Nothing when none
 * wait (and its code is not even loaded). An accepted change refreshes the screens it changes, as the same write
 * made online does.
 */
export const OutboxIndicator = () => {
  const items = useOutbox();
  const queryClient = useQueryClient();
  useEffect(() => onOutboxAccepted((item) => void invalidateAfter(queryClient, item.kind)), [queryClient]);
  if (items.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <OutboxButton items={items} />
    </Suspense>
  );
};
