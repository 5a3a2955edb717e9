import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { initI18n } from '../lib/i18n';
import { clearSession } from '../lib/session';

// Runs before each test file. The network is replaced at the request() boundary: every test says what the API
// answers (src/test/api.ts); a call nobody answered fails the operation with UNEXPECTED_OPERATION.
vi.mock('../lib/graphql-client', async (importOriginal) => {
  const original = await importOriginal<typeof import('../lib/graphql-client')>();
  return { ...original, request: vi.fn() };
});

// What antd needs and jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;

// jsdom does not implement getComputedStyle with a pseudo-element (antd measures the scrollbar with one): ask for the
// element's own style instead of logging "Not implemented".
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// antd writes its CSS-in-JS into <style> elements as components mount; jsdom parses every one of them, which is
// most of a test's time, and no test reads a computed style: the elements stay, without their text.
const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
Object.defineProperty(Element.prototype, 'innerHTML', {
  ...innerHtml,
  set(this: Element, value: string) {
    if (this.tagName !== 'STYLE') innerHtml.set!.call(this, value);
  },
});

window.scrollTo = () => undefined;
Element.prototype.scrollIntoView ??= () => undefined;

// antd's deprecation notices (props the app still uses) and jsdom's missing layout (a text area's autosize measures
// NaN, a popup outside the shadow root) would bury the failures in the output.
const NOISE = ['Warning: [antd:', 'css style property', 'should in same shadow root'];
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && NOISE.some((n) => (args[0] as string).includes(n))) return;
    original(...args);
  };
}

beforeAll(async () => {
  // the real Vietnamese texts (the features add theirs when their modules load)
  await initI18n();
});

afterEach(() => {
  cleanup();
  clearSession('signedOut');
  localStorage.clear();
});
