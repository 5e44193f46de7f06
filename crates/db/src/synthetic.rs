//! Synthetic history for measuring and trying the statistics at scale (`hientruong generate`):
//! reports spread over Huế's communes and a span of days, more of them in the flood season
//! (September to December) and as the platform grows, each with a plausible handling history
//! (acceptance, transfers, rejections, duplicates, resolutions, ratings, reopenings) written as
//! the same rows the application writes: the report, its events, its rating and its
//! `ticket_facts` (computed by the same [`handling_facts`]), with deadlines from the real SLA
//! policies and holiday calendar.
//!
//! The random choices come from a seeded generator. The residents and officers it creates have logins under
//! `synthetic.invalid` and an unusable password. Its events are not announced on the live stream.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Text};
use hientruong_domain::metrics::{EventFact, handling_facts};
use hientruong_domain::report::Position;
use hientruong_domain::report::Status;
use hientruong_domain::sla::{Calendar, ClockKind, vn_offset};
use hientruong_domain::ticket::{Allowance, Deadlines};
use postgis_diesel::types::Point;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use uuid::Uuid;

use crate::Error;
use crate::facts::FactsRow;
use crate::schema::{ratings, report_events, reports, ticket_facts, users};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How many reports.
    pub reports: usize,
    /// Over how many days, ending at `end`.
    pub days: i64,
    pub end: DateTime<Utc>,
    pub seed: u64,
}

/// A commune: its boundary, a weight (wards see more reports) and points inside it.
struct Commune {
    code: String,
    boundary_id: i64,
    weight: f64,
    points: Vec<(f64, f64)>,
}

struct Category {
    code: String,
    urgent: bool,
    allowance: Allowance,
    texts: Vec<&'static str>,
}

/// A report's routing, decided once per category and commune with the real rules.
struct Routed {
    unit: String,
    rule_id: Option<i64>,
    reason: &'static str,
}

/// Everything a batch draws from, prepared once.
pub struct World {
    settings: Settings,
    rng: StdRng,
    calendar: Calendar,
    communes: Vec<Commune>,
    commune_weight: f64,
    categories: Vec<Category>,
    routes: HashMap<(usize, usize), Routed>,
    /// Each unit's officer (the actor of its events) and how fast it works (a factor on delays).
    officers: HashMap<String, (Uuid, f64)>,
    units: Vec<String>,
    residents: Vec<Uuid>,
    /// Reports already written in this run, for duplicates.
    previous: Vec<Uuid>,
}

/// The first `points` random points inside each current commune.
const POINTS_PER_COMMUNE: i32 = 200;
const RESIDENT_LOGIN_DOMAIN: &str = "synthetic.invalid";

/// Prepares the generation: the calendar, the policies, the routes, and the synthetic residents
/// (one per eight reports) and officers (one per unit), created unless they exist.
pub fn prepare(
    conn: &mut PgConnection,
    settings: Settings,
    password_hash: &str,
) -> Result<World, Error> {
    let mut rng = StdRng::seed_from_u64(settings.seed);
    let calendar = crate::sla::calendar(conn)?;
    #[derive(QueryableByName)]
    struct PointRow {
        #[diesel(sql_type = Text)]
        code: String,
        #[diesel(sql_type = BigInt)]
        boundary_id: i64,
        #[diesel(sql_type = Text)]
        level: String,
        #[diesel(sql_type = Double)]
        lat: f64,
        #[diesel(sql_type = Double)]
        lon: f64,
    }
    let rows: Vec<PointRow> = diesel::sql_query(
        "SELECT a.code, a.id AS boundary_id, a.level, ST_Y(p.geom) AS lat, ST_X(p.geom) AS lon \
         FROM admin_units a, \
              LATERAL ST_Dump(ST_GeneratePoints(a.geom, $1, $2 + a.id::int)) p \
         WHERE a.valid_to IS NULL ORDER BY a.code, p.path",
    )
    .bind::<Integer, _>(POINTS_PER_COMMUNE)
    .bind::<Integer, _>((settings.seed % 1_000_000) as i32)
    .load(conn)?;
    let mut communes: Vec<Commune> = Vec::new();
    for row in rows {
        match communes.last_mut() {
            Some(c) if c.code == row.code => c.points.push((row.lat, row.lon)),
            _ => communes.push(Commune {
                // Urban wards are denser and closer to the platform than rural communes.
                weight: if row.level == "phuong" { 3.0 } else { 1.0 },
                code: row.code,
                boundary_id: row.boundary_id,
                points: vec![(row.lat, row.lon)],
            }),
        }
    }
    if communes.is_empty() {
        return Err(hientruong_domain::Error::Internal.into());
    }
    let commune_weight = communes.iter().map(|c| c.weight).sum();
    let mut categories = Vec::new();
    for c in crate::catalog::active_categories(conn)? {
        let allowance = crate::sla::allowance(conn, &c.code, c.urgent)?;
        let texts = crate::demo::SAMPLES
            .iter()
            .filter(|(code, _)| *code == c.code)
            .map(|(_, text)| *text)
            .collect::<Vec<_>>();
        categories.push(Category {
            texts: if texts.is_empty() {
                vec!["Phản ánh của người dân."]
            } else {
                texts
            },
            code: c.code,
            urgent: c.urgent,
            allowance,
        });
    }
    let mut routes = HashMap::new();
    for (ci, commune) in communes.iter().enumerate() {
        let (lat, lon) = commune.points[0];
        let position = Position::new(lat, lon)?;
        for (ki, category) in categories.iter().enumerate() {
            let route = crate::routing::route(conn, &category.code, position)?;
            routes.insert(
                (ki, ci),
                Routed {
                    unit: route.unit.unit_code,
                    rule_id: route.unit.rule_id,
                    reason: route.unit.reason.as_str(),
                },
            );
        }
    }
    let units: Vec<String> = crate::admin::units(conn)?
        .into_iter()
        .filter(|u| u.active)
        .map(|u| u.code)
        .collect();
    let officers = officers(conn, &units, password_hash, &mut rng)?;
    let residents = residents(
        conn,
        (settings.reports / 8).max(10),
        settings.seed,
        password_hash,
    )?;
    Ok(World {
        settings,
        rng,
        calendar,
        communes,
        commune_weight,
        categories,
        routes,
        officers,
        units,
        residents,
        previous: Vec::new(),
    })
}

fn officers(
    conn: &mut PgConnection,
    units: &[String],
    password_hash: &str,
    rng: &mut StdRng,
) -> Result<HashMap<String, (Uuid, f64)>, Error> {
    let mut out = HashMap::new();
    for unit in units {
        let login = format!("officer.{unit}@{RESIDENT_LOGIN_DOMAIN}");
        let id = match crate::users::find_by_login(conn, &login)? {
            Some(u) => u.id,
            None => {
                crate::users::create_staff(
                    conn,
                    &hientruong_domain::login::Login::parse_staff(&login)?,
                    &format!("Cán bộ {unit}"),
                    password_hash,
                    hientruong_domain::role::Role::Officer,
                    Some(unit),
                )?
                .id
            }
        };
        // Some units answer twice as fast as others: the league table has something to rank.
        out.insert(unit.clone(), (id, 0.6 + rng.random::<f64>()));
    }
    Ok(out)
}

fn residents(
    conn: &mut PgConnection,
    count: usize,
    seed: u64,
    password_hash: &str,
) -> Result<Vec<Uuid>, Error> {
    let logins: Vec<String> = (0..count)
        .map(|i| format!("resident.{seed}.{i}@{RESIDENT_LOGIN_DOMAIN}"))
        .collect();
    for chunk in logins.chunks(5_000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|login| {
                (
                    users::id.eq(Uuid::new_v4()),
                    users::login.eq(login),
                    users::login_kind.eq("email"),
                    users::password_hash.eq(password_hash),
                    users::full_name.eq("Cư dân (dữ liệu mô phỏng)"),
                    users::role.eq("resident"),
                    users::locale.eq("vi"),
                )
            })
            .collect();
        diesel::insert_into(users::table)
            .values(&rows)
            .on_conflict(users::login)
            .do_nothing()
            .execute(conn)?;
    }
    let mut ids = Vec::with_capacity(count);
    for chunk in logins.chunks(5_000) {
        let found: Vec<(String, Uuid)> = users::table
            .filter(users::login.eq_any(chunk))
            .select((users::login, users::id))
            .load(conn)?;
        let by_login: HashMap<String, Uuid> = found.into_iter().collect();
        ids.extend(chunk.iter().filter_map(|l| by_login.get(l).copied()));
    }
    Ok(ids)
}

#[derive(Insertable)]
#[diesel(table_name = reports)]
struct ReportRow {
    id: Uuid,
    reporter_id: Uuid,
    idempotency_key: Uuid,
    fingerprint: Vec<u8>,
    category_code: String,
    description: String,
    location: Point,
    status: String,
    boundary_id: i64,
    commune_code: String,
    commune_reason: String,
    unit_code: String,
    routing_rule_id: Option<i64>,
    unit_reason: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    urgent: bool,
    sla_clock: String,
    sla_origin: DateTime<Utc>,
    accept_due_at: DateTime<Utc>,
    resolve_due_at: DateTime<Utc>,
    due_at: Option<DateTime<Utc>>,
    escalation_level: i16,
    hops: i32,
    duplicate_of: Option<Uuid>,
    public_answer: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = report_events)]
struct EventRow {
    report_id: Uuid,
    kind: &'static str,
    from_status: Option<&'static str>,
    to_status: Option<&'static str>,
    actor_id: Option<Uuid>,
    unit_code: Option<String>,
    public: bool,
    public_note: Option<&'static str>,
    from_unit: Option<String>,
    related_id: Option<Uuid>,
    at: DateTime<Utc>,
    due_at: Option<DateTime<Utc>>,
}

type RatingRow = (Uuid, Uuid, i16, DateTime<Utc>);

#[derive(Default)]
struct Batch {
    reports: Vec<ReportRow>,
    events: Vec<EventRow>,
    facts: Vec<FactsRow>,
    ratings: Vec<RatingRow>,
}

const ANSWER: &str = "Đơn vị đã xử lý xong phản ánh. Cảm ơn người dân đã phản ánh.";
const REJECTION: &str = "Phản ánh không thuộc thẩm quyền hoặc không đủ thông tin để xử lý.";

/// Writes `count` more reports in one transaction.
pub fn write_batch(conn: &mut PgConnection, world: &mut World, count: usize) -> Result<(), Error> {
    let mut batch = Batch::default();
    for _ in 0..count {
        world.one(&mut batch);
    }
    conn.transaction(|conn| {
        // The live stream is for what happens now, not for a history being loaded.
        diesel::sql_query("SET LOCAL hientruong.bulk_load = 'on'").execute(conn)?;
        for chunk in batch.reports.chunks(2_000) {
            diesel::insert_into(reports::table)
                .values(chunk)
                .execute(conn)?;
        }
        for chunk in batch.events.chunks(4_000) {
            diesel::insert_into(report_events::table)
                .values(chunk)
                .execute(conn)?;
        }
        for chunk in batch.ratings.chunks(10_000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(report, rater, score, at)| {
                    (
                        ratings::report_id.eq(*report),
                        ratings::rater_id.eq(*rater),
                        ratings::score.eq(*score),
                        ratings::created_at.eq(*at),
                    )
                })
                .collect();
            diesel::insert_into(ratings::table)
                .values(&rows)
                .execute(conn)?;
        }
        for chunk in batch.facts.chunks(3_000) {
            diesel::insert_into(ticket_facts::table)
                .values(chunk)
                .execute(conn)?;
        }
        Ok::<_, Error>(())
    })
}

/// Reports per month of the year, relative: Huế's flood season (September to December, worst in
/// October and November) brings floods, fallen trees and blocked roads.
fn season(month: u32) -> f64 {
    match month {
        10 | 11 => 2.6,
        9 | 12 => 1.6,
        _ => 1.0,
    }
}

/// A category's relative frequency in a month.
fn category_weight(code: &str, month: u32) -> f64 {
    match code {
        "flooding" => match month {
            10 | 11 => 6.0,
            9 | 12 => 2.5,
            _ => 0.3,
        },
        "fire" => {
            if (4..=8).contains(&month) {
                1.0
            } else {
                0.4
            }
        }
        "traffic" => 3.0,
        "environment" => 2.5,
        "health" => {
            if (6..=10).contains(&month) {
                2.0
            } else {
                1.2
            }
        }
        _ => 1.0,
    }
}

impl World {
    /// A duration drawn from a log-normal distribution with this median, in minutes.
    fn lognormal_minutes(&mut self, median_minutes: f64, sigma: f64) -> TimeDelta {
        let minutes = median_minutes * (sigma * self.normal()).exp();
        TimeDelta::seconds((minutes * 60.0).clamp(60.0, 60.0 * 24.0 * 60.0) as i64)
    }

    /// When a report came in: a day of the span (more in the flood season, and more as the
    /// platform grows), at a time of the waking day in Huế.
    fn received_at(&mut self) -> DateTime<Utc> {
        let days = self.settings.days.max(1);
        let start = self.settings.end - TimeDelta::days(days);
        loop {
            let offset = self.rng.random_range(0..days);
            let day: NaiveDate = (start + TimeDelta::days(offset))
                .with_timezone(&vn_offset())
                .date_naive();
            let growth = 0.6 + 0.4 * offset as f64 / days as f64;
            if self.rng.random::<f64>() * 2.6 > season(day.month()) * growth {
                continue;
            }
            // 06:00-22:00 mostly, peaking around midday.
            let minute_of_day = (780.0 + 200.0 * self.rng.random::<f64>() - 100.0
                + self.normal() * 180.0)
                .clamp(0.0, 1439.0) as u32;
            let time = NaiveTime::from_hms_opt(minute_of_day / 60, minute_of_day % 60, 0)
                .unwrap_or(NaiveTime::MIN)
                + TimeDelta::seconds(self.rng.random_range(0..60));
            let Some(at) = vn_offset()
                .from_local_datetime(&day.and_time(time))
                .single()
            else {
                continue;
            };
            let at = at.with_timezone(&Utc);
            if at < self.settings.end {
                return at;
            }
        }
    }

    /// A draw from the standard normal distribution (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u1: f64 = self.rng.random::<f64>().max(1e-12);
        let u2: f64 = self.rng.random();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    fn pick_commune(&mut self) -> usize {
        let mut x = self.rng.random::<f64>() * self.commune_weight;
        for (i, c) in self.communes.iter().enumerate() {
            x -= c.weight;
            if x <= 0.0 {
                return i;
            }
        }
        self.communes.len() - 1
    }

    fn pick_category(&mut self, month: u32) -> usize {
        let weights: Vec<f64> = self
            .categories
            .iter()
            .map(|c| category_weight(&c.code, month))
            .collect();
        let mut x = self.rng.random::<f64>() * weights.iter().sum::<f64>();
        for (i, w) in weights.iter().enumerate() {
            x -= w;
            if x <= 0.0 {
                return i;
            }
        }
        weights.len() - 1
    }

    /// A resident: a few report often, most rarely.
    fn pick_resident(&mut self) -> Uuid {
        let u: f64 = self.rng.random();
        let i = ((u * u) * self.residents.len() as f64) as usize;
        self.residents[i.min(self.residents.len() - 1)]
    }

    /// One report and its history, up to the end of the span.
    fn one(&mut self, batch: &mut Batch) {
        let end = self.settings.end;
        let received = self.received_at();
        let month = received.with_timezone(&vn_offset()).month();
        let ci = self.pick_commune();
        let ki = self.pick_category(month);
        let reporter = self.pick_resident();
        let id = uuid::Builder::from_random_bytes(self.rng.random()).into_uuid();
        let commune = &self.communes[ci];
        let (lat, lon) = commune.points[self.rng.random_range(0..commune.points.len())];
        let (commune_code, boundary_id) = (commune.code.clone(), commune.boundary_id);
        let category = &self.categories[ki];
        let (category_code, urgent, allowance) =
            (category.code.clone(), category.urgent, category.allowance);
        let description = category.texts[self.rng.random_range(0..category.texts.len())];
        let routed = &self.routes[&(ki, ci)];
        let (first_unit, rule_id, unit_reason) =
            (routed.unit.clone(), routed.rule_id, routed.reason);

        let mut h = History {
            id,
            unit: first_unit.clone(),
            status: Status::Received,
            deadlines: Deadlines::start(allowance, &self.calendar, received),
            events: Vec::new(),
            hops: 0,
            public_answer: None,
            duplicate_of: None,
            rating: None,
            last_at: received,
        };
        h.push("received", Status::Received, Some(reporter), received, None);
        self.live(&mut h, received, allowance);
        let (level, due_at) = match h.deadlines.running(h.status) {
            Some(due) => {
                // How much of the allowance has gone, on the ticket's own clock.
                let (clock, origin) = (h.deadlines.clock, h.deadlines.origin);
                let span = self
                    .calendar
                    .elapsed(clock, origin, due)
                    .num_seconds()
                    .max(1) as f64;
                let used = self.calendar.elapsed(clock, origin, end).num_seconds() as f64 / span;
                // The escalation checks that have come due (75 %, 100 %, 150 %).
                let level = hientruong_domain::ticket::ESCALATION_PERCENTS
                    .iter()
                    .filter(|p| used * 100.0 >= f64::from(**p))
                    .count() as i16;
                (level, Some(due))
            }
            None => (0, None),
        };
        let facts_events: Vec<EventFact<'_>> = h
            .events
            .iter()
            .map(|e| EventFact::new(e.kind, e.from_status, e.to_status, e.at, e.due_at))
            .collect();
        let handled = h.events.len() > 1;
        if handled {
            batch.facts.push(FactsRow::new(
                id,
                received,
                (commune_code.clone(), category_code.clone(), h.unit.clone()),
                handling_facts(received, &facts_events, &self.calendar),
                h.rating,
            ));
        }
        if let Some((score, at)) = h.rating {
            batch.ratings.push((id, reporter, score, at));
        }
        batch.reports.push(ReportRow {
            id,
            reporter_id: reporter,
            idempotency_key: uuid::Builder::from_random_bytes(self.rng.random()).into_uuid(),
            fingerprint: self.rng.random::<[u8; 32]>().to_vec(),
            category_code,
            description: description.to_owned(),
            location: Point {
                x: lon,
                y: lat,
                srid: Some(4326),
            },
            status: h.status.as_str().to_owned(),
            boundary_id,
            commune_code,
            commune_reason: "covered".to_owned(),
            unit_code: h.unit.clone(),
            routing_rule_id: if h.unit == first_unit { rule_id } else { None },
            unit_reason: unit_reason.to_owned(),
            created_at: received,
            updated_at: h.last_at,
            urgent,
            sla_clock: h.deadlines.clock.as_str().to_owned(),
            sla_origin: h.deadlines.origin,
            accept_due_at: h.deadlines.accept_due,
            resolve_due_at: h.deadlines.resolve_due,
            due_at,
            escalation_level: level,
            hops: h.hops,
            duplicate_of: h.duplicate_of,
            public_answer: h.public_answer.map(str::to_owned),
        });
        batch.events.extend(h.events);
        self.previous.push(id);
        if self.previous.len() > 10_000 {
            self.previous.drain(..5_000);
        }
    }

    /// A delay of the handling unit: its clock's kind, scaled by how fast the unit works.
    fn delay(&mut self, unit: &str, median_minutes: f64, sigma: f64) -> TimeDelta {
        let pace = self.officers.get(unit).map_or(1.0, |(_, pace)| *pace);
        self.lognormal_minutes(median_minutes * pace, sigma)
    }

    fn officer(&self, unit: &str) -> Option<Uuid> {
        self.officers.get(unit).map(|(id, _)| *id)
    }

    /// The handling after receipt, as far as the end of the span.
    fn live(&mut self, h: &mut History, received: DateTime<Utc>, allowance: Allowance) {
        let end = self.settings.end;
        let clock = allowance.clock;
        let urgent = clock == ClockKind::WallClock;
        let roll: f64 = self.rng.random();
        // Triage: a duplicate or a rejection soon after receipt.
        if roll < 0.07 {
            let d = self.delay(&h.unit.clone(), if urgent { 20.0 } else { 150.0 }, 0.8);
            let at = self.calendar.add(clock, received, d);
            if at >= end {
                return;
            }
            let actor = self.officer(&h.unit);
            if roll < 0.03 && !self.previous.is_empty() {
                let original = self.previous[self.rng.random_range(0..self.previous.len())];
                h.duplicate_of = Some(original);
                h.push("mark_duplicate", Status::Duplicate, actor, at, None);
                if let Some(e) = h.events.last_mut() {
                    e.related_id = Some(original);
                }
            } else {
                h.public_answer = Some(REJECTION);
                h.push("reject", Status::Rejected, actor, at, Some(REJECTION));
            }
            return;
        }
        let mut start = received;
        // A transfer to the right unit before acceptance: a hop and a fresh allowance.
        if roll < 0.13 {
            let d = self.delay(&h.unit.clone(), if urgent { 15.0 } else { 120.0 }, 0.8);
            let at = self.calendar.add(clock, received, d);
            if at >= end {
                return;
            }
            let to = loop {
                let u = self.units[self.rng.random_range(0..self.units.len())].clone();
                if u != h.unit || self.units.len() == 1 {
                    break u;
                }
            };
            let actor = self.officer(&h.unit);
            let from_unit = std::mem::replace(&mut h.unit, to);
            h.push("transfer", Status::Transferred, actor, at, None);
            if let Some(e) = h.events.last_mut() {
                e.from_unit = Some(from_unit);
            }
            h.hops += 1;
            h.deadlines = Deadlines::start(allowance, &self.calendar, at);
            start = at;
        }
        // At most one reopening after a poor rating.
        for round in 0..2 {
            let unit = h.unit.clone();
            let actor = self.officer(&unit);
            let d = self.delay(&unit, if urgent { 12.0 } else { 150.0 }, 0.9);
            let accept_at = self.calendar.add(clock, start, d);
            if accept_at >= end {
                return;
            }
            h.push("accept", Status::Accepted, actor, accept_at, None);
            let started = accept_at + TimeDelta::minutes(self.rng.random_range(5..90));
            if started >= end {
                return;
            }
            h.push("start", Status::InProgress, actor, started, None);
            let d = self.delay(&unit, if urgent { 100.0 } else { 900.0 }, 0.9);
            let resolved = self.calendar.add(clock, started, d);
            if resolved >= end {
                return;
            }
            h.public_answer = Some(ANSWER);
            h.push("resolve", Status::Resolved, actor, resolved, Some(ANSWER));
            if round == 1 || self.rng.random::<f64>() > 0.45 {
                return;
            }
            let rated = resolved + TimeDelta::minutes(self.rng.random_range(30..4320));
            if rated >= end {
                return;
            }
            let score: i16 = match self.rng.random::<f64>() {
                x if x < 0.45 => 5,
                x if x < 0.75 => 4,
                x if x < 0.87 => 3,
                x if x < 0.95 => 2,
                _ => 1,
            };
            h.rating = Some((score, rated));
            let reporter = h.events.first().and_then(|e| e.actor_id);
            if score >= 3 {
                h.push("rated", Status::Closed, reporter, rated, None);
                return;
            }
            h.push("rated", Status::Reopened, reporter, rated, None);
            h.public_answer = None;
            h.deadlines = Deadlines::start(allowance, &self.calendar, rated);
            start = rated;
        }
    }
}

/// A report's history being written.
struct History {
    id: Uuid,
    unit: String,
    status: Status,
    deadlines: Deadlines,
    events: Vec<EventRow>,
    hops: i32,
    public_answer: Option<&'static str>,
    duplicate_of: Option<Uuid>,
    rating: Option<(i16, DateTime<Utc>)>,
    last_at: DateTime<Utc>,
}

impl History {
    /// An event moving the ticket to `to` at `at`, with the deadline that was running then.
    fn push(
        &mut self,
        kind: &'static str,
        to: Status,
        actor: Option<Uuid>,
        at: DateTime<Utc>,
        public_note: Option<&'static str>,
    ) {
        let from = (kind != "received").then(|| self.status.as_str());
        let due = if kind == "received" {
            None
        } else {
            self.deadlines.running(self.status)
        };
        self.events.push(EventRow {
            report_id: self.id,
            kind,
            from_status: from,
            to_status: Some(to.as_str()),
            actor_id: actor,
            unit_code: Some(self.unit.clone()),
            public: true,
            public_note,
            from_unit: None,
            related_id: None,
            at,
            due_at: due,
        });
        self.status = to;
        self.last_at = at;
    }
}
