/**
 * Briefing packs on a schedule: when a subscription's next issue is due and which year it
 * reports. Pure, so the sweep, the page that lists subscriptions and the tests agree.
 *
 * Issues go out at 07:00 in Vietnam (00:00 UTC, no daylight saving):
 *   WEEKLY     every Monday; the pack reports the year of the week just ended
 *   MONTHLY    on the 1st; the pack reports the year of the month just ended
 *   MILESTONE  on 1 January after a milestone year (a year with a target for the scope); the
 *              pack reports that year, now closed
 * Only the latest issue is sent: a server that was down for three weeks sends one weekly pack,
 * not three. An issue before the subscription began is not sent.
 */

export const packCadences = ['WEEKLY', 'MONTHLY', 'MILESTONE'] as const;
export type PackCadence = (typeof packCadences)[number];
export const packFormats = ['PDF', 'PPTX', 'DOCX'] as const;
export type PackFormat = (typeof packFormats)[number];

/** A user may hold this many live subscriptions. */
export const MAX_SUBSCRIPTIONS = 12;

/** Vietnam's clock: UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3600_000;
/** The hour of the day (Vietnam) issues go out. */
const SEND_HOUR = 7;
const DAY_MS = 86_400_000;

export interface PackIssue {
  /** Names the issue: the subscription's last issue, and part of the mail's Message-ID. */
  key: string;
  /** When it went (or goes) out. */
  at: Date;
  /** The programme year the pack reports. */
  year: number;
}

/** A Vietnamese calendar day at the send hour, as an instant. */
const sendTime = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month, day, SEND_HOUR) - VN_OFFSET_MS);

/** The Vietnamese calendar date of an instant (year, month 0–11, day, weekday 0 = Sunday). */
function vnDate(at: Date) {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The year of the day before an issue: the period it closes. */
const closedYear = (at: Date) => vnDate(new Date(at.getTime() - DAY_MS)).year;

/**
 * The latest issue of `cadence` at or before `now`, or null when there has been none (a
 * milestone cadence before its first milestone year closed). `milestoneYears`: the years with a
 * target for the subscription's scope.
 */
export function latestIssue(
  cadence: PackCadence,
  now: Date,
  milestoneYears: readonly number[] = [],
): PackIssue | null {
  const today = vnDate(now);
  if (cadence === 'WEEKLY') {
    // Back to this week's Monday; before its send hour, the Monday before.
    let at = sendTime(today.year, today.month, today.day - ((today.weekday + 6) % 7));
    if (at > now) at = new Date(at.getTime() - 7 * DAY_MS);
    const d = vnDate(at);
    return { key: `week:${d.year}-${pad(d.month + 1)}-${pad(d.day)}`, at, year: closedYear(at) };
  }
  if (cadence === 'MONTHLY') {
    let at = sendTime(today.year, today.month, 1);
    if (at > now) at = sendTime(today.year, today.month - 1, 1);
    const d = vnDate(at);
    return { key: `month:${d.year}-${pad(d.month + 1)}`, at, year: closedYear(at) };
  }
  const closed = milestoneYears
    .map((year) => ({ year, at: sendTime(year + 1, 0, 1) }))
    .filter((m) => m.at <= now)
    .sort((a, b) => b.year - a.year)[0];
  return closed ? { key: `milestone:${closed.year}`, at: closed.at, year: closed.year } : null;
}

/** The issue to send now for a subscription begun at `since` that last sent `lastIssue`, if any. */
export function dueIssue(
  subscription: { cadence: PackCadence; createdAt: Date; lastIssue: string | null },
  now: Date,
  milestoneYears: readonly number[] = [],
): PackIssue | null {
  const issue = latestIssue(subscription.cadence, now, milestoneYears);
  if (!issue || issue.at < subscription.createdAt || issue.key === subscription.lastIssue)
    return null;
  return issue;
}

/** When the next issue goes out after `now` (shown beside each subscription). */
export function nextIssueAt(
  cadence: PackCadence,
  now: Date,
  milestoneYears: readonly number[] = [],
): Date | null {
  if (cadence === 'MILESTONE') {
    const next = milestoneYears
      .map((year) => sendTime(year + 1, 0, 1))
      .filter((at) => at > now)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return next ?? null;
  }
  // The latest issue one period later.
  const last = latestIssue(cadence, now)!;
  if (cadence === 'WEEKLY') return new Date(last.at.getTime() + 7 * DAY_MS);
  const d = vnDate(last.at);
  return sendTime(d.year, d.month + 1, 1);
}
