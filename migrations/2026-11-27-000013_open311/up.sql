-- Open311 GeoReport v2: client applications with API keys, the groups and extra questions of the
-- categories (Open311 "services"), and what an Open311 client sent about its reporter.

-- A client application's account: the reporter of record of the reports the application posts.
-- It can never log in (always disabled) and is not a resident, so it is not counted as one.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('resident', 'officer', 'unit_manager', 'ioc_operator', 'admin', 'client'));
ALTER TABLE users ADD CONSTRAINT users_client_disabled
    CHECK (role <> 'client' OR disabled_at IS NOT NULL);

-- Keys are 200-bit random secrets, stored as SHA-256 hashes (a fast hash is enough for a secret
-- nobody chose); `prefix` (the first characters) lets people tell keys apart in lists and logs.
CREATE TABLE api_keys (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix      TEXT NOT NULL,
    key_hash    BYTEA NOT NULL UNIQUE,
    account_id  UUID NOT NULL UNIQUE REFERENCES users (id),
    created_by  UUID REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (lower(name)) WHERE revoked_at IS NULL;

-- Open311 service groups.
ALTER TABLE categories ADD COLUMN group_vi TEXT NOT NULL DEFAULT 'Khác';
ALTER TABLE categories ADD COLUMN group_en TEXT NOT NULL DEFAULT 'Other';
UPDATE categories SET group_vi = 'Thiên tai và sự cố', group_en = 'Disasters and emergencies'
    WHERE code IN ('flooding', 'fire');
UPDATE categories SET group_vi = 'Hạ tầng và giao thông', group_en = 'Infrastructure and traffic'
    WHERE code = 'traffic';
UPDATE categories SET group_vi = 'Môi trường và sức khỏe', group_en = 'Environment and health'
    WHERE code IN ('environment', 'health');

-- Extra questions of a category (Open311 attributes). `choices` lists the allowed answers of the
-- list types as [{"key": …, "name_vi": …, "name_en": …}].
CREATE TABLE category_questions (
    category_code  TEXT NOT NULL REFERENCES categories (code),
    code           TEXT NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    datatype       TEXT NOT NULL
        CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
    required       BOOLEAN NOT NULL DEFAULT false,
    description_vi TEXT NOT NULL,
    description_en TEXT NOT NULL,
    choices        JSONB NOT NULL DEFAULT '[]',
    sort_order     INTEGER NOT NULL,
    PRIMARY KEY (category_code, code),
    CHECK ((datatype IN ('singlevaluelist', 'multivaluelist')) = (jsonb_array_length(choices) > 0))
);

INSERT INTO category_questions
    (category_code, code, datatype, required, description_vi, description_en, choices, sort_order)
VALUES
    ('flooding', 'water_depth_cm', 'number', false,
     'Nước sâu khoảng bao nhiêu xentimét?', 'About how deep is the water, in centimetres?', '[]', 10),
    ('flooding', 'passable', 'singlevaluelist', false,
     'Xe máy còn đi qua được không?', 'Can motorbikes still get through?',
     '[{"key": "yes", "name_vi": "Còn đi được", "name_en": "Yes"},
       {"key": "no", "name_vi": "Không đi được", "name_en": "No"}]', 20),
    ('fire', 'people_trapped', 'singlevaluelist', true,
     'Có người bị mắc kẹt không?', 'Is anyone trapped?',
     '[{"key": "yes", "name_vi": "Có", "name_en": "Yes"},
       {"key": "no", "name_vi": "Không", "name_en": "No"},
       {"key": "unknown", "name_vi": "Không rõ", "name_en": "Not known"}]', 10),
    ('traffic', 'hazard', 'multivaluelist', false,
     'Loại nguy hiểm', 'Kind of hazard',
     '[{"key": "pothole", "name_vi": "Ổ gà", "name_en": "Pothole"},
       {"key": "signal", "name_vi": "Đèn tín hiệu hỏng", "name_en": "Broken signal"},
       {"key": "fallen_tree", "name_vi": "Cây đổ", "name_en": "Fallen tree"},
       {"key": "obstruction", "name_vi": "Vật cản trên đường", "name_en": "Obstruction"}]', 10);

-- What an Open311 client sent with a report beyond the report itself: who the reporter is (for
-- officers to contact; never published), the answers to the category's questions, and a link to
-- media hosted elsewhere (not fetched).
CREATE TABLE report_submissions (
    report_id   UUID PRIMARY KEY REFERENCES reports (id),
    api_key_id  UUID NOT NULL REFERENCES api_keys (id),
    -- Open311's token of the posting: derived from the application and its idempotency key.
    token       UUID NOT NULL UNIQUE,
    email       TEXT,
    first_name  TEXT,
    last_name   TEXT,
    phone       TEXT,
    device_id   TEXT,
    account_id  TEXT,
    media_url   TEXT,
    answers     JSONB NOT NULL DEFAULT '{}'
);

-- FixMyStreet's updates extension reads the public changes of reports by time.
CREATE INDEX report_events_public_changes ON report_events (at, id)
    WHERE public AND to_status IS NOT NULL AND kind <> 'received';
