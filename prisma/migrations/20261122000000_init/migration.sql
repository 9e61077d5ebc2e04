-- Validity dates are part of the keys below, and a missing date must count as a value:
-- hence NULLS NOT DISTINCT on those unique indexes (PostgreSQL 15+).
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('PHUONG', 'XA', 'DAC_KHU');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('BOOLEAN', 'PERCENT', 'COUNT', 'CHANGE', 'RATING');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('EQ', 'GTE', 'GT', 'LTE', 'LT');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'PROPOSED', 'INSPECTING', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ResultState" AS ENUM ('NOT_ASSESSED', 'IN_PROGRESS', 'MET', 'NOT_MET', 'NOT_DUE');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('FILE', 'LINK', 'NOTE');

-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('PROVINCE', 'MINISTRY');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('PERCENT', 'COUNT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER');

-- CreateTable
CREATE TABLE "provinces" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "is_city" BOOLEAN NOT NULL DEFAULT false,
    "search_key" TEXT NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "provinces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "type" "UnitType" NOT NULL,
    "province_id" INTEGER NOT NULL,
    "search_key" TEXT NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_lineage" (
    "id" SERIAL NOT NULL,
    "old_unit_id" INTEGER NOT NULL,
    "new_unit_id" INTEGER NOT NULL,
    "effective_date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criteria_sets" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "issuing_document" TEXT NOT NULL,
    "is_provisional" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "criteria_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criteria_set_years" (
    "year" INTEGER NOT NULL,
    "criteria_set_id" INTEGER NOT NULL,

    CONSTRAINT "criteria_set_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "pillars" (
    "id" SERIAL NOT NULL,
    "criteria_set_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "pillars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criteria" (
    "id" SERIAL NOT NULL,
    "criteria_set_id" INTEGER NOT NULL,
    "pillar_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    "evidence_guidance" TEXT NOT NULL DEFAULT '',
    "measure_kind" "MeasureKind" NOT NULL,
    "comparator" "Comparator",
    "threshold" DOUBLE PRECISION,
    "rating_scale" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rating_scale_en" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_provisional" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "criteria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessments" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "criteria_set_id" INTEGER NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "total_criteria" INTEGER NOT NULL DEFAULT 0,
    "met_count" INTEGER NOT NULL DEFAULT 0,
    "not_met_count" INTEGER NOT NULL DEFAULT 0,
    "not_due_count" INTEGER NOT NULL DEFAULT 0,
    "in_progress_count" INTEGER NOT NULL DEFAULT 0,
    "is_attained" BOOLEAN NOT NULL DEFAULT false,
    "registered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registered_by_id" INTEGER,
    "submitted_at" TIMESTAMP(3),
    "status_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_results" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "state" "ResultState" NOT NULL DEFAULT 'NOT_ASSESSED',
    "value" DOUBLE PRECISION,
    "baseline" DOUBLE PRECISION,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_reopened" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "criterion_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" SERIAL NOT NULL,
    "result_id" INTEGER NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "period_from" DATE,
    "period_to" DATE,
    "url" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "file_name" TEXT,
    "mime_type" TEXT,
    "size" INTEGER,
    "sha256" CHAR(64),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),
    "removed_by_id" INTEGER,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blobs" (
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blobs_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "review_comments" (
    "id" SERIAL NOT NULL,
    "result_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "stage" "ReviewStage" NOT NULL,
    "is_return" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_transitions" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "from_status" "AssessmentStatus" NOT NULL,
    "to_status" "AssessmentStatus" NOT NULL,
    "actor_id" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition_decisions" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMP(3),
    "withdrawn_reason" TEXT,
    "withdrawn_by_id" INTEGER,

    CONSTRAINT "recognition_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "targets" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER,
    "year" INTEGER NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source_document" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "province_id" INTEGER,
    "unit_id" INTEGER,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "password_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "province_code" VARCHAR(2),
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(12) NOT NULL,
    "province_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "provinces_code_valid_from_key" ON "provinces"("code", "valid_from") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "units_province_id_type_idx" ON "units"("province_id", "type");

-- CreateIndex
CREATE INDEX "units_code_idx" ON "units"("code");

-- CreateIndex
CREATE UNIQUE INDEX "units_code_valid_from_key" ON "units"("code", "valid_from") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "unit_lineage_new_unit_id_idx" ON "unit_lineage"("new_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_lineage_old_unit_id_new_unit_id_key" ON "unit_lineage"("old_unit_id", "new_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "criteria_sets_code_key" ON "criteria_sets"("code");

-- CreateIndex
CREATE INDEX "criteria_set_years_criteria_set_id_idx" ON "criteria_set_years"("criteria_set_id");

-- CreateIndex
CREATE UNIQUE INDEX "pillars_criteria_set_id_position_key" ON "pillars"("criteria_set_id", "position");

-- CreateIndex
CREATE INDEX "criteria_pillar_id_idx" ON "criteria"("pillar_id");

-- CreateIndex
CREATE UNIQUE INDEX "criteria_criteria_set_id_number_key" ON "criteria"("criteria_set_id", "number");

-- CreateIndex
CREATE INDEX "assessments_year_status_idx" ON "assessments"("year", "status");

-- CreateIndex
CREATE INDEX "assessments_criteria_set_id_idx" ON "assessments"("criteria_set_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessments_unit_id_year_key" ON "assessments"("unit_id", "year");

-- CreateIndex
CREATE INDEX "criterion_results_criterion_id_state_idx" ON "criterion_results"("criterion_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_results_assessment_id_criterion_id_key" ON "criterion_results"("assessment_id", "criterion_id");

-- CreateIndex
CREATE INDEX "evidence_result_id_idx" ON "evidence"("result_id");

-- CreateIndex
CREATE INDEX "evidence_sha256_idx" ON "evidence"("sha256");

-- CreateIndex
CREATE INDEX "review_comments_result_id_idx" ON "review_comments"("result_id");

-- CreateIndex
CREATE INDEX "workflow_transitions_assessment_id_created_at_idx" ON "workflow_transitions"("assessment_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_decisions_assessment_id_key" ON "recognition_decisions"("assessment_id");

-- CreateIndex
CREATE INDEX "recognition_decisions_year_idx" ON "recognition_decisions"("year");

-- CreateIndex
CREATE UNIQUE INDEX "targets_province_id_year_key" ON "targets"("province_id", "year") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_province_id_idx" ON "users"("province_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_entity_entity_id_idx" ON "audit_events"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_province_code_at_idx" ON "audit_events"("province_code", "at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_old_unit_id_fkey" FOREIGN KEY ("old_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_new_unit_id_fkey" FOREIGN KEY ("new_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criteria_set_years" ADD CONSTRAINT "criteria_set_years_criteria_set_id_fkey" FOREIGN KEY ("criteria_set_id") REFERENCES "criteria_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pillars" ADD CONSTRAINT "pillars_criteria_set_id_fkey" FOREIGN KEY ("criteria_set_id") REFERENCES "criteria_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_criteria_set_id_fkey" FOREIGN KEY ("criteria_set_id") REFERENCES "criteria_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_criteria_set_id_fkey" FOREIGN KEY ("criteria_set_id") REFERENCES "criteria_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_registered_by_id_fkey" FOREIGN KEY ("registered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_results" ADD CONSTRAINT "criterion_results_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_results" ADD CONSTRAINT "criterion_results_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_results" ADD CONSTRAINT "criterion_results_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "criterion_results"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blobs"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "criterion_results"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_transitions" ADD CONSTRAINT "workflow_transitions_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_transitions" ADD CONSTRAINT "workflow_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_decisions" ADD CONSTRAINT "recognition_decisions_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_decisions" ADD CONSTRAINT "recognition_decisions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_decisions" ADD CONSTRAINT "recognition_decisions_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Audit events are append-only: nothing in the app, nor a stray SQL session, may rewrite history.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
