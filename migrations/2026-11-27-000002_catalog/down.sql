DROP TABLE routing_rules;
DROP TABLE handling_units;
DROP TABLE categories;
