-- What residents can report, who handles it, and the rules that connect the two. All of it is data
-- an administrator maintains; the rows below are the starting configuration for Huế.
CREATE TABLE categories (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,63}$'),
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    urgent     BOOLEAN NOT NULL DEFAULT false,
    active     BOOLEAN NOT NULL DEFAULT true,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE handling_units (
    code         TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    kind         TEXT NOT NULL CHECK (kind IN ('commune_committee', 'department', 'ioc')),
    name_vi      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    email        TEXT NOT NULL CHECK (email LIKE '%_@_%'),
    -- Set for a commune's People's Committee: the commune it governs.
    commune_code TEXT,
    active       BOOLEAN NOT NULL DEFAULT true,
    CHECK ((kind = 'commune_committee') = (commune_code IS NOT NULL))
);
CREATE UNIQUE INDEX handling_units_one_committee_per_commune
    ON handling_units (commune_code) WHERE kind = 'commune_committee';

-- (category, commune or city-wide) -> unit. A commune rule beats a city-wide one; a rule may send
-- reports to a fixed unit or to the People's Committee of the report's own commune.
CREATE TABLE routing_rules (
    id            BIGSERIAL PRIMARY KEY,
    category_code TEXT NOT NULL REFERENCES categories (code),
    commune_code  TEXT,
    target_kind   TEXT NOT NULL CHECK (target_kind IN ('unit', 'commune_committee')),
    target_unit   TEXT REFERENCES handling_units (code),
    valid_from    TIMESTAMPTZ NOT NULL DEFAULT now(),
    valid_to      TIMESTAMPTZ,
    note          TEXT,
    CHECK ((target_kind = 'unit') = (target_unit IS NOT NULL)),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX routing_rules_lookup ON routing_rules (category_code, commune_code);

INSERT INTO categories (code, name_vi, name_en, urgent, sort_order) VALUES
    ('flooding',    'Ngập lụt',  'Flooding',    true,  10),
    ('fire',        'Cháy nổ',   'Fire',        true,  20),
    ('traffic',     'Giao thông', 'Traffic',    false, 30),
    ('environment', 'Môi trường', 'Environment', false, 40),
    ('health',      'Y tế',      'Health',      false, 50);

-- Contact addresses are placeholders on a reserved domain: an administrator sets the real ones.
INSERT INTO handling_units (code, kind, name_vi, name_en, email) VALUES
    ('ioc', 'ioc',
     'Trung tâm Giám sát, điều hành đô thị thông minh (IOC)',
     'Intelligent Operations Center (IOC)', 'ioc@hue.hientruong.invalid'),
    ('so-y-te', 'department', 'Sở Y tế', 'Department of Health', 'so-y-te@hue.hientruong.invalid'),
    ('pccc', 'department',
     'Phòng Cảnh sát PCCC và CNCH, Công an thành phố Huế',
     'Fire Prevention, Firefighting and Rescue Police, Huế City Police', 'pccc@hue.hientruong.invalid'),
    ('bch-pctt', 'department',
     'Ban Chỉ huy Phòng thủ dân sự, Phòng chống thiên tai và TKCN thành phố',
     'City Civil Defence, Flood and Storm Control Command', 'bch-pctt@hue.hientruong.invalid'),
    ('csgt', 'department',
     'Phòng Cảnh sát giao thông, Công an thành phố Huế',
     'Traffic Police, Huế City Police', 'csgt@hue.hientruong.invalid'),
    ('so-nn-mt', 'department', 'Sở Nông nghiệp và Môi trường',
     'Department of Agriculture and Environment', 'so-nn-mt@hue.hientruong.invalid');

-- Flooding and environment are local first: the commune's People's Committee organises the
-- response and calls on the city when it must. Fire goes straight to the fire and rescue police,
-- health to the health department, traffic hazards to the traffic police.
INSERT INTO routing_rules (category_code, commune_code, target_kind, target_unit, valid_from, note) VALUES
    ('flooding',    NULL, 'commune_committee', NULL,      '2025-07-01 00:00+07', 'UBND xã/phường tại chỗ'),
    ('environment', NULL, 'commune_committee', NULL,      '2025-07-01 00:00+07', 'UBND xã/phường tại chỗ'),
    ('fire',        NULL, 'unit',              'pccc',    '2025-07-01 00:00+07', 'PCCC và CNCH'),
    ('health',      NULL, 'unit',              'so-y-te', '2025-07-01 00:00+07', 'Sở Y tế'),
    ('traffic',     NULL, 'unit',              'csgt',    '2025-07-01 00:00+07', 'CSGT');
