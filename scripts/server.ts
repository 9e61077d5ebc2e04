/**
 * The HTTP server in front of Next.js (`npm start` runs it; so do the tests and the load run).
 * Next.js itself cannot see the socket's address, and keeps whatever X-Forwarded-* headers a
 * client sends; this server decides them instead:
 * - the client address comes from the socket, or from X-Forwarded-For only when the peer is a
 *   trusted proxy (TRUSTED_PROXIES); X-Forwarded-Host/-Proto/-Port are dropped otherwise;
 * - request bodies are refused before they are read when larger than the evidence limit, or
 *   larger than 1 MB without a live session (so nobody can make the server take in 20 MB
 *   without signing in first, nor with the cookie of a session that has ended);
 * - the build's scripts and styles (`/_next/static`) are sent from compressed copies written
 *   once at start, Brotli where the browser takes it (lib/server/static-assets.ts).
 *
 * On PostgreSQL it runs one process per core (WEB_CONCURRENCY), sharing the port: the app keeps
 * no state in memory that another process would need (sessions, throttles, the outbox are in
 * the database). The background work runs in the first process only.
 */
import './lib/load-env';
import cluster from 'node:cluster';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import next from 'next';
import { decode } from 'next-auth/jwt';
import {
  ANONYMOUS_BODY_LIMIT,
  bodyLimit,
  CLIENT_HEADER,
  CLIENT_TOKEN_ENV,
  encodeClientHeader,
} from '../lib/server/client-address';
import { clientAddressOf, isTrusted, parseTrustedProxies } from '../lib/domain/proxies';
import { closeDatabase } from '../lib/server/db';
import { authSecret, readEnv } from '../lib/server/env';
import { runShutdown } from '../lib/server/lifecycle';
import { SESSION_COOKIE_NAMES } from '../lib/auth/session-cookie';
import promClient from 'prom-client';
import { errorField, log } from '../lib/server/log';
import { metrics } from '../lib/server/metrics';
import { REQUEST_ID_HEADER, logPath, readRequestId, routeOf } from '../lib/server/request-log';
import { precompressStatic, staticAssets } from '../lib/server/static-assets';

const env = readEnv();
const port = Number(process.env.PORT ?? 3000);
const rules = parseTrustedProxies(env.TRUSTED_PROXIES);
const maxBody = bodyLimit(env.EVIDENCE_MAX_MB);
const secret = authSecret(env);
const token = randomBytes(24).toString('base64url');
process.env[CLIENT_TOKEN_ENV] = token;

const FORWARDED = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

function cookieValue(header: string | undefined, names: readonly string[]): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (names.includes(part.slice(0, eq).trim())) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Whether the request carries a live session: a cookie that decrypts, then its row checked by the
 * app itself (app/api/session, asked over loopback) — an ended session's cookie still decrypts.
 */
async function signedIn(req: http.IncomingMessage): Promise<boolean> {
  const value = cookieValue(req.headers.cookie, SESSION_COOKIE_NAMES);
  if (!value) return false;
  try {
    const claims = await decode({ token: value, secret });
    if (!claims?.sid) return false;
    const answer = await fetch(`http://127.0.0.1:${port}/api/session`, {
      headers: { cookie: req.headers.cookie ?? '' },
      signal: AbortSignal.timeout(10_000),
    });
    return answer.status === 204;
  } catch {
    return false;
  }
}

/** The signed-in user's id from the session cookie, for the log (the session itself is not checked). */
async function userIdOf(req: http.IncomingMessage): Promise<number | null> {
  const value = cookieValue(req.headers.cookie, SESSION_COOKIE_NAMES);
  if (!value) return null;
  const claims = await decode({ token: value, secret }).catch(() => null);
  return typeof claims?.uid === 'number' ? claims.uid : null;
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(message);
}

/**
 * Prometheus metrics on their own port (METRICS_PORT), bound to METRICS_HOST (the loopback by
 * default: reachable from this machine only) and, with METRICS_TOKEN, only with
 * `Authorization: Bearer <token>`. On several processes the first one adds theirs up.
 */
function serveMetrics(read: () => Promise<string>, contentType: string) {
  if (!env.METRICS_PORT) return;
  const expected = env.METRICS_TOKEN ? `Bearer ${env.METRICS_TOKEN}` : null;
  http
    .createServer(async (req, res) => {
      if (expected && req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
        return;
      }
      if (req.method !== 'GET' || logPath(req.url ?? '/') !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await read();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      } catch (error) {
        log.error({ err: errorField(error) }, 'metrics not read');
        res.writeHead(500).end();
      }
    })
    .on('error', (error) => log.error({ err: errorField(error) }, 'metrics not served'))
    .listen(env.METRICS_PORT, env.METRICS_HOST, () =>
      log.info({ host: env.METRICS_HOST, port: env.METRICS_PORT }, 'metrics served'),
    );
}

const STATIC_DIR = path.join(process.cwd(), '.next', 'static');
if (cluster.isPrimary) {
  // Before any process serves: each then finds every compressed copy in place.
  const started = Date.now();
  await precompressStatic(STATIC_DIR).then(
    ({ files, written }) =>
      written > 0 &&
      log.info({ files, written, ms: Date.now() - started }, 'static files compressed'),
    (error: unknown) =>
      log.warn({ err: errorField(error) }, 'static files not compressed: Next.js gzips them'),
  );
}

const processes = env.DATABASE_URL ? (env.WEB_CONCURRENCY ?? os.availableParallelism()) : 1;
if (cluster.isPrimary && processes > 1) {
  let stopping = false;
  const fork = (background: boolean) =>
    cluster.fork({ KIEUMAU_BACKGROUND: background ? '1' : '0' });
  for (let i = 0; i < processes; i += 1) fork(i === 0);
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // The exit code is 0 on a requested stop, the failed process's otherwise.
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // One that never started (bad configuration, say) would only fail again: stop them all,
    // with its exit code, as a single process would.
    if (!listening.has(worker.id)) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      process.exitCode = code || 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    log.error(
      { worker: worker.process.pid, exit: signal ?? code },
      'server process ended; starting another',
    );
    // The replacement takes the background work if the one that ended had it.
    const hadBackground = backgroundPid === worker.process.pid;
    const next = fork(hadBackground);
    if (hadBackground) backgroundPid = next.process.pid;
  });
  let backgroundPid = Object.values(cluster.workers ?? {})[0]?.process.pid;
  const aggregated = new promClient.AggregatorRegistry();
  serveMetrics(() => aggregated.clusterMetrics(), aggregated.contentType);
  log.info({ port, processes }, `serving on http://localhost:${port}`);
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
} else {
  await serve();
}

async function serve() {
  const measured = metrics();
  // A worker answers the first process's requests for its metrics (prom-client listens for them
  // once an AggregatorRegistry exists); a single process serves its own.
  if (cluster.isWorker) new promClient.AggregatorRegistry();
  else serveMetrics(() => promClient.register.metrics(), promClient.register.contentType);
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const assets = staticAssets(STATIC_DIR);
  let draining = false;

  const server = http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const peer = req.socket.remoteAddress;
    const trusted = isTrusted(peer, rules);
    // Every answer carries its request id (a trusted proxy's, or a new one), logged with the
    // request and with any server error (instrumentation.ts), so an operator finds the lines.
    const requestId =
      readRequestId(trusted ? req.headers[REQUEST_ID_HEADER] : undefined) ?? randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const user = userIdOf(req);
    res.on('close', () => {
      const route = routeOf(req.url ?? '/', res.statusCode);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const ms = Math.round(seconds * 1e6) / 1e3;
      measured.requests.inc({ method: req.method, route, status: res.statusCode });
      measured.duration.observe({ method: req.method, route }, seconds);
      void user.then((userId) =>
        log.info(
          {
            requestId,
            method: req.method,
            path: logPath(req.url ?? '/'),
            status: res.statusCode,
            ms,
            userId,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        ),
      );
    });
    const client = clientAddressOf(peer, [req.headers['x-forwarded-for']].flat().join(','), rules);
    if (!trusted) for (const name of FORWARDED) delete req.headers[name];
    req.headers[CLIENT_HEADER] = encodeClientHeader(token, client);

    if (draining) {
      // Stopping: the health check says so (a load balancer sends no new work here), the rest is
      // still answered, and each connection closes after its answer.
      res.setHeader('connection', 'close');
      if (logPath(req.url ?? '/') === '/api/health') {
        res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: 'draining' }));
        return;
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const length = req.headers['content-length'];
      if (length === undefined && req.headers['transfer-encoding'])
        return refuse(res, 411, 'Length required');
      const bytes = Number(length ?? 0);
      if (!Number.isFinite(bytes) || bytes > maxBody) return refuse(res, 413, 'Payload too large');
      if (bytes > ANONYMOUS_BODY_LIMIT && !(await signedIn(req)))
        return refuse(res, 413, 'Payload too large');
    }
    if (assets?.(req, res, () => void handle(req, res))) return;
    await handle(req, res);
  });
  // A port already taken (or any listen error) ends the process with one line, not a loop of
  // logged exceptions.
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal(
      { port, err: errorField(error) },
      `cannot serve on port ${port}: ${error.code ?? error.message}`,
    );
    process.exit(1);
  });
  server.listen(port, () => {
    if (cluster.isPrimary) log.info({ port }, `serving on http://localhost:${port}`);
  });

  /**
   * A graceful stop (SIGTERM, as a rolling restart sends it; SIGINT from a terminal skips the
   * grace): the health check answers 503 "draining" for SHUTDOWN_GRACE_SECONDS while requests are
   * still served, then no new connection is taken, requests under way finish (cut after
   * SHUTDOWN_TIMEOUT_SECONDS), the background work ends its run, the database closes, and the
   * process exits.
   */
  const stop = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const grace = signal === 'SIGTERM' ? env.SHUTDOWN_GRACE_SECONDS : 0;
    log.info({ signal, graceSeconds: grace }, 'draining');
    setTimeout(() => {
      setTimeout(() => {
        log.warn('requests still under way at the shutdown deadline: cut');
        server.closeAllConnections();
      }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
      server.close(async () => {
        await runShutdown();
        await closeDatabase().catch(() => undefined);
        log.info('stopped');
        process.exit(0);
      });
      // A kept-alive connection turns idle once its last answer is sent: close those as they come.
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 500).unref();
    }, grace * 1000);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
