//! Embedded migrations: the binary carries `migrations/` and applies what is pending.

use diesel::PgConnection;
use diesel::prelude::*;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

pub type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Ensures PostGIS is present, then applies pending migrations; returns the versions applied.
pub fn run_pending(conn: &mut PgConnection) -> Result<Vec<String>, MigrationError> {
    ensure_postgis(conn)?;
    let applied = conn.run_pending_migrations(MIGRATIONS)?;
    Ok(applied.iter().map(|v| v.to_string()).collect())
}

/// PostGIS is a prerequisite of the schema, not part of it (the deployment's database image or the
/// managed cluster provides it), so it is created here rather than by a reversible migration.
pub fn ensure_postgis(conn: &mut PgConnection) -> Result<(), MigrationError> {
    diesel::sql_query("CREATE EXTENSION IF NOT EXISTS postgis")
        .execute(conn)
        .map_err(|e| {
            format!(
                "the PostGIS extension is not available in this database ({e}); on Debian/Ubuntu \
                 install the package postgresql-15-postgis-3 (matching your PostgreSQL version)"
            )
        })?;
    Ok(())
}

/// Step-by-step access to the embedded migrations, for the test that checks each down undoes its up.
pub mod step {
    use diesel::migration::{Migration, MigrationSource};
    use diesel::pg::Pg;

    use super::*;

    /// The embedded migrations in order.
    pub fn all() -> Result<Vec<String>, MigrationError> {
        let list: Vec<Box<dyn Migration<Pg>>> = MigrationSource::<Pg>::migrations(&MIGRATIONS)?;
        Ok(list.iter().map(|m| m.name().to_string()).collect())
    }

    /// Applies the migration at `index` (the previous ones must be applied).
    pub fn run_one(conn: &mut PgConnection, index: usize) -> Result<(), MigrationError> {
        let list: Vec<Box<dyn Migration<Pg>>> = MigrationSource::<Pg>::migrations(&MIGRATIONS)?;
        let migration = list.get(index).ok_or("no such migration")?;
        // Creates the bookkeeping table when this is the first migration.
        conn.applied_migrations()?;
        conn.run_migration(migration.as_ref())?;
        Ok(())
    }

    /// Reverts the newest applied migration.
    pub fn revert_last(conn: &mut PgConnection) -> Result<(), MigrationError> {
        conn.revert_last_migration(MIGRATIONS)?;
        Ok(())
    }
}
