//! Demo data for trying the product: demo accounts and a few hundred realistic reports spread over
//! Huế's communes, categories and the last weeks. Loaded only when asked (`serve --demo`).

use chrono::{Duration, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Text};
use hientruong_domain::report::ReportSubmission;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::Error;
use crate::models::NewUser;
use crate::reports::{self, Submitted};
use crate::users;

/// Demo accounts: (login, full name). All share [`DEMO_PASSWORD`].
pub const DEMO_RESIDENTS: &[(&str, &str)] = &[
    ("demo@hientruong.vn", "Nguyễn Thị Lan"),
    ("0905123456", "Trần Văn Minh"),
    ("hoa.le@hientruong.vn", "Lê Thị Hoa"),
    ("0935777888", "Phạm Quốc Bảo"),
    ("an.vo@hientruong.vn", "Võ Văn An"),
    ("0914222333", "Hồ Thị Thu"),
];
pub const DEMO_PASSWORD: &str = "hientruong-demo";

/// Synthetic handled tickets behind the demo's open ones (`hientruong generate`'s history).
pub const DEMO_HISTORY: usize = 20_000;

/// Demo staff: (login, full name, role, unit). Same password.
pub const DEMO_STAFF: &[(&str, &str, Role, Option<&str>)] = &[
    ("quantri", "Quản Trị Viên", Role::Admin, None),
    ("ioc.vanhanh", "Phạm Thu Trang", Role::IocOperator, None),
    (
        "truong.csgt",
        "Hoàng Văn Dũng",
        Role::UnitManager,
        Some("csgt"),
    ),
    ("canbo.csgt", "Võ Minh Tuấn", Role::Officer, Some("csgt")),
    ("canbo.pccc", "Đặng Quốc Bảo", Role::Officer, Some("pccc")),
    ("canbo.yte", "Ngô Thị Mai", Role::Officer, Some("so-y-te")),
];
const REPORTS_PER_COMMUNE: i32 = 8;

pub(crate) const SAMPLES: &[(&str, &str)] = &[
    (
        "flooding",
        "Nước ngập sâu khoảng 40 cm trên đường, xe máy chết máy hàng loạt, cần khơi thông cống thoát nước.",
    ),
    (
        "flooding",
        "Cống thoát nước bị tắc rác, mỗi khi mưa lớn là nước tràn vào nhà dân trong kiệt.",
    ),
    (
        "flooding",
        "Nước lũ dâng nhanh, một số hộ dân ven sông cần hỗ trợ di dời đồ đạc và người già.",
    ),
    (
        "flooding",
        "Đoạn đường trũng ngập kéo dài nhiều giờ sau mưa, học sinh đi học rất khó khăn.",
    ),
    (
        "fire",
        "Phát hiện khói bốc lên từ một kho hàng, có mùi khét, đề nghị lực lượng PCCC kiểm tra gấp.",
    ),
    (
        "fire",
        "Chập điện tại cột điện đầu kiệt, tia lửa bắn ra, nguy cơ cháy lan sang nhà dân.",
    ),
    (
        "fire",
        "Người dân đốt rác gần bãi cỏ khô, lửa bùng lên lớn, cần hỗ trợ dập lửa.",
    ),
    (
        "traffic",
        "Ổ gà lớn giữa đường, nhiều người đi xe máy bị té ngã vào ban đêm.",
    ),
    (
        "traffic",
        "Đèn tín hiệu giao thông tại ngã tư bị hỏng từ sáng, xe cộ đi lại lộn xộn.",
    ),
    (
        "traffic",
        "Cây xanh bị gãy đổ chắn ngang đường sau mưa bão, cần dọn dẹp để thông xe.",
    ),
    (
        "traffic",
        "Xe tải đậu lấn chiếm lòng đường trước chợ, gây ùn tắc giờ cao điểm.",
    ),
    (
        "environment",
        "Rác thải tập kết bừa bãi bên đường, bốc mùi hôi thối, ruồi muỗi nhiều.",
    ),
    (
        "environment",
        "Nước thải từ cơ sở chế biến xả thẳng ra mương, nước đen và có mùi nặng.",
    ),
    (
        "environment",
        "Khói bụi từ lò đốt rác gây ô nhiễm không khí cho khu dân cư xung quanh.",
    ),
    (
        "environment",
        "Xác động vật chết trôi dạt ven sông, đề nghị xử lý để tránh ô nhiễm.",
    ),
    (
        "health",
        "Khu vực có nhiều ca sốt xuất huyết, đề nghị phun thuốc diệt muỗi.",
    ),
    (
        "health",
        "Cơ sở bán thực phẩm không rõ nguồn gốc, nghi ngờ không đảm bảo vệ sinh an toàn thực phẩm.",
    ),
    (
        "health",
        "Nhiều người trong xóm bị tiêu chảy sau khi dùng nước giếng, cần kiểm tra nguồn nước.",
    ),
];

#[derive(QueryableByName)]
struct DemoPoint {
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Double)]
    lat: f64,
    #[diesel(sql_type = Double)]
    lon: f64,
}

/// Loads the demo data unless it is already there; returns how many reports were added.
/// Deterministic: the same points, texts and times on every machine.
pub fn load(conn: &mut PgConnection, password_hash: &str) -> Result<usize, Error> {
    let mut reporters = Vec::new();
    for (login, name) in DEMO_RESIDENTS {
        let login = hientruong_domain::login::Login::parse(login)?;
        let user = match users::find_by_login(conn, login.as_str())? {
            Some(u) => u,
            None => users::create(
                conn,
                &NewUser {
                    id: Uuid::new_v4(),
                    login: login.as_str(),
                    login_kind: login.kind(),
                    password_hash,
                    full_name: name,
                    role: "resident",
                    unit_code: None,
                    locale: "vi",
                },
            )?,
        };
        reporters.push(user.id);
    }
    for (login, name, role, unit) in DEMO_STAFF {
        let login = hientruong_domain::login::Login::parse_staff(login)?;
        if users::find_by_login(conn, login.as_str())?.is_none() {
            users::create_staff(conn, &login, name, password_hash, *role, *unit)?;
        }
    }
    // Points inside each current commune, from PostGIS with a fixed seed.
    let points: Vec<DemoPoint> = diesel::sql_query(
        "SELECT a.code, ST_Y(p.geom) AS lat, ST_X(p.geom) AS lon \
         FROM admin_units a, \
              LATERAL ST_Dump(ST_GeneratePoints(a.geom, $1, 1234 + a.id::int)) p \
         WHERE a.valid_to IS NULL ORDER BY a.code, p.path",
    )
    .bind::<Integer, _>(REPORTS_PER_COMMUNE)
    .load(conn)?;
    let now = Utc::now();
    let mut added = 0;
    for (i, point) in points.iter().enumerate() {
        let (category, text) = SAMPLES[(i * 7 + point.code.len()) % SAMPLES.len()];
        let submission = ReportSubmission {
            category: category.to_owned(),
            description: text.to_owned(),
            lat: Some(point.lat),
            lon: Some(point.lon),
            address: None,
        };
        let valid = submission.validate()?;
        let reporter = reporters[i % reporters.len()];
        // A fixed key per sample makes loading idempotent.
        let key = Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("hientruong-demo-{i}").as_bytes(),
        );
        if let Submitted::Created(id) = reports::submit(conn, reporter, key, &valid, &[])? {
            let age = Duration::minutes(((i as i64 * 7919) % (45 * 24 * 60)) + 30);
            reports::set_times(conn, id, now - age)?;
            added += 1;
        }
    }
    Ok(added)
}
