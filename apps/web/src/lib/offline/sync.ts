import { ApiError } from '../api-error';
import { request, type GraphQLDocument } from '../graphql-client';
import { clearDraft, draftKey } from '../local-draft';
import { getSession } from '../session';
import { clearOutbox, enqueue, openOutbox, outboxItems, removeItem, updateItem, type NewOutboxItem } from './outbox';
import { emitOutboxAccepted, type OutboxItem } from './outbox-status';
import { getOfflineStatus, subscribeOfflineStatus } from './status';

// Sends the changes made without a connection (outbox.ts) when the server can be reached again: at the start of a
// session, when the browser says it is online, when a request reaches the server after failing, and every 30 s while
// changes wait. One at a time, in the order they were made, through the same GraphQL mutations as online, each with
// its idempotency key: a change whose answer was lost is sent again and the server writes it once.
//
// Answers: accepted → removed; no connection or the session must be renewed → stays queued, sending stops; the
// meeting changed on the server since it was read (CONFLICT / MEETING_CHANGED) → a conflict the user decides field by
// field (features/sync); any other refusal (the meeting was closed meanwhile, a month the member was not a member…) →
// rejected, shown with the server's reason until the user gives it up. Later changes of the same record wait behind a
// conflict or a refusal; other records' changes go on.

const RETRY_MS = 30_000;
const TRANSIENT = new Set([
  'NETWORK_ERROR',
  'SERVER_ERROR',
  'BAD_RESPONSE',
  'INTERNAL_SERVER_ERROR',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);

let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const errorOf = (e: ApiError) => ({
  code: e.code,
  reason: e.reason,
  message: e.message,
  fields: e.fields.map((f) => ({ field: f.field, reason: f.reason, ...(f.message ? { message: f.message } : {}) })),
});

/** One pass over the queue; false when sending had to stop (no connection, no session). */
const pass = async (): Promise<boolean> => {
  if (!getSession()) return false;
  const items = await outboxItems();
  const held = new Set<string>();
  for (const item of items) {
    if (item.state === 'conflict' || item.state === 'rejected') {
      held.add(item.target);
      continue;
    }
    if (held.has(item.target)) continue;
    await updateItem(item.id, { state: 'sending', attempts: item.attempts + 1 });
    try {
      await request(item.query as unknown as GraphQLDocument<unknown, Record<string, unknown>>, item.variables);
    } catch (error) {
      if (!(error instanceof ApiError) || TRANSIENT.has(error.code) || error.code === 'UNAUTHENTICATED') {
        await updateItem(item.id, { state: 'queued' });
        return false;
      }
      const conflict = error.code === 'CONFLICT' && error.reason === 'MEETING_CHANGED';
      await updateItem(item.id, { state: conflict ? 'conflict' : 'rejected', error: errorOf(error) });
      held.add(item.target);
      continue;
    }
    await removeItem(item.id);
    if (item.kind === 'recordMeeting') clearDraft(draftKey(item.userId, 'meeting-record', item.target));
    emitOutboxAccepted(item);
  }
  return true;
};

const schedule = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void syncNow(), RETRY_MS);
};

/** Sends what waits (one run at a time; a call during a run makes it look again at the end). */
export const syncNow = (): Promise<void> => {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    for (;;) {
      again = false;
      const completed = await pass().catch(() => false);
      if (!again || !completed) break;
    }
    const waiting = (await outboxItems().catch(() => [])).some((i) => i.state === 'queued' || i.state === 'sending');
    if (waiting) schedule();
  })().finally(() => {
    running = null;
  });
  return running;
};

let listening = false;
const listen = () => {
  if (listening) return;
  listening = true;
  window.addEventListener('online', () => void syncNow());
  // a request reached the server again after failing: the connection is back
  let wasOffline = getOfflineStatus().offline;
  subscribeOfflineStatus(() => {
    const offline = getOfflineStatus().offline;
    if (wasOffline && !offline) void syncNow();
    wasOffline = offline;
  });
};

/** The signed-in user's queue: shown, and sent when the server can be reached. */
export const startOutbox = async (userId: string): Promise<void> => {
  listen();
  await openOutbox(userId);
  void syncNow();
};

/** Queues a change made while the server could not be reached; it is sent when the connection is back. */
export const queueChange = async (userId: string, item: NewOutboxItem): Promise<OutboxItem> => {
  listen();
  const row = await enqueue(userId, item);
  schedule();
  return row;
};

/** The user gave up a change (a refusal read, or a conflict where they keep the server's record). */
export const discardChange = async (item: OutboxItem): Promise<void> => {
  await removeItem(item.id);
  if (item.kind === 'recordMeeting') clearDraft(draftKey(item.userId, 'meeting-record', item.target));
};

/** A decided conflict: the change to send now (against the server's current version), then sent at once. */
export const retryChange = async (
  item: OutboxItem,
  patch: Pick<OutboxItem, 'variables' | 'clientKey'> & Partial<Pick<OutboxItem, 'query' | 'base' | 'baseVersion'>>,
): Promise<void> => {
  await updateItem(item.id, { ...patch, state: 'queued', error: undefined });
  await syncNow();
};

/** Deletes every queued change (sign-out, another user's session). */
export const clearQueued = (): Promise<number> => clearOutbox();
