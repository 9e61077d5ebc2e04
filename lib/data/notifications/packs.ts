import 'server-only';
import { db } from '@/lib/server/db';
import { systemActor, type AuditActor, type AuditEntry } from '@/lib/data/audit';
import { loadReportData } from '@/lib/data/progress/reports';
import { can, reachOf, type Scope } from '@/lib/domain/permissions';
import { briefingFile, type BriefingFormat } from '@/lib/exports/briefing-file';
import { locales, type Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translator';
import { appAddress } from '@/lib/mail/config';
import type { OutgoingMail } from '@/lib/mail/transport';
import type { OutboxContent } from '@/lib/validations/notifications';

type PackContent = Extract<OutboxContent, { type: 'pack' }>;

/** What the sender does with a pack row: send this mail (then audit it), or drop the row. */
export type PackOutcome =
  | { send: Omit<OutgoingMail, 'messageId' | 'recipient'>; audit: AuditEntry }
  | { drop: 'unsubscribed' | 'inactive' | 'out_of_scope'; audit: AuditEntry };

/** Who sends packs in the audit log: the schedule, on behalf of the subscriber. */
export const packActor: AuditActor = systemActor('subscriptions');

/**
 * A subscribed pack, built when it is sent: the subscription must still be live, its owner
 * active and the scope still theirs (a province officer moved to another province, or a leader
 * whose reach narrowed, gets nothing), checked with the same rules as the download. The file is
 * in the recipient's language (Vietnamese for an account that never chose one); the mail says
 * what it is in that language, or in both.
 */
export async function packMail(content: PackContent, locale: Locale | null): Promise<PackOutcome> {
  const sub = await db().packSubscription.findUnique({
    where: { id: content.subscription },
    select: {
      format: true,
      cadence: true,
      token: true,
      cancelledAt: true,
      province: { select: { code: true, name: true } },
      user: { select: { isActive: true, role: true, provinceId: true, unitId: true } },
    },
  });
  const entry = (action: string, after: Record<string, unknown>): AuditEntry => ({
    action,
    entity: 'subscription',
    entityId: content.subscription,
    provinceCode: sub?.province?.code ?? null,
    after: { issue: content.issue, year: content.year, ...after },
  });
  const drop = (reason: 'unsubscribed' | 'inactive' | 'out_of_scope') => ({
    drop: reason,
    audit: entry('subscription.drop', { reason }),
  });
  if (!sub || sub.cancelledAt) return drop('unsubscribed');
  if (!sub.user.isActive) return drop('inactive');
  const scope: Scope = sub.user;
  // A national pack is for those who still see the nation: never narrowed to a province silently.
  if (!can(scope, 'report.export') || (!sub.province && reachOf(scope) !== 'all'))
    return drop('out_of_scope');
  const data = await loadReportData(scope, {
    province: sub.province?.code,
    year: content.year,
    basis: 'official',
    units: 'today',
  });
  if (!data) return drop('out_of_scope');

  const fileLocale = locale ?? 'vi';
  const file = await briefingFile(data, fileLocale, sub.format.toLowerCase() as BriefingFormat);
  // The link in the text opens a page that asks; the header's address takes a one-click POST.
  const unsubscribe = `${appAddress()}/unsubscribe/${sub.token}`;
  const page = `${appAddress()}${sub.province ? `/provinces/${sub.province.code}` : '/dashboard'}?year=${content.year}`;
  const languages = locale ? [locale] : [...locales];
  const say = (l: Locale) => {
    const t = translatorFor(l, 'subscriptions');
    const scopeName = sub.province?.name ?? t('nation');
    return {
      subject: t('mail.subject', { cadence: sub.cadence, scope: scopeName, year: content.year }),
      body: [
        t('mail.intro', {
          cadence: sub.cadence,
          scope: scopeName,
          year: content.year,
          date: formatDateTime(data.view.dataDate, l),
        }),
        t('mail.open', { link: page }),
        t('mail.unsubscribe', { link: unsubscribe }),
      ].join('\n'),
    };
  };
  const parts = languages.map(say);
  return {
    send: {
      subject: `Kiểu Mẫu: ${parts[0]!.subject}`,
      body: `${parts.map((p) => p.body).join('\n\n')}\n`,
      attachments: [
        { filename: file.filename, content: file.bytes, contentType: file.contentType },
      ],
      unsubscribe: `${appAddress()}/api/unsubscribe/${sub.token}`,
    },
    audit: entry('subscription.send', { file: file.filename, bytes: file.bytes.length }),
  };
}
