import { useState } from 'react';

/**
 * A choice the user makes once and finds again (the order of a list, say): kept in this browser under `key`, read
 * back only when it is still one of `allowed`.
 */
export const useStoredChoice = <T extends string>(key: string, allowed: readonly T[], fallback: T): [T, (value: T) => void] => {
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
