import { act, render, screen } from '@testing-library/react';
import { theme } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { AntdProvider } from './antd-provider';

// A matchMedia whose "reduce motion" answer the test sets and changes, telling its listeners as a browser does.
const fakeMedia = (initially: boolean) => {
  let matches = initially;
  const listeners = new Set<() => void>();
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes('prefers-reduced-motion') ? matches : false;
    },
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  return {
    set: (next: boolean) => {
      matches = next;
      listeners.forEach((l) => l());
    },
    restore: () => {
      window.matchMedia = original;
    },
  };
};

const Motion = () => {
  const { token } = theme.useToken();
  return <span data-testid="motion">{String(token.motion)}</span>;
};

describe('AntdProvider and the system setting "reduce motion"', () => {
  let media: ReturnType<typeof fakeMedia> | undefined;
  afterEach(() => media?.restore());

  it('keeps antd animations when the user did not ask for less motion', () => {
    media = fakeMedia(false);
    render(<AntdProvider><Motion /></AntdProvider>);
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });

  it('turns antd animations off when the user asks for less motion, and follows a change live', () => {
    media = fakeMedia(true);
    render(<AntdProvider><Motion /></AntdProvider>);
    expect(screen.getByTestId('motion').textContent).toBe('false');
    act(() => media?.set(false));
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });
});
