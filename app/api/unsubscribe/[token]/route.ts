import { clientAddress } from '@/lib/auth/current-user';
import { cancelSubscription, subscriptionByToken } from '@/lib/data/notifications/subscriptions';
import { unsubscribeTokenSchema } from '@/lib/validations/notifications';

export const dynamic = 'force-dynamic';

/**
 * Ends a pack subscription by the secret of its unsubscribe link: the List-Unsubscribe one-click
 * POST a mail program sends (RFC 8058), and the button of the link's page, which comes back to
 * that page. Public on purpose (the secret is the permission); audited as the subscriber.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = unsubscribeTokenSchema.safeParse((await params).token);
  const found = parsed.success ? await subscriptionByToken(parsed.data) : null;
  if (!parsed.success || !found) return new Response('Not found', { status: 404 });
  await cancelSubscription(
    { userId: found.user.id, email: found.user.email, ip: await clientAddress() },
    { token: parsed.data },
  );
  const fromPage = (await request.formData().catch(() => null))?.get('from') === 'page';
  return fromPage
    ? new Response(null, { status: 303, headers: { Location: `/unsubscribe/${parsed.data}` } })
    : new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
