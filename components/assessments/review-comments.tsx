import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format';

export interface CommentItem {
  id: number;
  stage: 'PROVINCE' | 'MINISTRY';
  isReturn: boolean;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  author: string | null;
}

export function ReviewComments({ comments }: { comments: CommentItem[] }) {
  const t = useTranslations('sheet');
  const locale = useLocale();
  if (comments.length === 0) return null;
  return (
    <section className="mt-3 border-t border-slate-100 pt-3" aria-label={t('comments')}>
      <h4 className="text-sm font-medium text-slate-700">{t('comments')}</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {comments.map((c) => (
          <li
            key={c.id}
            className={`rounded px-2 py-1 ${c.resolvedAt ? 'bg-slate-50 text-slate-600' : 'bg-amber-50 text-amber-900'}`}
          >
            <span className="font-medium">{t('returnedBy', { stage: t(`stage.${c.stage}`) })}</span>
            {' · '}
            {c.author ?? '—'} · {formatDateTime(c.createdAt, locale)}
            {c.resolvedAt ? ` · ${t('resolved')}` : ''}
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
