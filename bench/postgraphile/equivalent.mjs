// Do our server and the PostGraphile peer answer the same? For N token lines (bench/tokens.sh's parents.tsv,
// spread over the file), asks every server the dashboard and the diary page with the documents the load runs send
// (read from bench/wrk/*.lua, so the checked documents are the timed ones), maps both answers to one shape and
// compares them. Then the negative cases: another parent's child (ours NOT_FOUND, the peer an empty page, never
// the diary), bad tokens (none, garbage, forged signature, wrong issuer, wrong audience, expired: 401 from every
// server), and no root field on the peer that takes a child as input. Exits 1 on any difference, printing the
// first few (paths and line numbers; names, e-mails and phones are never printed, only that they differ).
//
// Usage: node equivalent.mjs --ours URL --peer URL [--peer URL ...] --lines parents.tsv [--n 200]
//        [--key src/dev/dev-signing-key.pem] [--issuer ediary-dev] [--audience ediary-api]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importPKCS8, SignJWT } from "jose";

const here = dirname(fileURLToPath(import.meta.url));
const args = { peer: [], n: "200", key: join(here, "../../src/dev/dev-signing-key.pem"), issuer: "ediary-dev", audience: "ediary-api" };
for (let i = 2; i < process.argv.length; i += 2) {
    const name = process.argv[i].replace(/^--/, "");
    if (name === "peer") {
        args.peer.push(process.argv[i + 1]);
    } else {
        args[name] = process.argv[i + 1];
    }
}
if (!args.ours || args.peer.length === 0 || !args.lines) {
    console.error("usage: node equivalent.mjs --ours URL --peer URL [--peer URL ...] --lines parents.tsv [--n 200]");
    process.exit(2);
}

// --- the documents, as the wrk scripts send them -------------------------------------------------------------
function luaText(name) {
    return readFileSync(join(here, "../wrk", name), "utf8");
}
function dashboardBody(name) {
    const m = /local body = \[\[(.*)\]\]/.exec(luaText(name));
    if (!m) throw new Error(`no dashboard body in ${name}`);
    return () => m[1];
}
function diaryBody(name) {
    const m = /return '(.*)' \.\. row\[2\] \.\. '(.*)'/.exec(luaText(name));
    if (!m) throw new Error(`no diary body in ${name}`);
    return (child) => m[1] + child + m[2];
}
const documents = {
    ours: { dashboard: dashboardBody("dashboard.lua"), diary: diaryBody("diary.lua") },
    peer: { dashboard: dashboardBody("pgl-dashboard.lua"), diary: diaryBody("pgl-diary.lua") },
};

// --- one shape for both --------------------------------------------------------------------------------------
// PostGraphile names: rowId for a column named id, a List suffix on list fields. Times: both to UTC microseconds
// (ours prints Instants in UTC, PostGraphile with the session's offset).
function peerShape(value) {
    if (Array.isArray(value)) return value.map(peerShape);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === "rowId" ? "id" : k.replace(/List$/, ""), peerShape(v)]));
    }
    return value;
}
const TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
function times(value) {
    if (Array.isArray(value)) return value.map(times);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, times(v)]));
    const m = typeof value === "string" && TIME.exec(value);
    if (!m) return value;
    const offset = m[6] === "Z" ? 0 : (m[6][0] === "-" ? -1 : 1) * (Number(m[6].slice(1, 3)) * 60 + Number(m[6].slice(4, 6)));
    const seconds = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) / 1000 - offset * 60;
    return `${seconds}.${(m[5] ?? "").padEnd(6, "0").slice(0, 6)}`;
}
// The page's end cursor is each implementation's own (ours a keyset, PostGraphile's a row number): only whether
// one is there counts.
function diaryShape(diary) {
    if (!diary) return diary;
    return { edges: diary.edges, pageInfo: { hasNextPage: diary.pageInfo.hasNextPage, hasEndCursor: diary.pageInfo.endCursor != null } };
}
function normalise(kind, side, answer) {
    if (answer.status !== 200 || answer.body.errors) {
        const codes = (answer.body.errors ?? []).map((e) => e.extensions?.code ?? "ERROR");
        // a child the caller may not read: ours says NOT_FOUND, the peer's function returns no rows
        if (kind === "diary" && side === "ours" && answer.status === 200 && codes.length === 1 && codes[0] === "NOT_FOUND") {
            seen.refused++;
            return { notFound: true };
        }
        return { status: answer.status, errors: codes };
    }
    const data = times(side === "peer" ? peerShape(answer.body.data) : answer.body.data);
    if (kind === "diary") {
        // an empty page is all the peer can say of a child the caller may not read (a readable child with no lessons
        // in the range looks the same on both sides)
        if (data.diary && data.diary.edges.length === 0 && !data.diary.pageInfo.hasNextPage) {
            return { notFound: true };
        }
        return { diary: diaryShape(data.diary) };
    }
    return data;
}

// --- comparing -------------------------------------------------------------------------------------------------
const PERSONAL = new Set(["fullName", "email", "phone", "lastName", "firstName", "middleName"]);
function firstDifference(a, b, path = "") {
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
        for (let i = 0; i < a.length; i++) {
            const d = firstDifference(a[i], b[i], `${path}[${i}]`);
            if (d) return d;
        }
        return null;
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of keys) {
            if (!(k in a) || !(k in b)) return `${path}.${k}: only in ${k in a ? "ours" : "the peer"}`;
            const d = firstDifference(a[k], b[k], `${path}.${k}`);
            if (d) return d;
        }
        return null;
    }
    if (a === b) return null;
    const field = path.replace(/.*\./, "");
    return PERSONAL.has(field) ? `${path}: differs (values not printed)` : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

async function post(url, token, body) {
    const headers = { "Content-Type": "application/json" };
    if (token != null) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(url, { method: "POST", headers, body });
    const text = await response.text();
    let parsed;
    try {
        parsed = JSON.parse(text);
    } catch {
        parsed = { errors: [{ extensions: { code: "NOT_JSON" } }] };
    }
    return { status: response.status, body: parsed };
}

// a few requests in flight, not a load
async function inPool(tasks, width = 4) {
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
        while (next < tasks.length) {
            await tasks[next++]();
        }
    }));
}

const lines = readFileSync(args.lines, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));
const n = Math.min(Number(args.n), lines.length);
const picked = Array.from({ length: n }, (_, k) => Math.floor((k * lines.length) / n));
const servers = [{ name: "ours", url: args.ours, side: "ours" }, ...args.peer.map((url, i) => ({ name: `peer ${i + 1}`, url, side: "peer" }))];
const differences = [];
const seen = { children: 0, recentMarks: 0, weekHomework: 0, trustedPersons: 0, invitations: 0, diaryEntries: 0, diaryMarks: 0, nextPages: 0, refused: 0 };

function count(kind, answer) {
    if (kind === "dashboard") {
        for (const child of answer.myChildren ?? []) {
            seen.children++;
            seen.recentMarks += child.recentMarks.length;
            seen.weekHomework += child.weekHomework.length;
            seen.trustedPersons += child.trustedPersons.length;
        }
        seen.invitations += answer.sentInvitations?.edges.length ?? 0;
    } else if (answer.diary) {
        seen.diaryEntries += answer.diary.edges.length;
        seen.diaryMarks += answer.diary.edges.reduce((s, e) => s + e.node.marks.length, 0);
        seen.nextPages += answer.diary.pageInfo.hasNextPage ? 1 : 0;
    }
}

async function compare(label, kind, token, child) {
    const answers = [];
    for (const server of servers) {
        const body = kind === "dashboard" ? documents[server.side].dashboard() : documents[server.side].diary(child);
        answers.push(normalise(kind, server.side, await post(server.url, token, body)));
    }
    count(kind, answers[0]);
    for (let i = 1; i < servers.length; i++) {
        const d = firstDifference(answers[0], answers[i], kind);
        if (d) differences.push(`${label}, ours vs ${servers[i].name}: ${d}`);
    }
}

const tasks = [];
for (const [k, index] of picked.entries()) {
    const [token, child] = lines[index];
    tasks.push(() => compare(`line ${index + 1}`, "dashboard", token, child));
    tasks.push(() => compare(`line ${index + 1}`, "diary", token, child));
    // another parent's child: nobody but its own readers sees it (siblings' parents may, and then both must agree)
    const other = lines[picked[(k + 1) % n]][1];
    if (other !== child) {
        tasks.push(() => compare(`line ${index + 1} with line ${picked[(k + 1) % n] + 1}'s child`, "diary", token, other));
    }
}
await inPool(tasks);

// --- tokens: every server verifies every request the same way ---------------------------------------------------
const privateKey = await importPKCS8(readFileSync(args.key, "utf8"), "RS256");
const now = Math.floor(Date.now() / 1000);
const subject = JSON.parse(Buffer.from(lines[0][0].split(".")[1], "base64url")).sub;
const sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "dev" }).setSubject(subject).sign(privateKey);
const valid = lines[0][0];
const [h, p, s] = valid.split(".");
const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url")), sub: "bench-someone-else" })).toString("base64url");
const badTokens = {
    "no token": null,
    "not a token": "garbage",
    "forged payload": `${h}.${forgedPayload}.${s}`,
    "wrong issuer": await sign({ iss: "someone-else", aud: args.audience, iat: now, exp: now + 600 }),
    "wrong audience": await sign({ iss: args.issuer, aud: "another-api", iat: now, exp: now + 600 }),
    expired: await sign({ iss: args.issuer, aud: args.audience, iat: now - 7200, exp: now - 3600 }),
};
const controlToken = await sign({ iss: args.issuer, aud: args.audience, iat: now, exp: now + 600 });
for (const server of servers) {
    const body = documents[server.side].dashboard();
    for (const [what, token] of Object.entries(badTokens)) {
        const answer = await post(server.url, token, body);
        if (answer.status !== 401 || answer.body.errors?.[0]?.extensions?.code !== "UNAUTHENTICATED") {
            differences.push(`${server.name}, ${what}: answered ${answer.status}, not 401 UNAUTHENTICATED`);
        }
    }
    // the same signing path with correct claims is accepted, so the refusals above are about the claims
    const control = await post(server.url, controlToken, body);
    if (control.status !== 200 || control.body.errors) {
        differences.push(`${server.name}: a freshly signed valid token was refused (${control.status})`);
    }
}
// the peer offers no root field that takes a child as input (which would read any child past the rule)
for (const server of servers.filter((s) => s.side === "peer")) {
    const answer = await post(server.url, valid, JSON.stringify({ query: `{ childRecentMarksList(c: {rowId: "${lines[0][1]}"}) { date } }` }));
    if (!answer.body.errors || answer.body.data) {
        differences.push(`${server.name}: childRecentMarksList is a root field`);
    }
}

console.log(`equivalence: ${n} token lines, ${tasks.length} documents to ${servers.length} servers; seen ${JSON.stringify(seen)}`);
if (seen.children === 0 || seen.recentMarks === 0 || seen.weekHomework === 0 || seen.diaryEntries === 0 || seen.refused === 0) {
    differences.push("the check saw no children, marks, homework, diary entries or refused reads: it proves nothing on this data");
}
if (seen.trustedPersons === 0 || seen.invitations === 0) {
    console.log("note: no trusted persons or no invitations among the checked parents");
}
if (differences.length > 0) {
    console.error(`equivalence: ${differences.length} difference(s); the first ones:`);
    for (const d of differences.slice(0, 8)) console.error(`  ${d}`);
    process.exit(1);
}
console.log("equivalence: the same answers");
