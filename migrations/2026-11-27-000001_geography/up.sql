-- Administrative units (communes/wards) with versioned boundaries. A boundary version is valid on
-- local (Asia/Ho_Chi_Minh) dates [valid_from, valid_to); reports keep the version they were routed
-- with, so statistics survive a reorganisation.
CREATE TABLE admin_units (
    id            BIGSERIAL PRIMARY KEY,
    code          TEXT NOT NULL CHECK (code ~ '^[0-9]{5}$'),
    name          TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    full_name_en  TEXT NOT NULL,
    name_ascii    TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('phuong', 'xa')),
    province_code TEXT NOT NULL,
    area_km2      DOUBLE PRECISION,
    geom          geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    -- md5 of the properties and geometry as imported, so that re-importing the same file is a no-op.
    content_hash  TEXT NOT NULL,
    valid_from    DATE NOT NULL,
    valid_to      DATE,
    source        TEXT NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_units_geom_gist ON admin_units USING gist (geom);
CREATE UNIQUE INDEX admin_units_code_version ON admin_units (code, valid_from);
CREATE UNIQUE INDEX admin_units_one_open_version ON admin_units (code) WHERE valid_to IS NULL;

-- Communes of the pre-2025 structure and the current commune each merged into.
CREATE TABLE legacy_units (
    old_code          TEXT NOT NULL,
    old_name          TEXT NOT NULL,
    old_type          TEXT NOT NULL,
    old_district_code TEXT NOT NULL,
    old_district_name TEXT NOT NULL,
    new_code          TEXT NOT NULL,
    merge_type        TEXT NOT NULL,
    PRIMARY KEY (old_code, new_code)
);
CREATE INDEX legacy_units_new_code ON legacy_units (new_code);
