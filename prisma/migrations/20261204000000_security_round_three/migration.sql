-- Throttles: how many locks a key has had within a day, so each lock lasts twice the one before,
-- and a lock that ran out locks again (lib/domain/throttle.ts).
ALTER TABLE "login_throttles" ADD COLUMN "locks" INTEGER NOT NULL DEFAULT 0;

-- Recovery codes: 80 bits each, stored as salted argon2id hashes. The earlier codes (about 40
-- bits, unsalted SHA-256) cannot be kept: their holders make a new set on the two-factor page.
ALTER TABLE "recovery_codes" ALTER COLUMN "code_hash" TYPE TEXT;
DELETE FROM "recovery_codes";

-- Sensitive actions ask for the password or a code again when the last check is older than a
-- few minutes.
ALTER TABLE "user_sessions" ADD COLUMN "reauthenticated_at" TIMESTAMP(3);

-- A reset account is handed back through a one-time link that its holder uses to set a password
-- (nobody else ever sees one); the link is kept only as a hash.
CREATE TABLE "password_handovers" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "used_ip" TEXT,

    CONSTRAINT "password_handovers_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "password_handovers_token_hash_key" ON "password_handovers"("token_hash");
CREATE INDEX "password_handovers_user_id_idx" ON "password_handovers"("user_id");

ALTER TABLE "password_handovers" ADD CONSTRAINT "password_handovers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "password_handovers" ADD CONSTRAINT "password_handovers_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Evidence bytes are stored before the short transaction that links them to their evidence row
-- (no transaction is held open around a 20 MB file): a blob is complete once `stored_at` is set.
-- Blobs no evidence refers to (an upload refused or cut off) are removed by the background work.
ALTER TABLE "blobs" ADD COLUMN "stored_at" TIMESTAMP(3);
UPDATE "blobs" SET "stored_at" = "created_at";
