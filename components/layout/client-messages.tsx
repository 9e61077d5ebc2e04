import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientMessages, type Namespace } from '@/lib/i18n/client-messages';

/**
 * A page whose client components need words beyond the shell's: `export default
 * withClientMessages(SheetPage, ['sheet', 'evidence'])`. Only those namespaces travel with the
 * page (a dashboard carried the whole client catalogue, 44 KB, on every load before).
 */
export function withClientMessages<P extends object>(
  Page: (props: P) => Promise<React.ReactNode>,
  namespaces: readonly Namespace[],
) {
  return async function PageWithMessages(props: P) {
    const messages = await getMessages();
    return (
      <NextIntlClientProvider messages={clientMessages(messages, namespaces)}>
        <Page {...props} />
      </NextIntlClientProvider>
    );
  };
}
