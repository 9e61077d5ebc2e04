-- The daily work of entry and review (issue 13): who really saved a result, what a return asked
-- and how the ward answered it, evidence dated outside its year, the withdrawal's own decision,
-- the programme calendar, the inbox and the e-mail outbox.

CREATE TYPE "EmailMode" AS ENUM ('OFF', 'IMMEDIATE', 'DAILY');
CREATE TYPE "DeadlineKind" AS ENUM ('REGISTRATION', 'SUBMISSION', 'PROVINCIAL_REVIEW', 'INSPECTION');
CREATE TYPE "NotificationKind" AS ENUM ('RETURNED', 'AWAITING_REVIEW', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN', 'DEADLINE');

-- A return used to move updated_at and so credit the last editor with the reviewer's moment.
ALTER TABLE "criterion_results" ADD COLUMN "saved_at" TIMESTAMP(3);
UPDATE "criterion_results" SET "saved_at" = "updated_at" WHERE "updated_by_id" IS NOT NULL;

ALTER TABLE "evidence" ADD COLUMN "period_reason" TEXT;

ALTER TABLE "review_comments" ADD COLUMN "returned_as" JSONB,
ADD COLUMN "response" TEXT NOT NULL DEFAULT '',
ADD COLUMN "answered_at" TIMESTAMP(3);
-- Returns already closed were answered by the resubmission that closed them.
UPDATE "review_comments" SET "answered_at" = "resolved_at" WHERE "is_return" AND "resolved_at" IS NOT NULL;

ALTER TABLE "recognition_decisions" ADD COLUMN "withdrawn_number" TEXT,
ADD COLUMN "withdrawn_on" DATE;

ALTER TABLE "users" ADD COLUMN "email_mode" "EmailMode" NOT NULL DEFAULT 'OFF',
ADD COLUMN "digest_sent_on" DATE;

CREATE TABLE "programme_deadlines" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "due_on" DATE NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "programme_deadlines_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "programme_deadlines_year_kind_key" ON "programme_deadlines"("year", "kind");
ALTER TABLE "programme_deadlines" ADD CONSTRAINT "programme_deadlines_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "key" TEXT NOT NULL,
    "assessment_id" INTEGER,
    "params" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_user_id_key_key" ON "notifications"("user_id", "key");
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "email_outbox" (
    "id" SERIAL NOT NULL,
    "message_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_outbox_message_id_key" ON "email_outbox"("message_id");
CREATE INDEX "email_outbox_sent_at_claimed_until_idx" ON "email_outbox"("sent_at", "claimed_until");
