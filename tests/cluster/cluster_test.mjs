#!/usr/bin/env node
// Two Allot servers against one PostgreSQL behind nginx (scripts/cluster): a
// session, writes and a job work through either server, and when one server is
// killed the other carries on with nothing lost.
//
// Usage: node tests/cluster/cluster_test.mjs <allot binary>
// Uses $ALLOT_TEST_POSTGRES_URL when set (a schema of its own), else starts a
// throwaway PostgreSQL. Needs nginx. The last line printed is "N passed, N failed".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..', '..');
const allot = path.resolve(process.argv[2] || path.join(sourceDir, 'build/apps/allot/allot'));
const PASSWORD = 'cluster-test-password';
const CLOCK_START = '2026-11-22T09:00:00.000Z';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allot-cluster-test-'));
const settingsFile = path.join(workDir, 'settings.json');
fs.writeFileSync(settingsFile, JSON.stringify({ demo_password: PASSWORD, clock_start: CLOCK_START, secure_cookies: false }));

function cluster(command) {
  execFileSync(path.join(sourceDir, 'scripts/cluster'), [command, path.join(workDir, 'run')], {
    env: { ...process.env, ALLOT_BINARY: allot, ALLOT_CLUSTER_SETTINGS: settingsFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function readEnv() {
  const text = fs.readFileSync(path.join(workDir, 'run', 'cluster.env'), 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function call(base, method, route, { session, body } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = `allot_session=${session.cookie}`;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  const response = await fetch(base + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text, headers: response.headers };
}

async function signIn(base, username) {
  const answer = await call(base, 'POST', '/api/v1/session', { body: { username, password: PASSWORD } });
  assert(answer.status === 200, `signing in as ${username} gave ${answer.status}: ${answer.text}`);
  const cookie = /allot_session=([^;]+)/.exec(answer.headers.get('set-cookie') || '');
  assert(cookie, 'signing in set no session cookie');
  return { cookie: cookie[1], csrf: answer.json.csrf_token };
}

// A person no other in this test resembles (different names and dates of birth).
function personBody(index) {
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(index / 28) % 12).padStart(2, '0');
  return {
    given_name: `Cluster${String.fromCharCode(65 + (index % 26))}${index}`,
    family_name: `Tester${index}`,
    date_of_birth: `19${40 + (index % 50)}-${month}-${day}`,
    address: `${index} Loopback Road, Derby`,
    postcode: 'DE1 2AB',
    latitude: 52.91,
    longitude: -1.47,
    primary_support_reason: 'physical_support_personal_care_support',
    client_group: 'older_people',
    has_unpaid_carer: false,
    accommodation_status: 'owner_occupier_or_shared_ownership',
    locality: 'South',
    team: 'South adults team',
  };
}

async function addPerson(base, session, index) {
  const answer = await call(base, 'POST', '/api/v1/people', { session, body: personBody(index) });
  assert(answer.status === 201, `adding person ${index} through ${base} gave ${answer.status}: ${answer.text}`);
  return { id: answer.json.id, given_name: answer.json.given_name };
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

const results = { passed: 0, failed: 0 };
async function check(name, body) {
  try {
    await body();
    results.passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    results.failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

let started = false;
try {
  cluster('start');
  started = true;
  const env = readEnv();
  const front = env.ALLOT_CLUSTER_URL;
  const serverA = env.ALLOT_SERVER_A_URL;
  const serverB = env.ALLOT_SERVER_B_URL;
  const written = [];
  let assessor;

  await check('a session made through nginx works on each server', async () => {
    assessor = await signIn(front, 'assessor');
    for (const base of [serverA, serverB]) {
      const answer = await call(base, 'GET', '/api/v1/session', { session: assessor });
      assert(answer.status === 200 && answer.json.user.username === 'assessor', `${base} gave ${answer.status}`);
    }
  });

  await check('a record written on one server is read on the other', async () => {
    const person = await addPerson(serverA, assessor, 0);
    written.push(person);
    const answer = await call(serverB, 'GET', `/api/v1/people/${person.id}`, { session: assessor });
    assert(answer.status === 200 && answer.json.given_name === person.given_name, `server B gave ${answer.status}`);
  });

  await check('writes through nginx are spread over both servers and all kept', async () => {
    for (let index = 1; index <= 10; index += 1) written.push(await addPerson(front, assessor, index));
    const log = fs.readFileSync(path.join(workDir, 'run', 'server-b.log'), 'utf8');
    assert(/POST \/api\/v1\/people 201/.test(log), 'server B answered none of the writes sent through nginx');
  });

  await check('a job started on one server is followed and finished on the other', async () => {
    const analyst = await signIn(front, 'analyst');
    const problem = JSON.parse(fs.readFileSync(path.join(sourceDir, 'data/solver/example.json'), 'utf8'));
    const started = await call(serverA, 'POST', '/api/v1/solver/jobs', { session: analyst, body: { problem, time_limit_seconds: 1 } });
    assert(started.status === 202, `starting the job gave ${started.status}: ${started.text}`);
    let job;
    for (let tries = 0; tries < 100; tries += 1) {
      job = await call(serverB, 'GET', `/api/v1/jobs/${started.json.job_id}`, { session: analyst });
      assert(job.status === 200, `server B gave ${job.status} for the job: ${job.text}`);
      if (job.json.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert(job.json.status === 'done', `the job is still ${job.json.status}`);
    assert(job.json.result.check.ok === true, 'the solution seen through server B did not pass the checker');
  });

  await check('with server A killed, sign-in and writes through nginx carry on and nothing is lost', async () => {
    process.kill(Number(env.ALLOT_SERVER_A_PID), 'SIGKILL');
    // A request that reaches a server in the moment it dies gets 502 and was never
    // acknowledged; what must carry on is everything after, so wait until server A
    // refuses connections.
    for (let tries = 0; await portAnswers(new URL(serverA).port); tries += 1) {
      assert(tries < 100, 'server A still answers 10 s after SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const nurse = await signIn(front, 'assessor');
    for (let index = 11; index <= 20; index += 1) written.push(await addPerson(front, nurse, index));
    for (const person of written) {
      const answer = await call(serverB, 'GET', `/api/v1/people/${person.id}`, { session: nurse });
      assert(answer.status === 200 && answer.json.given_name === person.given_name,
        `${person.given_name} (${person.id}) is missing on server B: ${answer.status}`);
    }
    assert(written.length === 21, `expected 21 acknowledged writes, made ${written.length}`);
  });

  await check('behind nginx, sign-in failures are held back per client address, not for every client of the proxy', async () => {
    // The test's client is on loopback like nginx, so it names itself in
    // X-Forwarded-For as a client elsewhere would be named by its address.
    const tryWrong = (client) => fetch(`${front}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ username: 'team_manager', password: 'not-the-password' }),
    }).then((response) => response.status);
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push(await tryWrong('198.51.100.9'));
    assert(statuses.slice(0, 5).every((status) => status === 401) && statuses[5] === 429,
      `one client's six wrong passwords gave ${statuses.join(', ')}`);
    const other = await tryWrong('198.51.100.10');
    assert(other === 401, `another client of the same proxy was held back too: ${other}`);
  });
} catch (error) {
  results.failed += 1;
  console.log(`FAIL the cluster could not be run: ${error.message}`);
} finally {
  if (started || fs.existsSync(path.join(workDir, 'run'))) {
    try { cluster('stop'); } catch (error) { console.log(`stopping the cluster: ${error.message}`); }
  }
  if (results.failed > 0) {
    for (const name of ['server-a.log', 'server-b.log', 'nginx/error.log']) {
      const file = path.join(workDir, 'run', name);
      if (fs.existsSync(file)) console.log(`--- ${name} (last lines)\n${fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`);
    }
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}
