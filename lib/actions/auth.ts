'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { clientAddress, getLiveSession, userAgent } from '@/lib/auth/current-user';
import { signOutSession } from '@/lib/data/accounts/sessions';
import { attemptSignIn } from '@/lib/data/accounts/sign-in';
import {
  beginEnrolment,
  confirmEnrolment,
  verifySecondFactor,
} from '@/lib/data/accounts/two-factor';
import { safeReturnPath } from '@/lib/domain/redirects';
import { landingPath } from '@/lib/domain/navigation';
import { ssoSignOutUrl } from '@/lib/auth/oidc';
import { publicOrigin } from '@/lib/auth/route-user';
import {
  clearSessionCookie,
  readDeviceId,
  readSessionClaims,
  writeDeviceCookie,
  writeSessionCookie,
} from '@/lib/auth/session-token';
import { secondFactorCodeSchema, signInSchema } from '@/lib/validations/auth';
import { handoverPasswordSchema } from '@/lib/validations/users';
import { hashPassword } from '@/lib/server/crypto';
import { getHandover, redeemHandover } from '@/lib/data/accounts/handovers';
import { formObject, invalidInput, type ActionResult } from './result';
import { defineAction, publicAction, withUser } from './define';

/** What the sign-in forms show again after a refusal (never the password). */
export type SignInState = ActionResult<{ email?: string }>;

/**
 * Signing in is a server action posted by a plain form, so it works before the page has
 * hydrated (or without JavaScript): the password never lands in a URL. The return path is
 * checked on the server (same-site paths only).
 */
export const signInAction = publicAction(
  async (_prev: SignInState, formData: FormData): Promise<SignInState> => {
    const t = await getTranslations('auth');
    const typed = { email: String(formData.get('email') ?? '').slice(0, 320) };
    const parsed = signInSchema.safeParse(formObject(formData));
    // Empty or malformed fields are marked as such; only a real attempt can be "wrong".
    if (!parsed.success) return { ...(await invalidInput(parsed.error)), data: typed };
    const { email, password, returnTo } = parsed.data;
    const outcome = await attemptSignIn(
      email,
      password,
      await clientAddress(),
      await userAgent(),
      await readDeviceId(email),
      await getLocale(),
    );
    if (!outcome.ok)
      return {
        status: 'error',
        message:
          outcome.reason === 'locked' ? t('locked', { minutes: outcome.minutes }) : t('invalid'),
        data: { email },
      };
    await writeSessionCookie({ uid: outcome.user.id, sid: outcome.sessionId });
    const target = safeReturnPath(returnTo);
    if (outcome.secondFactorPending)
      redirect(`/login/verify?returnTo=${encodeURIComponent(target)}`);
    await writeDeviceCookie(outcome.user.email);
    redirect(landingPath(outcome.user, target));
  },
);

/** The second step of signing in, for accounts with two-factor sign-in. */
export const verifySecondFactorAction = publicAction(
  async (_prev: SignInState, formData: FormData): Promise<SignInState> => {
    const t = await getTranslations('twoFactor');
    const session = await getLiveSession();
    if (!session) redirect('/login?notice=expired');
    // Only a session that still owes its second factor may try codes.
    if (session.secondFactorDone) return { status: 'error', message: t('alreadyVerified') };
    const parsed = secondFactorCodeSchema.safeParse(formObject(formData));
    if (!parsed.success) return { status: 'error', message: t('wrongCode') };
    const result = await verifySecondFactor(
      { userId: session.user.id, email: session.user.email, ip: await clientAddress() },
      session.user.id,
      session.id,
      parsed.data.code,
    );
    if (!result.ok)
      return {
        status: 'error',
        message:
          result.error === 'locked'
            ? t('locked', { minutes: result.minutes ?? 1 })
            : t(result.error === 'code_used' ? 'codeUsed' : 'wrongCode'),
      };
    await writeDeviceCookie(session.user.email);
    redirect(landingPath(session.user, safeReturnPath(parsed.data.returnTo)));
  },
);

/**
 * Sets an account's password through its one-time handover link (lib/data/accounts/handovers.ts), then
 * sends its holder to sign in with it.
 */
export const redeemHandoverAction = publicAction(
  async (_prev: ActionResult, formData: FormData): Promise<ActionResult> => {
    const t = await getTranslations('handover');
    const raw = formObject(formData);
    const handover = await getHandover(raw.token ?? '');
    if (!handover) return { status: 'error', message: t('invalid') };
    const parsed = handoverPasswordSchema.safeParse({
      ...raw,
      email: handover.user.email,
      name: handover.user.name,
    });
    if (!parsed.success) return invalidInput(parsed.error);
    const redeemed = await redeemHandover(
      parsed.data.token,
      await hashPassword(parsed.data.next),
      await clientAddress(),
    );
    if (!redeemed) return { status: 'error', message: t('invalid') };
    redirect('/login?notice=passwordSet');
  },
);

/**
 * Ends this session on the server (not only the cookie), audited, then back to sign-in. A session
 * opened by single sign-on goes on to the provider's end-session address, so its session ends too
 * and the next sign-on asks again; the provider sends the browser back to the sign-in page.
 */
export const signOutAction = publicAction(async (): Promise<void> => {
  const claims = await readSessionClaims();
  let provider: string | null = null;
  if (claims) {
    const session = await getLiveSession();
    await signOutSession(
      session
        ? { userId: session.user.id, email: session.user.email, ip: await clientAddress() }
        : null,
      claims.sid,
    );
    if (session?.provider)
      provider = await ssoSignOutUrl(session.provider.idToken, publicOrigin(await headers()));
  }
  await clearSessionCookie();
  redirect(provider ?? '/login?notice=signedOut');
});

export type EnrolmentData = { secret: string; uri: string; recoveryCodes?: string[] };

/** Starts (or restarts) setting up two-factor sign-in: a new secret, shown on the page. */
export const beginEnrolmentAction = withUser('self', async (session): Promise<void> => {
  if (!session) redirect('/login?notice=expired');
  await beginEnrolment(session.user.id);
  redirect('/account/two-factor');
});

/** Confirms enrolment with a first code; answers the recovery codes, shown once. */
export const confirmEnrolmentAction = defineAction(
  'self',
  secondFactorCodeSchema,
  async ({ user, actor, input }): Promise<ActionResult<EnrolmentData>> => {
    const t = await getTranslations('twoFactor');
    const result = await confirmEnrolment(actor, user.id, user.sessionId, input.code);
    if (result.ok)
      return {
        status: 'success',
        message: t('enabled'),
        data: { secret: '', uri: '', recoveryCodes: result.recoveryCodes },
      };
    const message =
      result.error === 'locked'
        ? t('locked', { minutes: result.minutes ?? 1 })
        : t(result.error === 'no_enrolment' ? 'noEnrolment' : 'wrongCode');
    return { status: 'error', message };
  },
);
