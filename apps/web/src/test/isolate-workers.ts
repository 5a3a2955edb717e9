import { threadId } from 'node:worker_threads';

// Test files run in two worker threads of one process, and Node's BroadcastChannel reaches every thread of it: one
// file's sign-out (lib/session.ts tells the other tabs on the 'chibo-session' channel, and setup.ts signs out after
// each test) would end the session of a test running in the other thread. Channels are kept to their own thread,
// as tabs of the app are to their own browser. Runs before setup.ts, which loads lib/session.ts.
const Channel = globalThis.BroadcastChannel;
if (Channel) {
  globalThis.BroadcastChannel = class extends Channel {
    constructor(name: string) {
      super(`${name}#thread-${threadId}`);
    }
  } as typeof BroadcastChannel;
}
