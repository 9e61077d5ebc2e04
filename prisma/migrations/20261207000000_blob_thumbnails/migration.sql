-- A small preview of an evidence image, made on its first showing (lib/files/thumbnail.ts) and
-- kept with the bytes it shows: removed with them.
CREATE TABLE "blob_thumbnails" (
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "blob_thumbnails_pkey" PRIMARY KEY ("sha256")
);

ALTER TABLE "blob_thumbnails" ADD CONSTRAINT "blob_thumbnails_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blobs"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;
