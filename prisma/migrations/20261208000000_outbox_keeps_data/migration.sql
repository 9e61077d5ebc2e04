-- The outbox keeps a mail's data, worded when it is sent in the recipient's language
-- (lib/mail/render.ts), not text worded when the event happened. Messages still waiting keep
-- the text they were written with, as a `text` content sent as it is.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("locale" IN ('vi', 'en'));

ALTER TABLE "email_outbox" ADD COLUMN "user_id" INTEGER;
ALTER TABLE "email_outbox" ADD COLUMN "content" JSONB;
UPDATE "email_outbox" SET "content" = jsonb_build_object('type', 'text', 'subject', "subject", 'body', "body");
UPDATE "email_outbox" o SET "user_id" = u."id" FROM "users" u WHERE u."email" = o."recipient";
ALTER TABLE "email_outbox" ALTER COLUMN "content" SET NOT NULL;
ALTER TABLE "email_outbox" DROP COLUMN "subject";
ALTER TABLE "email_outbox" DROP COLUMN "body";

ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
