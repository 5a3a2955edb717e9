#!/usr/bin/env node
// Follows chibo's change feed (docs/graphql.md#change-feed) and resumes where it stopped.
//
//   CHIBO_TOKEN=chibo_… node scripts/examples/sync-changes.mjs [--once]
//
// Environment:
//   CHIBO_URL          the GraphQL endpoint (default http://localhost:3000/graphql)
//   CHIBO_TOKEN        an API token (or an access token); the feed shows the events of its subtree
//   CURSOR_FILE        where the cursor is kept between runs (default ./chibo-changes.cursor)
//   ORGANISATION_ID    only this organisation's subtree (optional)
//   TYPES              only these event types, comma-separated, e.g. meeting.closed,rating.decided (optional)
//   POLL_SECONDS       the pause when up to date (default 10)
//
// Each event is "processed" by printing it as one JSON line on stdout; replace `handle` with your own sync. The cursor
// is stored (atomically: a temporary file, then a rename) only after a whole page was handled, so after a crash or a
// restart of the API the same page may be handled again (at least once) but nothing is skipped: make `handle`
// idempotent, e.g. by remembering the event ids of the last page. Needs Node 18 or later (fetch), nothing else.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const url = process.env.CHIBO_URL ?? 'http://localhost:3000/graphql';
const token = process.env.CHIBO_TOKEN;
const cursorFile = process.env.CURSOR_FILE ?? './chibo-changes.cursor';
const organisationId = process.env.ORGANISATION_ID || null;
const types = process.env.TYPES
  ? process.env.TYPES.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : null;
const pollMs = Number(process.env.POLL_SECONDS ?? 10) * 1000;
const once = process.argv.includes('--once');
if (!token) {
  console.error(
    'Set CHIBO_TOKEN to an API token (an administrator creates one: createApiToken, or the CLI create-token).',
  );
  process.exit(2);
}

const QUERY = `query Changes($after: String, $types: [String!], $organisationId: ID, $limit: Int) {
  changes(after: $after, types: $types, organisationId: $organisationId, limit: $limit) {
    cursor hasMore
    items { id type version occurredAt actorType actorName subjectType subjectId organisationId payload }
  }
}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const readCursor = () => (existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null);
const storeCursor = (c) => {
  if (!c) return;
  writeFileSync(`${cursorFile}.tmp`, `${c}\n`);
  renameSync(`${cursorFile}.tmp`, cursorFile);
};

/** One request; null when the API cannot be reached or asks to wait (then the caller retries later). */
const fetchPage = async (after) => {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { after, types, organisationId, limit: 200 } }),
    });
  } catch (e) {
    console.error(`chibo unreachable (${e.cause?.code ?? e.message}); retrying`);
    return null;
  }
  if (res.status === 429 || res.status === 503) {
    console.error(`chibo answered ${res.status}; retrying`);
    return null;
  }
  const body = await res.json();
  if (body.errors?.length) {
    // NOT_FOUND (organisation outside the token's scope), UNAUTHENTICATED (token revoked), BAD_USER_INPUT (cursor,
    // type): retrying does not help.
    const e = body.errors[0];
    console.error(`chibo refused: ${e.extensions?.code ?? ''} ${e.message}`);
    process.exit(1);
  }
  return body.data.changes;
};

/** Your sync goes here. */
const handle = async (event) => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

let cursor = readCursor();
let backoff = 1000;
for (;;) {
  const page = await fetchPage(cursor);
  if (!page) {
    if (once) process.exit(1);
    await sleep(backoff);
    backoff = Math.min(backoff * 2, 60_000);
    continue;
  }
  backoff = 1000;
  for (const event of page.items) await handle(event);
  storeCursor(page.cursor);
  cursor = page.cursor;
  if (page.hasMore) continue;
  if (once) break;
  await sleep(pollMs);
}
