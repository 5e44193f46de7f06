DROP TABLE legacy_units;
DROP TABLE admin_units;
