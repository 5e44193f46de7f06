ALTER TABLE categories DROP COLUMN nearby_radius_m;
DROP TABLE report_supports;
