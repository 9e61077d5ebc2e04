-- Where a blob's bytes are: in blob_chunks (the default) or on S3-compatible object storage
-- (lib/data/evidence/blob-store.ts). Each blob says so itself, so evidence stays readable while
-- `npm run evidence:move` carries it from one store to the other.
CREATE TYPE "BlobLocation" AS ENUM ('DATABASE', 'S3');

ALTER TABLE "blobs" ADD COLUMN "location" "BlobLocation" NOT NULL DEFAULT 'DATABASE';
