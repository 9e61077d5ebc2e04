import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { LinkPending } from './link-pending';

/**
 * The app's link: Next.js's client-side navigation without prefetching.
 *
 * Every page here is dynamic (it reads the session), and Next.js prefetches a dynamic route only
 * as far as its nearest `loading.js`, which no page has (a page must settle its status before it
 * streams). What a prefetch brought back was the route's tree and metadata, about 1.2 KB and a
 * server render at the cost of the not-found page, once for each link in view: 20 to 39 requests
 * after every page load, none of which a click then used (the page is still rendered on click).
 * On a phone on a weak link those requests compete with the page's own. A link passes
 * `prefetch` itself where a route would ever gain from it. `next/link` is imported only here
 * (the lint rule `no-restricted-imports`).
 *
 * Without a prefetch or a `loading.js`, a click shows nothing until the next page has arrived:
 * each link also tells the page when its navigation is under way (`LinkPending`).
 */
export default function Link({ children, ...props }: ComponentProps<typeof NextLink>) {
  return (
    <NextLink prefetch={false} {...props}>
      {children}
      <LinkPending />
    </NextLink>
  );
}
