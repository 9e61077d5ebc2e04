import type { MetadataRoute } from 'next';

/** An internal tool of the police: no search engine is to index any of it. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', disallow: '/' } };
}
