// GraphiQL in a real browser: headless Debian Chromium, driven by playwright-core, against a running dev server
// (e2e/graphiql.sh starts one). Every step goes through GraphiQL's own UI: the Headers tab, the CodeMirror
// editors, the Run button, and the answer is read back from the result pane.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.EDIARY_URL ?? 'http://localhost:8282';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('../../target/graphiql/', import.meta.url));

const QUERY = `{
  diaryAccess {
    children {
      capacity
      child { fullName schoolClass { name } }
    }
    nextSteps { code message }
  }
}`;

let browser;

before(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        chromiumSandbox: false, // --no-sandbox: CI and these machines run as root
        // The machine has no internet: without these Chromium keeps dialling Google's services and logs refusals.
        // Playwright gives every launch a fresh, empty --user-data-dir of its own.
        args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
});

after(async () => {
    await browser?.close();
});

async function devToken(subject) {
    const response = await fetch(`${BASE_URL}/dev/tokens/${subject}`);
    assert.equal(response.status, 200, `dev token for ${subject}`);
    return (await response.text()).trim();
}

/**
 * Opens GraphiQL in a fresh context (no stored tabs or headers) and waits until its editor is there. The page needs
 * no token; the API does: GraphiQL's first schema request, sent without one, is answered 401 UNAUTHENTICATED
 * before it is parsed (the schema loads once a token is in the Headers tab).
 */
async function openGraphiQL() {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const introspection = page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.goto(`${BASE_URL}/q/graphql-ui/`);
    // GraphiQL asks for the schema first, without a token: refused like any anonymous request, as JSON it can show.
    const schema = await introspection;
    assert.equal(schema.status(), 401, `introspection from GraphiQL without a token: ${await schema.text()}`);
    assert.match(await schema.text(), /"UNAUTHENTICATED"/);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    return { context, page };
}

/** Replaces an editor's text the way a user pastes: focus it, select all, insert. Returns what the editor holds. */
async function pasteInto(page, editor, text) {
    await editor.locator('.CodeMirror-scroll').click();
    await page.keyboard.press('Control+A');
    // insertText is a paste, not keystrokes: CodeMirror's bracket auto-closing and the completion popup stay out.
    await page.keyboard.insertText(text);
    await page.keyboard.press('Escape');
    return editor.locator('.CodeMirror').evaluate((el) => el.CodeMirror.getValue());
}

async function setHeaders(page, headers) {
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    const editor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    const shown = await pasteInto(page, editor, JSON.stringify(headers, null, 2));
    assert.deepEqual(JSON.parse(shown), headers, 'the Headers editor holds what was typed');
}

/** Types the query, clicks Run, and returns the request GraphiQL sent plus the result pane's visible text and JSON. */
async function run(page) {
    const shown = await pasteInto(page, page.locator('.graphiql-query-editor'), QUERY);
    assert.equal(shown, QUERY, 'the query editor holds what was typed');
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('diaryAccess'));
    await page.getByRole('button', { name: /Execute query/ }).click();
    const request = await sent;
    await request.response();
    const pane = page.locator('.result-window');
    // The pane is filled after the response arrives; wait for the answer's first key on screen.
    await pane.locator('.CodeMirror-code').filter({ hasText: /"(data|errors)"/ }).waitFor();
    const text = await pane.locator('.CodeMirror-code').innerText();
    const json = JSON.parse(await pane.locator('.CodeMirror').evaluate((el) => el.CodeMirror.getValue()));
    return { authorization: (await request.allHeaders()).authorization, text, json };
}

test('Anna, with her token in the Headers tab, sees Мария and Константин as PARENT', async () => {
    const token = await devToken('demo-anna');
    const { context, page } = await openGraphiQL();
    try {
        await setHeaders(page, { Authorization: `Bearer ${token}` });
        const { authorization, text, json } = await run(page);
        assert.equal(authorization, `Bearer ${token}`, 'GraphiQL sent the header from its Headers editor');

        // What a person sees in the result pane.
        assert.match(text, /Иванова Мария Дмитриевна/);
        assert.match(text, /Иванов Константин Дмитриевич/);
        assert.equal(text.match(/"PARENT"/g)?.length, 2, text);
        assert.doesNotMatch(text, /"errors"/);

        // And the whole answer shown, exactly.
        const children = json.data.diaryAccess.children
            .map((c) => `${c.child.fullName} ${c.child.schoolClass.name} ${c.capacity}`).sort();
        assert.deepEqual(children, ['Иванов Константин Дмитриевич 7Б PARENT', 'Иванова Мария Дмитриевна 5А PARENT']);
        assert.deepEqual(json.data.diaryAccess.nextSteps, []);

        await page.screenshot({ path: `${OUT_DIR}/graphiql-diaryAccess.png` });
    } finally {
        await context.close();
    }
});

test('without an Authorization header the page shows UNAUTHENTICATED', async () => {
    const { context, page } = await openGraphiQL();
    try {
        const { authorization, text, json } = await run(page);
        assert.equal(authorization, undefined);
        assert.match(text, /"UNAUTHENTICATED"/);
        assert.match(text, /Требуется вход/);
        assert.equal(json.data, undefined); // refused before parsing: no data entry at all
        await page.screenshot({ path: `${OUT_DIR}/graphiql-unauthenticated.png` });
    } finally {
        await context.close();
    }
});

test('Nikolay, with an empty profile, sees no children and the next steps starting with FILL_EMAIL', async () => {
    const token = await devToken('demo-nikolay');
    const { context, page } = await openGraphiQL();
    try {
        await setHeaders(page, { Authorization: `Bearer ${token}` });
        const { text, json } = await run(page);
        assert.match(text, /"FILL_EMAIL"/);
        assert.deepEqual(json.data.diaryAccess.children, []);
        assert.deepEqual(json.data.diaryAccess.nextSteps.map((s) => s.code),
            ['FILL_EMAIL', 'FILL_PHONE', 'GIVE_CONTACTS_TO_CLASS_TEACHER']);
        await page.screenshot({ path: `${OUT_DIR}/graphiql-nextSteps.png` });
    } finally {
        await context.close();
    }
});
