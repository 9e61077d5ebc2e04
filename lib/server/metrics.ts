import client from 'prom-client';
import type { outboxHealth } from '@/lib/data/notifications/outbox';
import { openDatabase } from './db';

/**
 * The app's Prometheus metrics, in the process's default registry (prom-client): requests and
 * their latency by route and status (scripts/server.ts records them), server errors, the database
 * pool, the mail outbox's backlog, the background work's last success, and the process's own
 * (memory, CPU, event-loop lag, heap). On several processes scripts/server.ts's first process
 * adds them up (prom-client's AggregatorRegistry). Served on METRICS_PORT only (docs/operations.md).
 */

function create() {
  client.collectDefaultMetrics();
  // Figures of the whole installation, read by every process: the highest, not the sum.
  const maxOverProcesses = { aggregator: 'max' as const };
  const outboxOldest = new client.Gauge({
    name: 'mail_outbox_oldest_pending_seconds',
    help: 'Age of the oldest e-mail still waiting to be sent (0: none waiting).',
    ...maxOverProcesses,
  });
  const outboxFailed = new client.Gauge({
    name: 'mail_outbox_failed',
    help: 'E-mails given up on after every attempt failed.',
    ...maxOverProcesses,
  });
  return {
    requests: new client.Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by method, route and status.',
      labelNames: ['method', 'route', 'status'] as const,
    }),
    duration: new client.Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer a request, by method and route.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
    errors: new client.Counter({
      name: 'app_request_errors_total',
      help: 'Server errors raised while answering, by route (each is a "request failed" log line).',
      labelNames: ['route'] as const,
    }),
    background: new client.Counter({
      name: 'background_runs_total',
      help: 'Runs of the background work (deadlines, digests, outbox, orphan bytes), by outcome.',
      labelNames: ['outcome'] as const,
    }),
    lastBackground: new client.Gauge({
      name: 'background_last_success_timestamp_seconds',
      help: 'When the background work last ran through (Unix time; 0: not yet in this process).',
      ...maxOverProcesses,
    }),
    pool: new client.Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL connections of the pool, by state (open, idle, max) and requests waiting for one.',
      labelNames: ['state'] as const,
      collect() {
        const stats = openDatabase()?.poolStats?.();
        if (!stats) return;
        this.set({ state: 'open' }, stats.size);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'max' }, stats.max);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    }),
    outboxPending: new client.Gauge({
      name: 'mail_outbox_pending',
      help: 'E-mails waiting to be sent (failed ones that will be tried again included).',
      ...maxOverProcesses,
      async collect() {
        const read = holder.__kieumauOutbox;
        if (!read) return;
        const health = await read();
        this.set(health.pending);
        outboxOldest.set(
          health.oldestPendingAt ? (Date.now() - health.oldestPendingAt.getTime()) / 1000 : 0,
        );
        outboxFailed.set(health.failing);
      },
    }),
  };
}

type Metrics = ReturnType<typeof create>;

// One set per process: this module is loaded by scripts/server.ts and again inside the Next.js
// bundle, and a metric may be registered only once.
const holder = globalThis as typeof globalThis & {
  __kieumauMetrics?: Metrics;
  __kieumauOutbox?: typeof outboxHealth;
};

/**
 * How the outbox gauges read the database: lib/data's query, handed over by the Next.js side
 * (instrumentation.ts), since the server script loads no data code of its own.
 */
export function readOutboxWith(read: typeof outboxHealth): void {
  holder.__kieumauOutbox = read;
}

export function metrics(): Metrics {
  return (holder.__kieumauMetrics ??= create());
}
