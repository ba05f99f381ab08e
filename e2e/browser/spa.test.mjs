// The SPA journey in a real browser (e2e/spa.sh starts Keycloak and the packaged server first): the fixture in
// spa/ is bundled with esbuild and served from its own origin; headless Debian Chromium, driven by
// playwright-core, signs in through Keycloak's own login form (authorization code + PKCE, oidc-client-ts), the
// page calls the API cross-origin and listens over graphql-ws. Screenshots go to SCREENSHOT_DIR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8280';
const REALM = `${KEYCLOAK}/realms/ediary`;
const API = process.env.EDIARY_URL ?? 'http://127.0.0.1:8283';
const SPA_PORT = Number(process.env.SPA_PORT ?? 8290);
const SPA = `http://127.0.0.1:${SPA_PORT}`;
/** The same page from an origin CORS_ORIGINS does not list (localhost is not 127.0.0.1 to a browser). */
const FOREIGN = `http://localhost:${SPA_PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('../../target/spa/', import.meta.url));
const HERE = new URL('./spa/', import.meta.url);

let browser;
let server;
let bundle;

before(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    const built = await build({
        entryPoints: [fileURLToPath(new URL('app.js', HERE))], bundle: true, format: 'esm', target: 'chrome120',
        write: false, logLevel: 'warning',
    });
    bundle = built.outputFiles[0].text;
    const index = await readFile(new URL('index.html', HERE), 'utf8');
    const config = `window.EDIARY_SPA = ${JSON.stringify({
        authority: REALM, clientId: 'ediary-spa', api: `${API}/graphql`, ws: `${API.replace(/^http/, 'ws')}/graphql`,
    })};`;
    server = createServer((request, response) => {
        const path = new URL(request.url, SPA).pathname;
        const [type, body] = path === '/app.js' ? ['text/javascript', bundle]
            : path === '/config.js' ? ['text/javascript', config]
                : path === '/' || path === '/callback' ? ['text/html', index] : [null, null];
        response.writeHead(type ? 200 : 404, { 'Content-Type': `${type ?? 'text/plain'}; charset=utf-8` });
        response.end(body ?? 'not found');
    });
    await new Promise((resolve) => server.listen(SPA_PORT, '127.0.0.1', resolve));
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        chromiumSandbox: false, // --no-sandbox: CI and these machines run as root
        // No internet here: without these Chromium keeps dialling Google's services and logs refusals.
        args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
    await seed();
});

after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// --- Data: what the school system pushes (client credentials from the same Keycloak), as in production.
async function schoolSystemToken(clientId) {
    const response = await fetch(`${REALM}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientId}-secret` }),
    });
    const body = await response.json();
    assert.ok(body.access_token, `Keycloak issued ${clientId} a token: ${JSON.stringify(body)}`);
    return body.access_token;
}

async function graphql(token, query, variables) {
    const response = await fetch(`${API}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    assert.equal(body.errors, undefined, JSON.stringify(body));
    return body.data;
}

const TODAY = new Date().toISOString().slice(0, 10);

async function seed() {
    const school = await schoolSystemToken('school-1535');
    const guardian = (externalId, lastName, firstName, relation, email, phone) =>
        ({ externalId, lastName, firstName, relation, email, phone });
    const student = (externalId, classExternalId, lastName, firstName, birthDate, guardians) =>
        ({ externalId, classExternalId, lastName, firstName, birthDate, status: 'ENROLLED', guardians });
    const roster = await graphql(school, `mutation($input: RosterInput!) {
        upsertRoster(input: $input) { userErrors { field code } } }`, { input: {
        classes: [{ externalId: 'cls-5a', name: '5А', teacherSnils: '123-456-789 64' },
            { externalId: 'cls-7b', name: '7Б', teacherSnils: '234-567-890 99' }],
        students: [
            student('st-masha', 'cls-5a', 'Иванова', 'Мария', '2015-03-14', [
                guardian('g-anna-masha', 'Иванова', 'Анна', 'MOTHER', 'anna.ivanova@example.ru', '+79161234567')]),
            student('st-kostya', 'cls-7b', 'Иванов', 'Константин', '2013-09-01', [
                guardian('g-anna-kostya', 'Иванова', 'Анна', 'MOTHER', 'anna.ivanova@example.ru', '+79161234567')]),
        ],
    } });
    assert.deepEqual(roster.upsertRoster.userErrors, []);
    const diary = await graphql(school, `mutation($input: DiaryBatchInput!) {
        upsertDiaryEntries(input: $input) { created userErrors { field code } } }`, { input: { entries: [
        { externalId: 'spa-masha-1', studentExternalId: 'st-masha', date: TODAY, lessonNumber: 1,
            subject: 'Окружающий мир', topic: 'Времена года', marks: [{ kind: 'LESSON', value: 5 }] },
    ] } });
    assert.deepEqual(diary.upsertDiaryEntries.userErrors, []);
}

// --- The browser side
/** A fresh browser profile signs in on the SPA through Keycloak's login form; returns it on the SPA's page. */
async function signIn(username) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const authorize = page.waitForRequest((r) => r.url().startsWith(`${REALM}/protocol/openid-connect/auth`));
    await page.goto(`${SPA}/`);
    await page.getByRole('button', { name: 'Войти' }).click();
    const query = new URL((await authorize).url()).searchParams;
    assert.equal(query.get('code_challenge_method'), 'S256', 'PKCE');
    assert.equal(query.get('response_type'), 'code');
    // Keycloak's own form, on Keycloak's origin
    await page.locator('#kc-form-login').waitFor();
    assert.ok(page.url().startsWith(REALM), page.url());
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('demo');
    await page.locator('#kc-login').click();
    await page.waitForURL(`${SPA}/`);
    await page.locator('#who').filter({ hasText: /\S/ }).waitFor();
    return { context, page };
}

async function childrenShown(page) {
    return page.locator('#children li').evaluateAll((items) => items.map((li) => li.textContent.trim()).sort());
}

test('Anna signs in on the SPA, sees her children and Masha\'s diary, invites the grandmother, who gets it live and accepts', async () => {
    // The grandmother has signed in once (so the portal knows her) and keeps the page open.
    const galina = await signIn('demo-galina');
    const anna = await signIn('demo-anna');
    try {
        const live = galina.page.locator('#live-status', { hasText: 'подключено' });
        await live.waitFor();
        assert.equal(await galina.page.locator('#who').textContent(), 'Иванова Галина Михайловна');
        assert.deepEqual(await childrenShown(galina.page), []);

        // Cross-origin: every API answer the page read carried the CORS grant for the SPA's origin.
        const apiAnswers = [];
        anna.page.on('response', (r) => r.url() === `${API}/graphql` && apiAnswers.push(r));
        await anna.page.locator('#children li').nth(1).waitFor();
        assert.equal(await anna.page.locator('#who').textContent(), 'Иванова Анна Сергеевна');
        assert.deepEqual(await childrenShown(anna.page),
            ['Иванов Константин, 7Б — PARENT', 'Иванова Мария, 5А — PARENT']);

        await anna.page.getByRole('button', { name: 'Иванова Мария, 5А' }).click();
        const row = anna.page.locator('#diary-rows tr').first();
        await row.waitFor();
        assert.deepEqual(await row.locator('td').allTextContents(), [TODAY, 'Окружающий мир', 'Времена года', '5']);
        await anna.page.screenshot({ path: `${OUT_DIR}/spa-parent-diary.png`, fullPage: true });

        // The invitation, sent from the page ...
        await anna.page.getByLabel('Иванова Мария').check();
        await anna.page.locator('#invite-phone').fill('8 916 765-43-21');
        await anna.page.locator('#invite-surname').fill('Иванова');
        await anna.page.getByRole('button', { name: 'Пригласить' }).click();
        await anna.page.locator('#invite-result').filter({ hasText: /\S/ }).waitFor();
        assert.equal(await anna.page.locator('#invite-result').textContent(), 'Приглашение отправлено (PENDING)');
        assert.ok(apiAnswers.length >= 2, 'the diary and the invitation went to the API');
        for (const answer of apiAnswers) {
            assert.equal((await answer.request().allHeaders()).origin, SPA);
            assert.equal(answer.headers()['access-control-allow-origin'], SPA);
        }
        await anna.page.screenshot({ path: `${OUT_DIR}/spa-parent-invited.png`, fullPage: true });

        // ... arrives on the grandmother's open page through the subscription, without a reload.
        const notice = galina.page.locator('#notifications li.live[data-kind="INVITATION_RECEIVED"]');
        await notice.waitFor({ timeout: 20_000 });
        assert.match(await notice.textContent(), /Иванова Анна Сергеевна/);
        await galina.page.screenshot({ path: `${OUT_DIR}/spa-grandmother-invitation.png`, fullPage: true });
        await notice.getByRole('button', { name: 'Принять' }).click();
        await notice.locator('.accepted').waitFor();
        assert.equal(await notice.locator('.accepted').textContent(), ' → ACCEPTED');

        // The server's job activates it (e2e/spa.sh runs it every second); the page shows the child once it has.
        const deadline = Date.now() + 60_000;
        let shown = [];
        while (Date.now() < deadline) {
            await galina.page.getByRole('button', { name: 'Обновить' }).click();
            await galina.page.waitForTimeout(1000);
            shown = await childrenShown(galina.page);
            if (shown.length) break;
        }
        assert.deepEqual(shown, ['Иванова Мария, 5А — TRUSTED_PERSON']);
        await galina.page.getByRole('button', { name: 'Иванова Мария, 5А' }).click();
        await galina.page.locator('#diary-rows tr').first().waitFor();
        assert.deepEqual(await galina.page.locator('#diary-rows td').allTextContents(),
            [TODAY, 'Окружающий мир', 'Времена года', '5']);
        assert.equal(await galina.page.locator('#error').textContent(), '');
        assert.equal(await anna.page.locator('#error').textContent(), '');
        await galina.page.screenshot({ path: `${OUT_DIR}/spa-grandmother-diary.png`, fullPage: true });
    } finally {
        await galina.context.close();
        await anna.context.close();
    }
});

test('a page on an origin CORS_ORIGINS does not list cannot read the API, even with a valid token', async () => {
    const anna = await signIn('demo-anna');
    const token = await anna.page.evaluate(() => JSON.parse(sessionStorage.getItem(
        Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:')))).access_token);
    await anna.context.close();
    const context = await browser.newContext();
    try {
        const page = await context.newPage();
        await page.goto(`${FOREIGN}/config.js`);
        const outcome = await page.evaluate(async ([url, bearer]) => {
            try {
                await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
                    body: JSON.stringify({ query: '{ me { fullName } }' }) });
                return 'read';
            } catch (e) {
                return `${e.name}: ${e.message}`;
            }
        }, [`${API}/graphql`, token]);
        assert.equal(outcome, 'TypeError: Failed to fetch', 'the browser withholds the answer');
        // the server refused the browser's preflight for that origin: no CORS grant
        const preflight = await fetch(`${API}/graphql`, { method: 'OPTIONS', headers: { Origin: FOREIGN,
            'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
        assert.equal(preflight.status, 403);
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    } finally {
        await context.close();
    }
});
