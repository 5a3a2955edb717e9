import { DomainError } from '../errors';
import { figureTone, NONE_BEHIND } from './tone';

describe('figureTone', () => {
  it('calls a count of things behind "behind" only when there is one', () => {
    expect(figureTone(0, NONE_BEHIND)).toBe('met');
    expect(figureTone(1, NONE_BEHIND)).toBe('behind');
    expect(figureTone(27, NONE_BEHIND)).toBe('behind');
  });

  it('compares with a floor: below it is behind, on it or above is met', () => {
    expect(figureTone(79.99, { atLeast: 80 })).toBe('behind');
    expect(figureTone(80, { atLeast: 80 })).toBe('met');
    expect(figureTone(100, { atLeast: 80 })).toBe('met');
  });

  it('compares with a ceiling: above it is behind, on it or below is met', () => {
    expect(figureTone(3, { atMost: 2 })).toBe('behind');
    expect(figureTone(2, { atMost: 2 })).toBe('met');
    expect(figureTone(-1, { atMost: 2 })).toBe('met');
  });

  it('is neutral without a target, or without a value (a share of nothing)', () => {
    expect(figureTone(12)).toBe('neutral');
    expect(figureTone(12, null)).toBe('neutral');
    expect(figureTone(null, { atLeast: 80 })).toBe('neutral');
    expect(figureTone(undefined, NONE_BEHIND)).toBe('neutral');
  });

  it.each([
    [Number.NaN, NONE_BEHIND, 'value'],
    [Number.POSITIVE_INFINITY, { atLeast: 1 }, 'value'],
    [1, { atLeast: Number.NaN }, 'target'],
    [1, {}, 'target'],
    [1, { atLeast: 1, atMost: 2 }, 'target'],
  ])('refuses %p against %p (field %s)', (value, target, field) => {
    let error: unknown;
    try {
      figureTone(value as number, target as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).field).toBe(field);
  });
});
