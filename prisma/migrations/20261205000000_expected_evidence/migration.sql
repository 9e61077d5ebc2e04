-- Expected evidence is checked (lib/domain/evidence-check.ts): a criterion set may require
-- evidence for a criterion, and every dossier keeps how many of its criteria that are due have
-- none, in step with its results and evidence, so the queue counts them without a scan.
ALTER TABLE "criteria" ADD COLUMN "evidence_required" BOOLEAN NOT NULL DEFAULT false;
-- What evidence is expected, in English too (the English sheet showed it in Vietnamese).
ALTER TABLE "criteria" ADD COLUMN "evidence_guidance_en" TEXT NOT NULL DEFAULT '';
ALTER TABLE "assessments" ADD COLUMN "bare_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "assessments" a SET "bare_count" = (
  SELECT count(*) FROM "criterion_results" r
  WHERE r."assessment_id" = a."id"
    AND r."state" <> 'NOT_DUE'
    AND NOT EXISTS (
      SELECT 1 FROM "evidence" e WHERE e."result_id" = r."id" AND e."removed_at" IS NULL
    )
);
