'use server';

import { revalidatePath } from 'next/cache';
import { saveCalendar } from '@/lib/data/programme/calendar';
import { calendarSchema } from '@/lib/validations/calendar';
import { defineAction } from './define';
import { formObject, success } from './result';

/** The Ministry sets a year's dates; queues, sheets and dashboards read them. */
export const saveCalendarAction = defineAction(
  'calendar.manage',
  calendarSchema,
  async ({ actor, input }) => {
    await saveCalendar(actor, input);
    revalidatePath('/', 'layout');
    return success('calendar.saved', undefined, { year: input.year });
  },
  // The dates, and a `closes` checkbox per date the Ministry may close.
  { read: (formData) => ({ ...formObject(formData), closes: formData.getAll('closes') }) },
);
