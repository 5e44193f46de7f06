-- Where the public sees a report: its position snapped to a grid of 0.0001° (about 11 m north-south
-- and 10.7 m east-west in Huế), so that a report made at a resident's door, or from a photo's EXIF,
-- does not publish the door. The reporter and staff see `location`, exact. Public filters (a map's
-- box, "already reported?") use this column too, so that narrowing them cannot find the exact
-- point either (docs/privacy.md).
ALTER TABLE reports
    ADD COLUMN public_location geometry(Point, 4326) NOT NULL
        GENERATED ALWAYS AS (ST_SnapToGrid(location, 0.0001)) STORED;
CREATE INDEX reports_public_location ON reports USING gist (public_location);
