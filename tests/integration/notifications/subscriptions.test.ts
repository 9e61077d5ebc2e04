import JSZip from 'jszip';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as unsubscribe } from '@/app/api/unsubscribe/[token]/route';
import { cancelSubscriptionAction, subscribeAction } from '@/lib/actions/subscriptions';
import type { ActionResult } from '@/lib/actions/result';
import { deliverOutbox } from '@/lib/data/notifications/outbox';
import { issueScheduledPacks } from '@/lib/data/notifications/subscriptions';
import { nextIssueAt } from '@/lib/domain/subscriptions';
import { smtpSender } from '@/lib/mail/transport';
import { db } from '@/lib/server/db';
import { actAs, translator } from '@/tests/support/action-context';
import { makeUser, provinceId, seedReference } from '@/tests/support/factories';

/**
 * Packs on a schedule, end to end: subscribing through the app's own action, the sweep writing
 * each due issue once, the sender building the file and sending it to a real SMTP server (in this
 * process), the mail parsed back with its attachment; a user whose scope narrowed gets nothing;
 * the unsubscribe link ends it. Crash and restart: tests/integration/notifications/outbox.test.ts.
 */

const received: ParsedMail[] = [];
let smtp: SMTPServer;
let send: ReturnType<typeof smtpSender>;
const say = translator('actions');

beforeAll(async () => {
  await seedReference();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => received.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  send = smtpSender(`smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`);
}, 180_000);
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
type FormAction = (prev: ActionResult, form: FormData) => Promise<ActionResult>;
const call = (action: FormAction, fields: Record<string, string>) =>
  action({ status: 'idle' }, form(fields));

const mailsTo = (email: string) =>
  received.filter((m) => m.to && JSON.stringify(m.to).includes(email));
const subscriptionOf = (email: string) =>
  db().packSubscription.findFirstOrThrow({ where: { user: { email } }, orderBy: { id: 'desc' } });
/** `days` from now: each test sweeps later than the one before, as time goes on. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('briefing packs on a schedule', () => {
  it('sends each due pack once, with its file attached, worded for its reader', async () => {
    const leader = await makeUser('VIEWER', {});
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(leader.email);
    expect(
      await call(subscribeAction, { province: '', format: 'PDF', cadence: 'WEEKLY' }),
    ).toMatchObject({
      status: 'success',
    });
    await actAs(officer.email);
    expect(
      await call(subscribeAction, { province: '38', format: 'DOCX', cadence: 'MONTHLY' }),
    ).toMatchObject({ status: 'success' });
    // Nothing is due yet: the last issues went out before the subscriptions began; the first
    // goes out at the next issue.
    expect(await issueScheduledPacks(new Date())).toBe(0);
    const monday = new Date(nextIssueAt('WEEKLY', new Date())!.getTime() + 60_000);
    expect(await issueScheduledPacks(monday)).toBe(1);
    // Weeks later: the latest issue of each (one each, not one per week missed), written once
    // however many sweeps run.
    const later = inDays(40);
    expect(await issueScheduledPacks(later)).toBe(2);
    expect(await issueScheduledPacks(later)).toBe(0);
    expect(await deliverOutbox(send, { now: later })).toMatchObject({ sent: 3, dropped: 0 });

    expect(mailsTo(leader.email)).toHaveLength(2);
    const [national] = mailsTo(leader.email);
    expect(national!.subject).toMatch(/^Kiểu Mẫu: Báo cáo tuần — Toàn quốc, năm \d{4}$/);
    const pdf = national!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toMatch(/^bao-cao-kieu-mau-toan-quoc-\d{4}\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    // Both languages for an account that never chose one; the link to stop, and one-click.
    expect(national!.text).toContain('Kèm theo là bộ báo cáo hằng tuần của Toàn quốc');
    expect(national!.text).toContain('Attached is the weekly briefing pack of Whole country');
    const sub = await subscriptionOf(leader.email);
    expect(national!.text).toContain(`/unsubscribe/${sub.token}`);
    const header = (key: string) => national!.headerLines.find((l) => l.key === key)?.line ?? '';
    expect(header('list-unsubscribe')).toMatch(
      new RegExp(`<http://[^>]+/api/unsubscribe/${sub.token}>`),
    );
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    const [report] = mailsTo(officer.email);
    const docx = report!.attachments[0]!;
    expect(docx.filename).toMatch(/^bao-cao-kieu-mau-38-\d{4}\.docx$/);
    const zip = await JSZip.loadAsync(docx.content);
    const xml = await zip.file('word/document.xml')!.async('string');
    const province = await db().province.findFirstOrThrow({ where: { code: '38', validTo: null } });
    expect(xml).toContain(`CÔNG AN ${province.fullName.toUpperCase()}`);
    expect(xml).toContain('BÁO CÁO');

    const audit = await db().auditEvent.findMany({
      where: { action: 'subscription.send', entityId: String(sub.id) },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ file: pdf.filename, bytes: pdf.size });
  }, 180_000);

  it('sends nothing to a user whose scope narrowed, or who unsubscribed, after the issue', async () => {
    const moved = await makeUser('PROVINCE', { provinceCode: '38' });
    const narrowed = await makeUser('VIEWER', {});
    const quitter = await makeUser('MINISTRY', {});
    for (const [user, province] of [
      [moved, '38'],
      [narrowed, ''],
      [quitter, ''],
    ] as const) {
      await actAs(user.email);
      expect(
        await call(subscribeAction, { province, format: 'PPTX', cadence: 'WEEKLY' }),
      ).toMatchObject({ status: 'success' });
    }
    const monday = inDays(80);
    await issueScheduledPacks(monday);
    // After the issue: the officer moves to another province, the leader now follows one
    // province, the third ends the subscription.
    await db().user.update({
      where: { id: moved.id },
      data: { provinceId: await provinceId('40') },
    });
    await db().user.update({
      where: { id: narrowed.id },
      data: { provinceId: await provinceId('40') },
    });
    await actAs(quitter.email);
    const quit = await subscriptionOf(quitter.email);
    expect(await call(cancelSubscriptionAction, { id: String(quit.id) })).toMatchObject({
      status: 'success',
    });
    const result = await deliverOutbox(send, { now: monday });
    expect(result.dropped).toBeGreaterThanOrEqual(3);
    for (const user of [moved, narrowed, quitter]) expect(mailsTo(user.email)).toHaveLength(0);
    const rows = await db().emailOutbox.findMany({
      where: { userId: { in: [moved.id, narrowed.id, quitter.id] } },
      orderBy: { userId: 'asc' },
    });
    expect(rows.map((r) => [r.sentAt, r.droppedAt !== null, r.lastError])).toEqual([
      [null, true, 'out_of_scope'],
      [null, true, 'out_of_scope'],
      [null, true, 'unsubscribed'],
    ]);
    // Dropped rows are not retried.
    expect(await deliverOutbox(send, { now: new Date(monday.getTime() + 3600_000) })).toMatchObject(
      {
        sent: 0,
        dropped: 0,
      },
    );
    const drops = await db().auditEvent.findMany({
      where: { action: 'subscription.drop', actorEmail: 'subscriptions' },
    });
    expect(drops.length).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('subscribes only within the user’s scope, once; another’s subscription is not found', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '40' });
    await actAs(officer.email);
    const notFound = say('subscriptions.not_found');
    expect(
      await call(subscribeAction, { province: '38', format: 'PDF', cadence: 'WEEKLY' }),
    ).toMatchObject({
      status: 'error',
      message: notFound,
    });
    expect(
      await call(subscribeAction, { province: '', format: 'PDF', cadence: 'WEEKLY' }),
    ).toMatchObject({ status: 'error', message: notFound });
    const fields = { province: '40', format: 'PDF', cadence: 'MILESTONE' };
    expect(await call(subscribeAction, fields)).toMatchObject({ status: 'success' });
    expect(await call(subscribeAction, fields)).toMatchObject({
      status: 'error',
      message: say('subscriptions.duplicate'),
    });
    expect(await call(subscribeAction, { ...fields, cadence: 'DAILY' })).toMatchObject({
      status: 'error',
      fieldErrors: { cadence: expect.any(Array) },
    });
    const mine = await subscriptionOf(officer.email);
    await actAs((await makeUser('PROVINCE', { provinceCode: '40' })).email);
    expect(await call(cancelSubscriptionAction, { id: String(mine.id) })).toMatchObject({
      status: 'error',
      message: notFound,
    });
    expect(
      (await db().packSubscription.findUniqueOrThrow({ where: { id: mine.id } })).cancelledAt,
    ).toBeNull();
    expect(
      await db().auditEvent.count({
        where: { action: 'subscription.create', entityId: String(mine.id) },
      }),
    ).toBe(1);
  });

  it('the unsubscribe link ends the subscription in one click, as its owner in the audit', async () => {
    const leader = await makeUser('MINISTRY', {});
    await actAs(leader.email);
    await call(subscribeAction, { province: '', format: 'DOCX', cadence: 'MONTHLY' });
    const sub = await subscriptionOf(leader.email);
    const post = (token: string, body: string) =>
      unsubscribe(
        new Request(`http://t/api/unsubscribe/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        }),
        { params: Promise.resolve({ token }) },
      );
    expect((await post('x'.repeat(43), 'List-Unsubscribe=One-Click')).status).toBe(404);
    expect((await post(sub.token, 'List-Unsubscribe=One-Click')).status).toBe(204);
    // The page's button comes back to the page, which then says it is done.
    const again = await post(sub.token, 'from=page');
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/unsubscribe/${sub.token}`);
    expect(
      (await db().packSubscription.findUniqueOrThrow({ where: { id: sub.id } })).cancelledAt,
    ).not.toBeNull();
    const events = await db().auditEvent.findMany({
      where: { action: 'subscription.cancel', entityId: String(sub.id) },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: leader.id, before: { via: 'link' } });
    await issueScheduledPacks(inDays(120));
    expect(await db().emailOutbox.count({ where: { userId: leader.id } })).toBe(0);
  });
});
