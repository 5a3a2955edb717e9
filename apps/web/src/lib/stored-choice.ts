import { useState } from 'react';
import { useSession } from './use-session';

/**
 * A choice the user makes once and finds again (the order of a list, say): kept in this browser under `key`, read
 * back only when it is still one of `allowed`.
 */
export const useStoredChoice = <T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): [T, (value: T) => void] => {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return allowed.includes(stored as T) ? (stored as T) : fallback;
    } catch {
      return fallback;
    }
  });
  const choose = (next: T) => {
    setValue(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // storage blocked: the choice holds for this page only
    }
  };
  return [value, choose];
};

const readJson = <T>(key: string | null, parse: (raw: unknown) => T | null, fallback: T): T => {
  if (!key) return fallback;
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : (parse(JSON.parse(stored)) ?? fallback);
  } catch {
    // storage blocked, or not JSON (written by hand, or by an older version): as if nothing were kept
    return fallback;
  }
};

/**
 * A value the signed-in user keeps for themselves in this browser (the columns of a list, their saved filters): kept
 * as JSON under `<base>.<user id>`, so two people sharing a computer each find their own. `parse` checks what is read
 * back (null: unusable, the fallback is used); nothing is kept while nobody is signed in.
 */
export const useUserStoredValue = <T>(
  base: string,
  parse: (raw: unknown) => T | null,
  fallback: T,
): [T, (value: T) => void] => {
  const userId = useSession()?.viewer.id ?? null;
  const key = userId ? `${base}.${userId}` : null;
  const [state, setState] = useState(() => ({ key, value: readJson(key, parse, fallback) }));
  // another user signed in on this page: their own value
  let current = state;
  if (state.key !== key) {
    current = { key, value: readJson(key, parse, fallback) };
    setState(current);
  }
  const save = (value: T) => {
    setState({ key, value });
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage blocked or full: the value holds for this page only
    }
  };
  return [current.value, save];
};
