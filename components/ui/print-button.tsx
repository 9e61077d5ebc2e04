'use client';

import { Button } from './button';

/** Opens the browser's print dialog (the page's print styles decide what goes on paper). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
