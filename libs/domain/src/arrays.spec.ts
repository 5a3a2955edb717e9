import { elementAt, first, isStrictlyAscending } from './arrays';

describe('first', () => {
  it('returns the first element, also a falsy one', () => {
    expect(first(['a', 'b'], 'letter')).toBe('a');
    expect(first([0], 'number')).toBe(0);
  });
  it('throws an error naming what was expected when there is none', () => {
    expect(() => first([], 'inserted row')).toThrow('Expected inserted row, found none');
  });
});

describe('elementAt', () => {
  it('returns the element at the index or throws', () => {
    expect(elementAt(['a', 'b'], 1, 'letter')).toBe('b');
    expect(() => elementAt(['a'], 1, 'letter')).toThrow('Expected letter at index 1 of 1, found none');
  });
});

describe('isStrictlyAscending', () => {
  it('is true for empty, single and strictly ascending lists', () => {
    expect(isStrictlyAscending([])).toBe(true);
    expect(isStrictlyAscending([3])).toBe(true);
    expect(isStrictlyAscending([1, 2, 5])).toBe(true);
    expect(isStrictlyAscending(['01-31', '02-01'])).toBe(true);
  });
  it('is false for equal or descending neighbours', () => {
    expect(isStrictlyAscending([1, 1])).toBe(false);
    expect(isStrictlyAscending([2, 1, 3])).toBe(false);
    expect(isStrictlyAscending(['02-01', '01-31'])).toBe(false);
  });
});
