-- A counter per today's province, raised in the same transaction as every write that changes
-- what its ward table shows (lib/data/progress-summary.ts). Pages keep what they read under the
-- counter's value, so every instance sees a change on its next read.
CREATE TABLE "progress_versions" (
    "province_id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "progress_versions_pkey" PRIMARY KEY ("province_id")
);
