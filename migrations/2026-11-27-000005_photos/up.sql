-- Photos of reports (the resident's) and of resolutions (the officer's "after" photos). Files live
-- in the media store under content-hash keys; a row is written only after its files are stored,
-- in the same transaction as the report it belongs to, so no row points at a missing file.
CREATE TABLE photos (
    id                UUID PRIMARY KEY,
    report_id         UUID NOT NULL REFERENCES reports (id),
    kind              TEXT NOT NULL CHECK (kind IN ('report', 'resolution')),
    uploader_id       UUID NOT NULL REFERENCES users (id),
    -- One per photo: a retried upload finds the photo it already stored.
    idempotency_key   UUID NOT NULL,
    ordinal           INTEGER NOT NULL,
    original_key      TEXT NOT NULL,
    original_sha256   TEXT NOT NULL,
    original_format   TEXT NOT NULL CHECK (original_format IN ('jpeg', 'png', 'webp')),
    original_bytes    INTEGER NOT NULL,
    width             INTEGER NOT NULL,
    height            INTEGER NOT NULL,
    display_key       TEXT NOT NULL,
    display_width     INTEGER NOT NULL,
    display_height    INTEGER NOT NULL,
    thumb_key         TEXT NOT NULL,
    thumb_width       INTEGER NOT NULL,
    thumb_height      INTEGER NOT NULL,
    -- What the original's EXIF said: evidence for IOC staff, never published.
    exif_location     geometry(Point, 4326),
    exif_taken_at     TIMESTAMP,
    exif_camera       TEXT,
    exif_orientation  SMALLINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (report_id, idempotency_key)
);
CREATE INDEX photos_by_report ON photos (report_id, ordinal);
CREATE INDEX photos_original_key ON photos (original_key);
CREATE INDEX photos_display_key ON photos (display_key);
CREATE INDEX photos_thumb_key ON photos (thumb_key);
