-- Packs on a schedule (lib/data/notifications/subscriptions.ts): a user subscribes to the
-- briefing pack of the nation or of a province in their scope, as PDF, PPTX or DOCX, weekly,
-- monthly or when a milestone year closes. The sweep writes one outbox row per issue (its
-- Message-ID names the subscription and the issue, so an issue is written once); the sender
-- builds the file when it sends, after checking the subscription and the scope again, and drops
-- the row when either is gone.
CREATE TYPE "PackCadence" AS ENUM ('WEEKLY', 'MONTHLY', 'MILESTONE');
CREATE TYPE "PackFormat" AS ENUM ('PDF', 'PPTX', 'DOCX');

CREATE TABLE "pack_subscriptions" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "province_id" INTEGER,
    "format" "PackFormat" NOT NULL,
    "cadence" "PackCadence" NOT NULL,
    "token" TEXT NOT NULL,
    "last_issue" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "pack_subscriptions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "pack_subscriptions_token_key" ON "pack_subscriptions"("token");
-- One live subscription per user, scope, format and cadence (the nation's scope is NULL).
CREATE UNIQUE INDEX "pack_subscriptions_live_key" ON "pack_subscriptions"
    ("user_id", "province_id", "format", "cadence") NULLS NOT DISTINCT
    WHERE "cancelled_at" IS NULL;
CREATE INDEX "pack_subscriptions_user_id_idx" ON "pack_subscriptions"("user_id");

ALTER TABLE "pack_subscriptions" ADD CONSTRAINT "pack_subscriptions_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pack_subscriptions" ADD CONSTRAINT "pack_subscriptions_province_id_fkey"
    FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An outbox row the sender decided not to send (a pack whose subscription or scope is gone).
ALTER TABLE "email_outbox" ADD COLUMN "dropped_at" TIMESTAMP(3);
