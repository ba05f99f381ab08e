// Runs graphql-http's serverAudits (the GraphQL-over-HTTP spec's checks) against a running server.
// Usage: node audit.mjs <url> <bearer token>. Prints one line per audit and a tally; exits 1 when a MUST or a
// SHOULD fails (a failing MAY is a "notice": allowed, and listed in docs/reliability.md with its reason).
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node audit.mjs <url> <bearer token>');
  process.exit(2);
}

// Every request carries the caller's token, as a signed-in client's would.
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers || {});
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = await Promise.all(serverAudits({ url, fetchFn }).map(({ fn }) => fn()));
const tally = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  tally[result.status]++;
  const reason = result.status === 'ok' ? '' : ` -- ${result.reason}`;
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}${reason}`);
}
console.log(`graphql-http audit: ${tally.ok} ok, ${tally.notice} notice, ${tally.warn} warn, ${tally.error} error`);
process.exit(tally.warn + tally.error === 0 ? 0 : 1);
