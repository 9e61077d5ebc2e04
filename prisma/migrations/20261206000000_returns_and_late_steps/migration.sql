-- A return carries its own date ("sửa trước ngày …"), who returned the dossier and from which
-- status: a dossier the Ministry returned goes back to the Ministry when fixed
-- (lib/domain/workflow.ts resolveStep).
ALTER TABLE "assessments" ADD COLUMN "fix_by" DATE;
ALTER TABLE "assessments" ADD COLUMN "returned_by" "ReviewStage";
ALTER TABLE "assessments" ADD COLUMN "returned_from" "AssessmentStatus";

-- Dossiers returned before this change: who returned them follows from the status they left.
UPDATE "assessments" a
SET "returned_from" = t."from_status",
    "returned_by" = CASE WHEN t."from_status" IN ('PROPOSED', 'INSPECTING')
      THEN 'MINISTRY'::"ReviewStage" ELSE 'PROVINCE'::"ReviewStage" END
FROM (
  SELECT DISTINCT ON ("assessment_id") "assessment_id", "from_status"
  FROM "workflow_transitions"
  WHERE "to_status" = 'RETURNED'
  ORDER BY "assessment_id", "created_at" DESC, "id" DESC
) t
WHERE a."id" = t."assessment_id" AND a."status" = 'RETURNED';

-- The Ministry may close a date: after it, registering or submitting is refused instead of
-- asking for a reason (lib/domain/calendar.ts latenessOf).
ALTER TABLE "programme_deadlines" ADD COLUMN "closes" BOOLEAN NOT NULL DEFAULT false;

-- The province is told when a dossier the Ministry returned goes back to the Ministry.
ALTER TYPE "NotificationKind" ADD VALUE 'RESUBMITTED';
