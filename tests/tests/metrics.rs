//! The domain's percentile arithmetic agrees with PostgreSQL's `percentile_cont`, which the
//! statistics queries use: the same figure whether computed in Rust or in SQL.

use diesel::prelude::*;
use diesel::sql_types::{Array, Double, Nullable};
use hientruong_domain::metrics::{median, percentile_cont};
use hientruong_tests::TestDb;

#[derive(QueryableByName)]
struct Percentiles {
    #[diesel(sql_type = Nullable<Double>)]
    p50: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    p90: Option<f64>,
}

#[test]
fn rust_and_postgresql_percentiles_agree() {
    let db = TestDb::new();
    let mut conn = db.conn();
    // Fixed pseudo-random samples of every size from 1 to 40 (odd and even counts, ties).
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for n in 1..=40usize {
        let values: Vec<f64> = (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                ((seed % 10_000) as f64) / 7.0
            })
            .collect();
        let sql: Percentiles = diesel::sql_query(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p50, \
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY x) AS p90 FROM unnest($1) AS x",
        )
        .bind::<Array<Double>, _>(&values)
        .get_result(&mut conn)
        .expect("percentiles");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            _ => false,
        };
        assert!(
            close(sql.p50, median(&values)),
            "n={n}: {:?} vs {:?}",
            sql.p50,
            median(&values)
        );
        assert!(
            close(sql.p90, percentile_cont(&values, 0.9)),
            "n={n}: {:?} vs {:?}",
            sql.p90,
            percentile_cont(&values, 0.9)
        );
    }
}
