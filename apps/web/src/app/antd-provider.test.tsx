import { act, render, screen } from '@testing-library/react';
import { theme } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { AntdProvider, appTheme } from './antd-provider';

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
    render(
      <AntdProvider>
        <Motion />
      </AntdProvider>,
    );
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });

  it('turns antd animations off when the user asks for less motion, and follows a change live', () => {
    media = fakeMedia(true);
    render(
      <AntdProvider>
        <Motion />
      </AntdProvider>,
    );
    expect(screen.getByTestId('motion').textContent).toBe('false');
    act(() => media?.set(false));
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });
});

// WCAG 2.1 AA contrast (1.4.3): a colour's relative luminance, the alpha of an rgba() laid over the background.
const channels = (colour: string, under: number[]): number[] => {
  const rgba = /rgba\((\d+), ?(\d+), ?(\d+), ?([\d.]+)\)/.exec(colour);
  if (rgba) return [1, 2, 3].map((i, k) => Number(rgba[i]) * Number(rgba[4]) + under[k] * (1 - Number(rgba[4])));
  const hex = colour.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
};
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (fg: string, bg: string) => {
  const back = channels(bg, [0, 0, 0]);
  const [a, b] = [luminance(channels(fg, back)), luminance(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
};

const Tokens = ({ pick }: { pick: (t: Record<string, unknown>) => Record<string, string> }) => {
  const { token } = theme.useToken();
  return <pre data-testid="tokens">{JSON.stringify(pick(token as unknown as Record<string, unknown>))}</pre>;
};
const tokensOf = (pick: (t: Record<string, unknown>) => Record<string, string>): Record<string, string> => {
  render(
    <AntdProvider>
      <Tokens pick={pick} />
    </AntdProvider>,
  );
  return JSON.parse(screen.getByTestId('tokens').textContent ?? '{}') as Record<string, string>;
};

describe('AntdProvider: text colours of the theme read at 4.5:1 (WCAG 2.1 AA)', () => {
  it('secondary, description, placeholder, disabled, link, error and status texts on white and on the light fills', () => {
    const names = [
      'colorText',
      'colorTextSecondary',
      'colorTextTertiary',
      'colorTextDescription',
      'colorTextPlaceholder',
      'colorTextDisabled',
      'colorTextLabel',
      'colorLink',
      'colorError',
      'colorSuccessText',
      'colorWarningText',
      'colorErrorText',
      'colorInfoText',
    ];
    const tokens = tokensOf((t) => Object.fromEntries(names.map((n) => [n, String(t[n])])));
    for (const name of names) {
      for (const bg of ['#ffffff', '#fafafa', '#f5f5f5']) {
        expect(contrast(tokens[name], bg), `${name} ${tokens[name]} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("tags: each preset and status colour's text on its own tint", () => {
    const presets = [
      'blue',
      'purple',
      'cyan',
      'green',
      'magenta',
      'pink',
      'red',
      'orange',
      'yellow',
      'volcano',
      'geekblue',
      'lime',
      'gold',
    ];
    // the Tag component reads its own overrides on top of the global tokens
    const own = appTheme.components.Tag as Record<string, string>;
    const status = ['Success', 'Warning', 'Error', 'Info'];
    const tokens = tokensOf((t) => ({
      ...Object.fromEntries(
        presets.flatMap((p) => [
          [`${p}7`, own[`${p}7`] ?? String(t[`${p}7`])],
          [`${p}1`, String(t[`${p}1`])],
        ]),
      ),
      ...Object.fromEntries(status.map((s) => [s, String(t[`color${s}Bg`])])),
    }));
    for (const p of presets) {
      expect(
        contrast(tokens[`${p}7`], tokens[`${p}1`]),
        `${p}: ${tokens[`${p}7`]} on ${tokens[`${p}1`]}`,
      ).toBeGreaterThanOrEqual(4.5);
    }
    for (const s of status) {
      expect(contrast(own[`color${s}`], tokens[s]), `${s}: ${own[`color${s}`]} on ${tokens[s]}`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
