const sc = require('./dist/cli/bench-screens.js');
const { Client } = require('pg');
const which = process.argv[2] || 'MEMBERS';
const url = process.argv[3] || 'postgres://postgres@127.0.0.1:5432/bench1';
const secs = Number(process.argv[4] || 15);
(async () => {
  const db = new Client({ connectionString: url }); await db.connect();
  const [cell] = (await db.query(`SELECT ms.organisation_id AS id, count(*)::int AS n FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.valid_to IS NULL GROUP BY ms.organisation_id ORDER BY abs(count(*) - 30), ms.organisation_id LIMIT 1`)).rows;
  const [{ member }] = (await db.query(`SELECT min(member_id::text) AS member FROM membership WHERE organisation_id = $1 AND valid_to IS NULL`, [cell.id])).rows;
  const [round] = (await db.query(`SELECT r.round_id AS id FROM rating r WHERE r.organisation_id = $1 AND r.round_id IS NOT NULL ORDER BY r.year DESC LIMIT 1`, [cell.id])).rows;
  await db.end();
  const ROUND = `query($r: ID!, $o: ID) {
  ratingRound(id: $r) { id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy announcedAt ratingCount decidedCount }
  ratings(filter: { roundId: $r, organisationId: $o }, page: { offset: 0, limit: 50 }) { total items { id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId
    organisationName proposerId deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel decisionReason
    quotaOverrideReason stage selfAssessedAt selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note } } } }`;
  const { process: child, post } = await sc.startBenchServer(url, process.env.PROF ? require('path').join(__dirname, 'profmain.tmp.js') : undefined);
  const tok = (await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { username: 'canbo', password: 'Chibo@2026' } })).signIn.accessToken;
  const d = new Date().toISOString().slice(0, 10);
  const q = { MEMBERS: [sc.MEMBERS, { o: cell.id, d }], ORG: [sc.ORGANISATION, { o: cell.id, d }], MEMBER: [sc.MEMBER, { m: member, d }], MEETINGS: [sc.MEETINGS, { o: cell.id, from: '2026-01-01', to: '2026-12-31' }], TYPENAME: ['{ __typename }', {}], ROUND: [ROUND, { r: round && round.id, o: cell.id }], INSP: [sc.INSPECTIONS, { o: cell.id, d, y: 2026 }] }[which];
  for (let i = 0; i < 20; i++) await post(q[0], q[1], tok);
  const fs = require('fs');
  const cpu = (pid) => { try { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; } catch { return 0; } };
  const pgCpu = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).reduce((a, d) => { try { return fs.readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres') ? a + cpu(d) : a; } catch { return a; } }, 0);
  const a0 = cpu(child.pid), p0 = pgCpu(), s0 = cpu(process.pid);
  let done = 0; const until = Date.now() + secs * 1000; const t0 = Date.now();
  await Promise.all(Array.from({ length: 20 }, async () => { while (Date.now() < until) { await post(q[0], q[1], tok); done++; } }));
  const a1 = cpu(child.pid), p1 = pgCpu(), s1 = cpu(process.pid);
  console.log(`api ${((a1 - a0) * 1000 / done).toFixed(2)} ms/req, postgres ${((p1 - p0) * 1000 / done).toFixed(2)} ms/req, client ${((s1 - s0) * 1000 / done).toFixed(2)} ms/req`);
  console.log(which, (done / ((Date.now() - t0) / 1000)).toFixed(1), 'req/s');
  child.kill(process.env.PROF ? 'SIGUSR2' : 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
})();
