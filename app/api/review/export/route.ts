import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { routeQuery } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { listReviewQueueAll } from '@/lib/data/assessments/queue';
import { assessmentDeadline, dayOf } from '@/lib/domain/calendar';
import { queueTable } from '@/lib/domain/export-tables';
import { scopeName } from '@/lib/domain/units';
import { queueExportMeta } from '@/lib/exports/tables';
import { tableFileResponse } from '@/lib/exports/xlsx';
import { localeOf } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import { queueExportSchema } from '@/lib/validations/queue';

export const dynamic = 'force-dynamic';

const DAY_MS = 86_400_000;

/**
 * The review queue as an XLSX or CSV file: every dossier the filters on screen find (not just the page),
 * in the same order, in the user's language; audited like every export.
 */
export async function GET(request: Request) {
  const answer = await routeQuery(request, 'review.queue', queueExportSchema);
  if (answer instanceof Response) return answer;
  const { user, query: asked } = answer;
  const { format, ...query } = asked;
  const now = new Date();
  const today = dayOf(now);
  const locale = localeOf(request);
  const { rows, deadlines } = await listReviewQueueAll(user, query, now);
  const table = queueTable(
    rows.map((r) => ({
      ...r,
      waitingDays: Math.floor((now.getTime() - r.statusChangedAt.getTime()) / DAY_MS),
      deadline: assessmentDeadline(r.status, deadlines.get(r.year) ?? {}, today),
    })),
    locale,
  );
  const t = translatorFor(locale, 'review');
  const filters = [
    query.year ? String(query.year) : t('allYears'),
    query.status ? translatorFor(locale, 'statuses')(query.status) : null,
    query.province ?? null,
    query.q ? `“${query.q}”` : null,
    query.overdue ? t('overdueOnly') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const meta = queueExportMeta(
    scopeName(user, translatorFor(locale, 'exports')('nationwide')),
    filters,
    now,
    locale,
  );
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: 'export.queue',
    entity: 'export',
    entityId: `queue.${format}`,
    provinceCode: user.provinceCode ?? null,
    after: { ...query, rows: rows.length },
  });
  return tableFileResponse(table, meta, format);
}
