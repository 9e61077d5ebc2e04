import { checkHealth } from '@/lib/data/health';

// Public on purpose: load balancers and monitors call it without a session. It tells only
// whether the database answers and how many migrations it has.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
