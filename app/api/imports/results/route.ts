import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { routeUser } from '@/lib/auth/route-user';
import {
  analyseResultsImport,
  applyResultsImport,
  type ImportAnalysis,
} from '@/lib/data/assessments/results-import';
import { MAX_IMPORT_BYTES } from '@/lib/exports/results-sheet';
import { localeOf } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/**
 * POST a filled template (multipart field `file`): `?mode=preview` checks every row and lists
 * problems and changes; `?mode=apply` checks again and writes all or nothing.
 */
export async function POST(request: Request) {
  const user = await routeUser(request, { write: true, policy: 'results.import' });
  if (user instanceof Response) return user;
  const mode = new URL(request.url).searchParams.get('mode');
  if (mode !== 'preview' && mode !== 'apply')
    return Response.json({ error: 'mode must be preview or apply' }, { status: 400 });
  const locale = localeOf(request);
  const t = translatorFor(locale, 'imports');
  const length = Number(request.headers.get('content-length') ?? 0);
  let file: File | null = null;
  if (length <= MAX_IMPORT_BYTES + 64 * 1024) {
    try {
      const form = await request.formData();
      const value = form.get('file');
      file = value instanceof File ? value : null;
    } catch {
      file = null;
    }
  }
  const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
  const result: ImportAnalysis & { applied?: number } = !bytes
    ? {
        province: null,
        year: null,
        rows: 0,
        problems: [{ row: null, code: length > MAX_IMPORT_BYTES ? 'too_large' : 'empty' }],
        conflicts: [],
        changes: [],
      }
    : mode === 'apply'
      ? await applyResultsImport(actorOf(user, await clientAddress()), user, bytes, locale)
      : await analyseResultsImport(user, bytes, locale);
  const describe = (p: {
    row: number | null;
    code: string;
    values?: Record<string, string | number>;
  }) => ({
    ...p,
    message: `${p.row ? t('row', { row: p.row }) : ''}${t(`problem.${p.code}`, p.values)}`,
  });
  return Response.json(
    {
      ...result,
      problems: result.problems.map(describe),
      conflicts: result.conflicts.map(describe),
    },
    { status: 200, headers: { 'Cache-Control': 'no-store' } },
  );
}
