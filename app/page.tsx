import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { homePathFor } from '@/lib/domain/navigation';

export default async function Home() {
  redirect(homePathFor(await requireUser()));
}
