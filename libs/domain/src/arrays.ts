/**
 * Small helpers for reading arrays under `noUncheckedIndexedAccess`: where the code has just established that an
 * element exists (a `RETURNING` row, a non-empty list it checked), these say so and fail loudly if it does not.
 * A missing element there is a programming error, not a user's mistake, so they throw a plain Error. An element that
 * is itself undefined counts as missing: do not use them on lists that may hold undefined.
 */

/** The first element of `items`; throws an Error naming `what` when there is none. */
export const first = <T>(items: readonly T[], what: string): T => {
  const [item] = items;
  if (item === undefined) throw new Error(`Expected ${what}, found none`);
  return item;
};

/** The element of `items` at `index`; throws an Error naming `what` when there is none. */
export const elementAt = <T>(items: readonly T[], index: number, what: string): T => {
  const item = items[index];
  if (item === undefined) throw new Error(`Expected ${what} at index ${index} of ${items.length}, found none`);
  return item;
};

/** Whether every element is strictly greater than the one before it (numbers or zero-padded strings). */
export const isStrictlyAscending = <T extends number | string>(items: readonly T[]): boolean =>
  items.every((item, i) => {
    const prev = items[i - 1];
    return prev === undefined || prev < item;
  });
