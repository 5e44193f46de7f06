-- Population per commune, set by an administrator (from the statistics office): the basis of the
-- engagement index's participation per 1,000 residents.
CREATE TABLE commune_populations (
    commune_code TEXT PRIMARY KEY CHECK (commune_code ~ '^[0-9]{5}$'),
    population   INTEGER NOT NULL CHECK (population > 0),
    as_of        DATE NOT NULL,
    source       TEXT CHECK (char_length(source) <= 500)
);
