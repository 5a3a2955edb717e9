// Jest setupFiles for the API integration tests: with several workers, each worker's suites use that worker's own
// database (created by global-setup.ts), so two suites running at the same time never see each other's rows.
// Worker 1 (and a --runInBand run) keeps the first database, which DATABASE_URL already names.
const names = process.env.CHIBO_TEST_DATABASE?.split(',').filter(Boolean) ?? [];
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
if (process.env.CHIBO_TEST_EMBEDDED !== '1' && names.length > 1 && worker > 1 && process.env.DATABASE_URL) {
  const name = names[worker - 1];
  if (!name) throw new Error(`jest worker ${worker} has no test database (${names.length} were created)`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
