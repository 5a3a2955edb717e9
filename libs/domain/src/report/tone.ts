import { DomainError } from '../errors';

// How a report's figure reads against its target, so every screen colours it by meaning: red only when something
// is behind, never merely because it is a figure.

/** `behind`: the figure misses its target; `met`: it reaches it; `neutral`: it has no target (or no value). */
export type FigureTone = 'behind' | 'met' | 'neutral';

/** A floor the figure must reach (`atLeast`) or a ceiling it must not pass (`atMost`). */
export type FigureTarget = { atLeast: number; atMost?: never } | { atMost: number; atLeast?: never };

/** The target of a count of things behind (cells behind their meetings, visits overdue): none. */
export const NONE_BEHIND: FigureTarget = { atMost: 0 };

const assertFinite = (n: unknown, field: string): void => {
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new DomainError('VALIDATION', `Expected a finite number, got ${String(n)}`, field);
};

/**
 * The tone of `value` against `target`: `behind` below `atLeast` or above `atMost`, `met` otherwise; `neutral`
 * without a target, or without a value (a share of nothing: `null`). Throws VALIDATION ('value' or 'target') for a
 * value or a target bound that is not a finite number, or a target with both bounds or neither.
 */
export const figureTone = (value: number | null | undefined, target?: FigureTarget | null): FigureTone => {
  if (target === undefined || target === null) return 'neutral';
  const floor = target.atLeast;
  const ceiling = target.atMost;
  if ((floor === undefined) === (ceiling === undefined))
    throw new DomainError('VALIDATION', 'A target has either atLeast or atMost', 'target');
  assertFinite(floor ?? ceiling, 'target');
  if (value === null || value === undefined) return 'neutral';
  assertFinite(value, 'value');
  if (floor !== undefined) return value < floor ? 'behind' : 'met';
  return value > (ceiling as number) ? 'behind' : 'met';
};
