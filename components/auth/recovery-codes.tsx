'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { saveBlob } from '@/components/ui/save-blob';

/** Recovery codes, shown once: copy them, save them as a text file, or print them. */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations('twoFactor');
  const text = () =>
    `${t('codesFileHeader', { email, date: new Date().toISOString().slice(0, 10) })}\n\n${codes.join('\n')}\n`;
  return (
    <div className="space-y-2">
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-2 py-1">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2 print:hidden">
        <CopyButton text={codes.join('\n')} label={t('copyCodes')} />
        <Button
          type="button"
          variant="compact"
          onClick={() =>
            saveBlob(
              new Blob([text()], { type: 'text/plain;charset=utf-8' }),
              'kieu-mau-ma-khoi-phuc.txt',
            )
          }
        >
          {t('downloadCodes')}
        </Button>
        <Button type="button" variant="compact" onClick={() => window.print()}>
          {t('printCodes')}
        </Button>
      </div>
    </div>
  );
}
