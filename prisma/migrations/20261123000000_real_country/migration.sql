-- The real country: former units (with thị trấn and districts), designated successors of split
-- units, type changes by date, provenance of assessments, and a record of loaded reference data.
-- Placeholder demo units (codes 9xxxx, is_sample) are retired by the seed, which replaces the demo.

-- AlterEnum
ALTER TYPE "UnitType" ADD VALUE 'THI_TRAN';

-- CreateEnum
CREATE TYPE "SuccessorBasis" AS ENUM ('SOLE', 'CODE', 'NAME', 'NEAREST_CODE', 'FILE', 'ADMIN');

-- CreateEnum
CREATE TYPE "AssessmentOrigin" AS ENUM ('RECORDED', 'REPORTED', 'DEMO');

-- AlterTable
ALTER TABLE "provinces" ADD COLUMN     "successor_id" INTEGER;

-- AlterTable
ALTER TABLE "units" DROP COLUMN "is_sample",
ADD COLUMN     "district_name" TEXT,
ADD COLUMN     "counts_under_id" INTEGER,
ADD COLUMN     "successor_basis" "SuccessorBasis";

-- AlterTable
ALTER TABLE "assessments" ADD COLUMN     "origin" "AssessmentOrigin" NOT NULL DEFAULT 'RECORDED';

-- CreateTable
CREATE TABLE "unit_type_changes" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "effective_date" DATE NOT NULL,
    "from_type" "UnitType" NOT NULL,
    "to_type" "UnitType" NOT NULL,
    "basis" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_type_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_data" (
    "name" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "rows" INTEGER NOT NULL,
    "applied_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_data_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "units_counts_under_id_idx" ON "units"("counts_under_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_type_changes_unit_id_effective_date_key" ON "unit_type_changes"("unit_id", "effective_date");

-- AddForeignKey
ALTER TABLE "provinces" ADD CONSTRAINT "provinces_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "provinces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_counts_under_id_fkey" FOREIGN KEY ("counts_under_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_type_changes" ADD CONSTRAINT "unit_type_changes_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing lineage: a former unit with one successor counts under it.
UPDATE "units" u SET "counts_under_id" = l."new_unit_id", "successor_basis" = 'SOLE'
  FROM "unit_lineage" l
 WHERE l."old_unit_id" = u."id"
   AND (SELECT count(*) FROM "unit_lineage" x WHERE x."old_unit_id" = u."id") = 1;
