-- AlterTable
ALTER TABLE "assessments" ADD COLUMN     "criteria_short" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "province_year_progress" (
    "lineage" BOOLEAN NOT NULL,
    "year" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "today_province_id" INTEGER NOT NULL,
    "wards" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL,
    "attained" INTEGER NOT NULL,
    "recognised" INTEGER NOT NULL,
    "provisional" INTEGER NOT NULL,

    CONSTRAINT "province_year_progress_pkey" PRIMARY KEY ("lineage","year","province_id","today_province_id")
);

-- CreateTable
CREATE TABLE "criterion_year_progress" (
    "year" INTEGER NOT NULL,
    "today_province_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "assessed" INTEGER NOT NULL,

    CONSTRAINT "criterion_year_progress_pkey" PRIMARY KEY ("year","today_province_id","criterion_id")
);

-- CreateIndex
CREATE INDEX "province_year_progress_today_province_id_idx" ON "province_year_progress"("today_province_id");

-- CreateIndex
CREATE INDEX "criterion_year_progress_today_province_id_idx" ON "criterion_year_progress"("today_province_id");

-- CreateIndex
CREATE INDEX "assessments_year_criteria_short_unit_id_idx" ON "assessments"("year", "criteria_short", "unit_id");


-- Existing assessments: the gap to attainment, as every write now keeps it.
UPDATE "assessments" SET "criteria_short" = GREATEST(0, "total_criteria" - "met_count");
