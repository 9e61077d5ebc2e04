-- Evidence bytes are kept in pieces of at most 1 MiB (lib/data/blob-store.ts), so a 20 MB file is
-- written from a staged upload and read back for a download one piece at a time, never whole.
CREATE TABLE "blob_chunks" (
    "sha256" CHAR(64) NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "blob_chunks_pkey" PRIMARY KEY ("sha256","seq")
);

ALTER TABLE "blob_chunks" ADD CONSTRAINT "blob_chunks_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blobs"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bytes stored whole before this migration are cut into the same pieces.
INSERT INTO "blob_chunks" ("sha256", "seq", "data")
SELECT b."sha256", s.i, substring(b."data" FROM s.i * 1048576 + 1 FOR 1048576)
FROM "blobs" b
CROSS JOIN LATERAL generate_series(0, greatest((length(b."data") - 1) / 1048576, 0)) AS s(i);

ALTER TABLE "blobs" DROP COLUMN "data";
