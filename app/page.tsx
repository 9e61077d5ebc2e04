import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { homePathFor } from '@/lib/navigation';

export default async function Home() {
  redirect(homePathFor(await requireUser()));
}
