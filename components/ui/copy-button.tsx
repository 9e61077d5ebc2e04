'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from './button';

/** Copies `text` (or what it gives at the click) to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string | (() => string); label?: string }) {
  const t = useTranslations('common');
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="compact"
      onClick={async () => {
        await navigator.clipboard.writeText(typeof text === 'string' ? text : text());
        setCopied(true);
      }}
    >
      <span aria-live="polite">{copied ? t('copied') : (label ?? t('copy'))}</span>
    </Button>
  );
}

/** Copies the page's address as it stands (its view, filters and order), to hand the view on. */
export function CopyLinkButton() {
  const t = useTranslations('common');
  return <CopyButton text={() => window.location.href} label={t('copyLink')} />;
}
