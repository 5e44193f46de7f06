//! Every migration's down undoes its up, exactly; and the seeded configuration is sensible.

use diesel::prelude::*;
use diesel::{self, sql_types};
use hientruong_db::migrations::step as harness;
use hientruong_tests::TestDb;

/// A description of everything in the `public` schema that a migration can create or change.
fn schema_snapshot(conn: &mut PgConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = sql_types::Text)]
        line: String,
    }
    let sql = "\
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable \
               || ' default=' || coalesce(column_default, '') AS line \
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'spatial_ref_sys' \
        UNION ALL \
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' \
        UNION ALL \
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) \
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'spatial_ref_sys' \
        UNION ALL \
        SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' \
        UNION ALL \
        SELECT 'view ' || table_name FROM information_schema.views WHERE table_schema = 'public' \
          AND table_name NOT IN ('geography_columns', 'geometry_columns') \
        UNION ALL \
        SELECT 'trigger ' || event_object_table || ' ' || trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public' \
        UNION ALL \
        SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p \
          WHERE p.pronamespace = 'public'::regnamespace \
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') \
        ORDER BY 1";
    diesel::sql_query(sql)
        .load::<Line>(conn)
        .expect("snapshot")
        .into_iter()
        .map(|l| l.line)
        // Diesel's bookkeeping and PostGIS's own catalog views are not part of the schema.
        .filter(|l| {
            ![
                "__diesel_schema_migrations",
                "geography_columns",
                "geometry_columns",
            ]
            .iter()
            .any(|x| l.contains(x))
        })
        .collect()
}

#[test]
fn every_down_migration_undoes_its_up() {
    let db = TestDb::empty();
    let mut conn = db.conn();
    hientruong_db::migrations::ensure_postgis(&mut conn).expect("postgis");
    let migrations = harness::all().expect("list migrations");
    assert!(migrations.len() >= 4, "{} migrations", migrations.len());
    for index in 0..migrations.len() {
        let before = schema_snapshot(&mut conn);
        harness::run_one(&mut conn, index).expect("up");
        let after_up = schema_snapshot(&mut conn);
        assert_ne!(before, after_up, "migration {index} changed nothing");
        harness::revert_last(&mut conn).expect("down");
        assert_eq!(
            schema_snapshot(&mut conn),
            before,
            "down of migration {index} does not undo its up"
        );
        harness::run_one(&mut conn, index).expect("up again");
        assert_eq!(
            schema_snapshot(&mut conn),
            after_up,
            "up of migration {index} is not repeatable after down"
        );
    }
    // And everything down from the top leaves the schema empty.
    for _ in 0..migrations.len() {
        harness::revert_last(&mut conn).expect("down");
    }
    let left = schema_snapshot(&mut conn);
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_seeded_routing_is_sensible_for_hue() {
    let db = TestDb::new();
    let mut conn = db.conn();
    #[derive(QueryableByName, Debug, PartialEq)]
    struct Rule {
        #[diesel(sql_type = sql_types::Text)]
        category_code: String,
        #[diesel(sql_type = sql_types::Text)]
        target: String,
    }
    let rules: Vec<Rule> = diesel::sql_query(
        "SELECT category_code, coalesce(target_unit, target_kind) AS target FROM routing_rules \
         WHERE commune_code IS NULL ORDER BY category_code",
    )
    .load(&mut conn)
    .expect("rules");
    let pairs: Vec<(&str, &str)> = rules
        .iter()
        .map(|r| (r.category_code.as_str(), r.target.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("environment", "commune_committee"),
            ("fire", "pccc"),
            ("flooding", "commune_committee"),
            ("health", "so-y-te"),
            ("traffic", "csgt"),
        ]
    );
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = sql_types::BigInt)]
        n: i64,
    }
    let committees: N = diesel::sql_query(
        "SELECT count(*) AS n FROM handling_units h JOIN admin_units a ON a.code = h.commune_code AND a.valid_to IS NULL \
         WHERE h.kind = 'commune_committee'",
    )
    .get_result(&mut conn)
    .expect("committees");
    assert_eq!(committees.n, 40, "every commune has its People's Committee");
    let legacy: N =
        diesel::sql_query("SELECT count(DISTINCT old_code || new_code) AS n FROM legacy_units")
            .get_result(&mut conn)
            .expect("legacy");
    assert_eq!(
        legacy.n, 134,
        "every pre-2025 commune maps to its successor"
    );
    let urgent: N = diesel::sql_query(
        "SELECT count(*) AS n FROM categories WHERE urgent AND code IN ('fire', 'flooding')",
    )
    .get_result(&mut conn)
    .expect("urgent");
    assert_eq!(urgent.n, 2);
}
