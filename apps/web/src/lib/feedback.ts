import type { App } from 'antd';
import { useSyncExternalStore } from 'react';

/** antd's message, notification and modal hooks of a mounted `<App>` (what `App.useApp()` returns). */
export type Feedback = ReturnType<typeof App.useApp>;

// The shell and the dashboard load without antd (docs/scaling.md, "The web app"): the few messages and confirmations
// they show go through here. Every antd `<App>` of the app (antd-provider.tsx) registers its hooks; a call made while
// none is mounted waits, and asks the shell to mount one (app-shell.tsx, `FeedbackHost`), which loads antd then.
const registered: Feedback[] = [];
const waiting: ((feedback: Feedback) => void)[] = [];
const listeners = new Set<() => void>();
let hostWanted = false;

/** Runs `show` with antd's message/modal hooks as soon as an antd `<App>` is mounted (at once when one is). */
export const withFeedback = (show: (feedback: Feedback) => void) => {
  const feedback = registered.at(-1);
  if (feedback) {
    show(feedback);
    return;
  }
  waiting.push(show);
  if (!hostWanted) {
    hostWanted = true;
    listeners.forEach((l) => l());
  }
};

/** Called by each antd `<App>` while it is mounted; the latest one shows what is asked. */
export const registerFeedback = (feedback: Feedback) => {
  registered.push(feedback);
  waiting.splice(0).forEach((show) => show(feedback));
  return () => {
    const at = registered.lastIndexOf(feedback);
    if (at >= 0) registered.splice(at, 1);
  };
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether something waits for an antd `<App>` that the page does not have yet (the shell then mounts one). */
export const useFeedbackHostWanted = () =>
  useSyncExternalStore(
    subscribe,
    () => hostWanted,
    () => false,
  );
