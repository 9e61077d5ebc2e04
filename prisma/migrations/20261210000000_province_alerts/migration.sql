-- Alerts on provinces (lib/data/notifications/alerts.ts): a province's verdict changing, and a
-- milestone it missed, told once each to its staff, the Ministry and leaders who follow it. The
-- sweep keeps the verdict it last saw for each of today's provinces and programme year, so a
-- change is told by the one instance that records it.
ALTER TYPE "NotificationKind" ADD VALUE 'PROVINCE_STATUS';
ALTER TYPE "NotificationKind" ADD VALUE 'MILESTONE_MISSED';

CREATE TABLE "province_verdicts" (
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "province_verdicts_pkey" PRIMARY KEY ("province_id", "year")
);

ALTER TABLE "province_verdicts" ADD CONSTRAINT "province_verdicts_province_id_fkey"
    FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
