//! Demo data: a few hundred realistic reports over every commune and category, loaded once.

use diesel::prelude::*;
use diesel::{self, sql_types};
use hientruong_tests::TestDb;

#[test]
fn demo_data_covers_every_commune_and_category_and_loads_once() {
    let db = TestDb::new();
    let mut conn = db.conn();
    let hash =
        hientruong_app::password::hash_blocking(hientruong_db::fixtures::demo::DEMO_PASSWORD)
            .expect("hash");
    let added = hientruong_db::fixtures::demo::load(&mut conn, &hash).expect("load");
    assert_eq!(added, 320);
    assert_eq!(db.count("reports"), 320);
    assert_eq!(
        db.count("users"),
        (hientruong_db::fixtures::demo::DEMO_RESIDENTS.len()
            + hientruong_db::fixtures::demo::DEMO_STAFF.len()) as i64
    );

    #[derive(QueryableByName)]
    struct Spread {
        #[diesel(sql_type = sql_types::BigInt)]
        communes: i64,
        #[diesel(sql_type = sql_types::BigInt)]
        categories: i64,
        #[diesel(sql_type = sql_types::BigInt)]
        units: i64,
        #[diesel(sql_type = sql_types::BigInt)]
        days: i64,
    }
    let spread: Spread = diesel::sql_query(
        "SELECT count(DISTINCT commune_code) AS communes, count(DISTINCT category_code) AS categories, \
                count(DISTINCT unit_code) AS units, count(DISTINCT created_at::date) AS days FROM reports",
    )
    .get_result(&mut conn)
    .expect("spread");
    assert_eq!(spread.communes, 40);
    assert_eq!(spread.categories, 5);
    assert!(
        spread.units > 40,
        "committees and departments: {}",
        spread.units
    );
    assert!(spread.days > 20, "spread over weeks: {} days", spread.days);

    // Every demo report was routed to the commune that covers it.
    assert_eq!(
        db.count("reports r JOIN admin_units a ON a.id = r.boundary_id WHERE NOT ST_Covers(a.geom, r.location)"),
        0
    );
    assert_eq!(
        hientruong_db::fixtures::demo::load(&mut conn, &hash).expect("load again"),
        0
    );
    assert_eq!(db.count("reports"), 320);
}
