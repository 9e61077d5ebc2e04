import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints: sign-in (with its CSRF check), sign-out, session.
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
