-- Only used by bench/tenancy/run.sh: a pending tenant migration, so the restart has 1,000 schemas to migrate.
CREATE TABLE bench_marker (id INTEGER NOT NULL PRIMARY KEY);
