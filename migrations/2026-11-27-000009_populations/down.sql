DROP TABLE commune_populations;
