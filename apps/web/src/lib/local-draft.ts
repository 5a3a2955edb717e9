import { useEffect, useRef, useState } from 'react';
import { useSession } from './use-session';

// Drafts of long forms (a meeting's record: attendance, minutes, resolution) kept in this browser until they are
// saved, so that a session that expires, a closed tab or a lost connection does not throw away what was typed.
// A draft belongs to one user and one record, and to the record as the server had it when typing began (its
// "basis"): when the record changed on the server since, the draft is not offered (it would overwrite newer data).
// Drafts older than a week are dropped.

const PREFIX = 'chibo.draft.';
const MAX_AGE_MS = 7 * 24 * 3600_000;

type Stored<T> = { basis: string; savedAt: string; value: T };

/** The storage key of a draft: per user, kind of form and record. */
export const draftKey = (userId: string, kind: string, recordId: string): string =>
  `${PREFIX}${userId}.${kind}.${recordId}`;

/** A short fingerprint of a value (the record as the server had it), to tell whether it changed. */
export const fingerprint = (value: unknown): string => {
  const s = JSON.stringify(value) ?? '';
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return `${s.length}:${(h >>> 0).toString(36)}`;
};

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The draft stored under `key` for this basis, or null (none, another basis, too old, unreadable). */
export const loadDraft = <T>(key: string, basis: string): { value: T; savedAt: string } | null => {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Stored<T>;
    if (d.basis !== basis || Date.now() - Date.parse(d.savedAt) > MAX_AGE_MS) {
      storage()?.removeItem(key);
      return null;
    }
    return { value: d.value, savedAt: d.savedAt };
  } catch {
    storage()?.removeItem(key);
    return null;
  }
};

export const saveDraft = <T>(key: string, basis: string, value: T): void => {
  try {
    storage()?.setItem(key, JSON.stringify({ basis, savedAt: new Date().toISOString(), value } satisfies Stored<T>));
  } catch {
    // storage full or disabled: the form still works, only without a draft
  }
};

export const clearDraft = (key: string): void => {
  storage()?.removeItem(key);
};

/** Removes every draft older than a week (called at start-up). */
export const pruneDrafts = (): void => {
  const s = storage();
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const d = JSON.parse(s.getItem(key) ?? '') as Stored<unknown>;
      if (Date.now() - Date.parse(d.savedAt) > MAX_AGE_MS) s.removeItem(key);
    } catch {
      s.removeItem(key);
    }
  }
};

/**
 * Keeps `value` as the draft under `key` (half a second after the last change) while `active`, and removes it when the
 * value equals the server's again (`unchanged`). A null key keeps nothing.
 */
export const useKeepDraft = <T>(
  key: string | null,
  basis: string,
  value: T,
  active: boolean,
  unchanged: boolean,
): void => {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!key || !active) return;
    window.clearTimeout(timer.current);
    if (unchanged) {
      clearDraft(key);
      return;
    }
    timer.current = window.setTimeout(() => saveDraft(key, basis, value), 500);
    return () => window.clearTimeout(timer.current);
  }, [key, basis, value, active, unchanged]);
};

/**
 * The draft of one user's form for one record (`recordId` null: none kept), offered again when the record is as it
 * was on the server (`server`, the form's values as the server has them) when the draft was typed. Returns what to
 * hand to useKeepDraft, the restored draft, and `discard` (forget it) / `clear` (saved: drop it).
 */
export const useRestoredDraft = <T>(kind: string, recordId: string | null, server: T) => {
  const userId = useSession()?.viewer.id ?? null;
  const key = userId && recordId ? draftKey(userId, kind, recordId) : null;
  const basis = fingerprint(server);
  const [restored, setRestored] = useState(() => (key ? loadDraft<T>(key, basis) : null));
  const clear = () => {
    if (key) clearDraft(key);
    setRestored(null);
  };
  return { key, basis, restored, clear, discard: clear };
};
