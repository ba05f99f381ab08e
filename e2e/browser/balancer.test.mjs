// The balancer check (e2e/balancer.sh starts nginx, configured from docker/nginx.conf, in front of two packaged
// instances on one schema): requests spread over both, nginx's X-Request-Id reaches the JSON log of the instance
// that served it, a subscription works through the WebSocket upgrade, and killing one instance mid-run loses no
// acknowledged write while the other keeps answering. Tokens are signed with the dev key the instances trust
// (like bench/): the identity provider is proven by e2e/keycloak.sh, the balancer is the point here. The people's
// contacts are verified, as the identity provider asserts with *_verified claims.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createSign, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';

const LB = process.env.BALANCER_URL ?? 'http://127.0.0.1:8291';
const LOGS = { a: process.env.LOG_A, b: process.env.LOG_B };
const PID_B = Number(process.env.PID_B);
const SCHEMA = process.env.DB_SCHEMA ?? 'ediary_e2e_balancer';
const KEY = readFileSync(new URL('../../src/dev/dev-signing-key.pem', import.meta.url), 'utf8');
const TODAY = new Date().toISOString().slice(0, 10);

function token(claims) {
    const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'dev' })}.${b64({
        iss: 'ediary-dev', aud: 'ediary-api', iat: now, exp: now + 3600, ...claims })}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(KEY, 'base64url')}`;
}

const run = randomUUID().slice(0, 8);
const SCHOOL = token({ sub: 'service-account-school-1535', azp: 'school-1535', groups: ['school-system'] });
const PARENT = token({ sub: `lb-parent-${run}`, family_name: 'Балансирова', given_name: 'Анна',
    email: `lb-parent-${run}@example.ru`, email_verified: true, phone_number: '+79160000001', phone_number_verified: true });
const INVITEE = token({ sub: `lb-granny-${run}`, family_name: 'Балансирова', given_name: 'Галина',
    email: `lb-granny-${run}@example.ru`, email_verified: true, phone_number: '+79160000002', phone_number_verified: true });

async function post(bearer, query, variables = {}, headers = {}) {
    const response = await fetch(`${LB}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}`, ...headers },
        body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body;
    try {
        body = JSON.parse(text);
    } catch {
        body = { raw: text };
    }
    return { status: response.status, requestId: response.headers.get('x-request-id'), body };
}

async function data(bearer, query, variables) {
    const answer = await post(bearer, query, variables);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body));
    return answer.body.data;
}

/** The request ids in one instance's JSON log (mdc.requestId of every line). */
function requestIdsIn(log) {
    const ids = new Set();
    for (const line of readFileSync(log, 'utf8').split('\n')) {
        if (!line.startsWith('{')) continue;
        const id = JSON.parse(line).mdc?.requestId;
        if (id) ids.add(id);
    }
    return ids;
}

const upsert = (externalId) => post(SCHOOL, `mutation($input: DiaryBatchInput!) {
    upsertDiaryEntries(input: $input) { created updated userErrors { code } } }`, { input: { entries: [{
    externalId, studentExternalId: 'st-lb', date: TODAY, lessonNumber: 1, subject: 'Математика', topic: externalId,
    marks: [] }] } });

let child;

before(async () => {
    const roster = await data(SCHOOL, `mutation($input: RosterInput!) {
        upsertRoster(input: $input) { userErrors { field code } } }`, { input: {
        classes: [{ externalId: 'cls-lb', name: '4Б', teacherSnils: '123-456-789 64' }],
        students: [{ externalId: 'st-lb', classExternalId: 'cls-lb', lastName: 'Балансиров', firstName: 'Пётр',
            birthDate: '2016-02-02', status: 'ENROLLED', guardians: [{ externalId: 'g-lb', lastName: 'Балансирова',
                firstName: 'Анна', relation: 'MOTHER', email: `lb-parent-${run}@example.ru`, phone: '+79160000001' }] }],
    } });
    assert.deepEqual(roster.upsertRoster.userErrors, []);
    const access = await data(PARENT, '{ diaryAccess { children { capacity child { id } } } }');
    assert.equal(access.diaryAccess.children.length, 1, JSON.stringify(access));
    child = access.diaryAccess.children[0].child.id;
    await data(INVITEE, '{ me { id } }'); // the invitee has signed in once
});

test('requests spread over both instances, each logging the X-Request-Id nginx set', async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) {
        const answer = await post(PARENT, 'query Spread { me { fullName } }');
        assert.equal(answer.status, 200);
        assert.equal(answer.body.data.me.fullName, 'Балансирова Анна');
        // nginx's $request_id: 32 hex digits (the server's own ids are UUIDs)
        assert.match(answer.requestId ?? '', /^[0-9a-f]{32}$/, 'the id nginx set, echoed by the instance');
        ids.push(answer.requestId);
    }
    await sleep(500);
    const inA = requestIdsIn(LOGS.a);
    const inB = requestIdsIn(LOGS.b);
    const servedByA = ids.filter((id) => inA.has(id));
    const servedByB = ids.filter((id) => inB.has(id));
    console.log(`# 20 requests: ${servedByA.length} logged by instance A, ${servedByB.length} by instance B`);
    assert.ok(servedByA.length > 0 && servedByB.length > 0, 'both instances served requests');
    assert.equal(servedByA.length + servedByB.length, ids.length, 'every request id is in exactly one instance log');
    assert.ok(!servedByA.some((id) => inB.has(id)), 'no id in both logs');
});

test('a subscription through nginx\'s WebSocket upgrade receives the invitation sent through nginx', async () => {
    const client = createClient({
        url: `${LB.replace(/^http/, 'ws')}/graphql`,
        connectionParams: { Authorization: `Bearer ${INVITEE}` },
        retryAttempts: 0,
    });
    let connected;
    const ready = new Promise((resolve) => { connected = resolve; });
    client.on('connected', () => connected());
    const received = new Promise((resolve, reject) => {
        client.subscribe({ query: 'subscription { notificationAdded { kind invitationId } }' },
            { next: resolve, error: reject, complete: () => reject(new Error('subscription completed')) });
        setTimeout(() => reject(new Error('no notification within 20 s')), 20_000);
    });
    try {
        await ready;
        await sleep(300); // the subscribe message follows connection_ack
        const sent = await data(PARENT, `mutation($input: InvitationInput!, $key: String!) {
            sendInvitation(input: $input, idempotencyKey: $key) { invitation { id } userErrors { code } } }`, {
            key: `lb-${run}`,
            input: { service: 'ELECTRONIC_DIARY', childIds: [child], phone: '+7 916 000-00-02', surname: 'Балансирова' },
        });
        assert.deepEqual(sent.sendInvitation.userErrors, []);
        const message = await received;
        assert.deepEqual(message.data.notificationAdded,
            { kind: 'INVITATION_RECEIVED', invitationId: sent.sendInvitation.invitation.id });
    } finally {
        await client.dispose();
    }
});

test('through nginx the balancer\'s own origin is same-origin, a foreign origin is refused (CORS_ORIGINS empty)', async () => {
    const own = await post(PARENT, '{ me { fullName } }', {}, { Origin: LB });
    assert.equal(own.status, 200, 'nginx passes the Host with its port, so the instance sees its own origin');
    const foreign = await post(PARENT, '{ me { fullName } }', {}, { Origin: 'https://evil.example.com' });
    assert.equal(foreign.status, 403);
});

test('killing one instance mid-run loses no acknowledged write and the other keeps answering', async () => {
    const acknowledged = [];
    let failed = 0;
    let afterStop = 0;
    let failedAfterStop = 0;
    let stopped = false;
    let n = 0;
    const writer = async () => {
        const started = Date.now();
        while (Date.now() - started < 8_000) {
            const id = `lb-${run}-${n++}`;
            const wasStopped = stopped;
            let ok = false;
            try {
                const answer = await upsert(id);
                ok = answer.status === 200 && answer.body.data?.upsertDiaryEntries?.created === 1
                    && answer.body.data.upsertDiaryEntries.userErrors.length === 0;
            } catch {
                ok = false; // the connection broke: not acknowledged
            }
            if (ok) acknowledged.push(id); else failed++;
            if (wasStopped) {
                afterStop++;
                if (!ok) failedAfterStop++;
            }
        }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    await sleep(2_500);
    process.kill(-PID_B, 'SIGKILL'); // instance B's whole process group, mid-write
    for (let i = 0; i < 50; i++) {
        try {
            process.kill(PID_B, 0);
            await sleep(100);
        } catch {
            break;
        }
    }
    stopped = true;
    await writers;

    const stored = new Set(execFileSync('psql', ['-X', '-A', '-t', '-q', '-h', process.env.DB_HOST ?? '127.0.0.1',
        '-p', process.env.DB_PORT ?? '5432', '-U', process.env.DB_USER ?? 'postgres', '-d', process.env.DB_NAME ?? 'postgres',
        '-c', `select external_id from "${SCHEMA}".diary_entry_key where external_id like 'lb-${run}-%'`],
    { encoding: 'utf8' }).split('\n').filter(Boolean));
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.log(`# ${n} writes: ${acknowledged.length} acknowledged, ${failed} not (connection cut at the kill); `
        + `${afterStop} sent after B was gone, ${failedAfterStop} of them failed; ${stored.size} stored, ${lost.length} acknowledged but lost`);
    assert.deepEqual(lost, [], 'every acknowledged write is stored');
    assert.ok(afterStop >= 20, `writes kept flowing after the kill (${afterStop})`);
    assert.equal(failedAfterStop, 0, 'once B is gone, A answers every request');

    // and reads go on too, from A alone
    const access = await data(PARENT, '{ diaryAccess { children { child { id } } } }');
    assert.equal(access.diaryAccess.children[0].child.id, child);
});
