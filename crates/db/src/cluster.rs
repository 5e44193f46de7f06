//! A private PostgreSQL+PostGIS cluster managed by the project, used when no `DATABASE_URL` is set.
//!
//! It belongs to one data directory, listens only on loopback on a free port, uses password
//! authentication with a generated password kept in the data directory (mode 0600), and is driven
//! with the machine's own `initdb`/`pg_ctl`. PostgreSQL refuses to run as root, so when started as
//! root the cluster runs as the `postgres` system user that Debian's packages create; its files
//! then go where that user may reach them (see [`locate`]).

use std::fs;
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use diesel::prelude::*;

const SUPERUSER: &str = "hientruong";
/// Where a root-started cluster lives when its data directory is out of the `postgres` user's
/// reach: one directory per data directory, named after it (see [`locate`]).
pub const SYSTEM_CLUSTERS: &str = "/var/lib/hientruong";
const INSTALL_HINT: &str = "install them on Debian/Ubuntu with `sudo apt-get install postgresql \
     postgis` (PostgreSQL with its matching postgresql-<version>-postgis-3), or set DATABASE_URL to an existing PostgreSQL with PostGIS";

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error(
        "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: {INSTALL_HINT}"
    )]
    BinariesMissing,
    #[error(
        "the PostGIS extension is not installed for the PostgreSQL in {bin_dir}: install it on Debian/Ubuntu with `sudo apt-get install {package}`, or set DATABASE_URL to an existing PostgreSQL with PostGIS"
    )]
    PostgisMissing { bin_dir: String, package: String },
    #[error(
        "running as root, the database must run as the `postgres` system user, which does not exist: {INSTALL_HINT}"
    )]
    NoPostgresUser,
    #[error(
        "the `postgres` user cannot reach {0}, where the managed cluster is: let it traverse the directory's parents again, or move the cluster (docs/operations.md)"
    )]
    Unreachable(String),
    #[error("{what} failed: {detail}")]
    Command { what: String, detail: String },
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("could not prepare the database: {0}")]
    Setup(String),
}

/// Settings that trade durability for speed; only test clusters use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// PostgreSQL's defaults: a committed transaction survives a crash of the machine.
    Full,
    /// fsync off: for throwaway test clusters only.
    Throwaway,
}

/// A running cluster. Dropping it does not stop it; call [`ManagedCluster::stop`].
#[derive(Debug)]
pub struct ManagedCluster {
    bin_dir: PathBuf,
    pgdata: PathBuf,
    port: u16,
    password: String,
    run_as: Option<(nix::unistd::Uid, nix::unistd::Gid)>,
    /// Held while this process owns the cluster (and so must stop it). The lock is the kernel's:
    /// it goes away with the process, however it ends, so a cluster left running by a killed
    /// server is adopted by the next one and stopped with it.
    owner: Option<fs::File>,
}

impl ManagedCluster {
    /// Initialises the cluster under `dir` on first use, starts it unless it is already running,
    /// and makes sure `database` exists with PostGIS.
    pub fn ensure(
        dir: &Path,
        database: &str,
        durability: Durability,
    ) -> Result<ManagedCluster, ClusterError> {
        let bin_dir = find_bin_dir().ok_or(ClusterError::BinariesMissing)?;
        check_postgis(&bin_dir)?;
        let run_as = postgres_user_if_root()?;
        fs::create_dir_all(dir)
            .map_err(|e| ClusterError::Io(format!("creating {}", dir.display()), e))?;
        // The server's programs run from `/`, so every path handed to them must be absolute.
        let dir = &fs::canonicalize(dir)
            .map_err(|e| ClusterError::Io(format!("resolving {}", dir.display()), e))?;
        let pgdata = locate(dir, run_as)?;
        let password = read_or_create_password(&dir.join("pg.password"))?;
        let mut cluster = ManagedCluster {
            bin_dir,
            pgdata,
            port: 0,
            password,
            run_as,
            owner: try_own(&dir.join("pg.owner.lock"))?,
        };
        tracing::info!(dir = %cluster.pgdata.display(), "the managed PostgreSQL's files");
        // A cluster made where its user could reach it, whose directory has since been closed.
        if let Some(user) = run_as
            && cluster.pgdata.join("PG_VERSION").exists()
            && !reachable_by(&cluster.pgdata, user)
        {
            return Err(ClusterError::Unreachable(dir.display().to_string()));
        }
        if !cluster.pgdata.join("PG_VERSION").exists() {
            cluster.prepare_home(dir)?;
            cluster.initdb()?;
        }
        match cluster.running_port() {
            Some(port) => {
                tracing::info!(
                    port,
                    "reusing the managed PostgreSQL that is already running"
                );
                cluster.port = port;
            }
            None => cluster.start(durability)?,
        }
        if let Err(e) = cluster.create_database(database) {
            // Leave nothing running behind a failed start.
            let _ = cluster.stop();
            return Err(e);
        }
        Ok(cluster)
    }

    pub fn stop_existing(dir: &Path) -> Result<bool, ClusterError> {
        let bin_dir = find_bin_dir().ok_or(ClusterError::BinariesMissing)?;
        if !dir.exists() {
            return Ok(false);
        }
        let run_as = match postgres_user_if_root() {
            Ok(run_as) => run_as,
            // As root without a `postgres` user, no cluster can have been made outside `dir`.
            Err(_) if !dir.join("pg").exists() => return Ok(false),
            Err(e) => return Err(e),
        };
        let dir = fs::canonicalize(dir)
            .map_err(|e| ClusterError::Io(format!("resolving {}", dir.display()), e))?;
        let pgdata = locate(&dir, run_as)?;
        if !pgdata.join("postmaster.pid").exists() {
            return Ok(false);
        }
        let cluster = ManagedCluster {
            bin_dir,
            pgdata,
            port: 0,
            password: String::new(),
            run_as,
            owner: None,
        };
        if cluster.running_port().is_none() {
            return Ok(false);
        }
        cluster.stop_server().map(|_| true)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The cluster's own directory (PostgreSQL's data directory).
    pub fn files(&self) -> &Path {
        &self.pgdata
    }

    /// Connection URL for a database of this cluster.
    pub fn database_url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}",
            self.password, self.port
        )
    }

    /// Stops the server if this process owns it, that is unless another live process started or
    /// adopted it (fast shutdown: sessions end, committed data is safe).
    pub fn stop(&self) -> Result<(), ClusterError> {
        if self.owner.is_none() {
            return Ok(());
        }
        self.stop_server()
    }

    /// Stops the server whoever started it.
    pub fn stop_server(&self) -> Result<(), ClusterError> {
        let pgdata = self.pgdata_arg();
        self.run(
            "pg_ctl stop",
            self.pg_command("pg_ctl")
                .args(["stop", "-D", &pgdata, "-m", "fast", "-w", "-t", "60"]),
        )
    }

    /// Before `initdb`: a cluster kept outside its data directory gets a directory of its own
    /// under [`SYSTEM_CLUSTERS`], owned by the cluster's user, mode 0700, with a note naming the
    /// data directory it belongs to.
    fn prepare_home(&self, dir: &Path) -> Result<(), ClusterError> {
        let Some(home) = self.pgdata.parent().filter(|home| *home != dir) else {
            return Ok(());
        };
        let io = |e| ClusterError::Io(format!("preparing {}", home.display()), e);
        if let Some(root) = home.parent() {
            // Traversable by the cluster's user whatever the umask that created it.
            fs::create_dir_all(root).map_err(io)?;
            fs::set_permissions(root, fs::Permissions::from_mode(0o755)).map_err(io)?;
        }
        fs::create_dir_all(home).map_err(io)?;
        fs::set_permissions(home, fs::Permissions::from_mode(0o700)).map_err(io)?;
        fs::write(home.join("DATA_DIR"), format!("{}\n", dir.display())).map_err(io)?;
        if let Some((uid, gid)) = self.run_as {
            nix::unistd::chown(home, Some(uid), Some(gid))
                .map_err(|e| ClusterError::Io(format!("chown of {}", home.display()), e.into()))?;
        }
        Ok(())
    }

    fn pgdata_arg(&self) -> String {
        self.pgdata.to_string_lossy().into_owned()
    }

    fn pg_command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bin_dir.join(program));
        if let Some((uid, gid)) = self.run_as {
            cmd.uid(uid.as_raw()).gid(gid.as_raw());
            // The postgres user may not be able to read the caller's working directory.
            cmd.current_dir("/");
        }
        cmd.env("LC_ALL", "C.UTF-8");
        cmd
    }

    fn run(&self, what: &str, cmd: &mut Command) -> Result<(), ClusterError> {
        let out = cmd
            .stdin(Stdio::null())
            .output()
            .map_err(|e| ClusterError::Io(what.to_owned(), e))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(ClusterError::Command {
                what: what.to_owned(),
                detail: format!(
                    "{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ),
            })
        }
    }

    fn initdb(&self) -> Result<(), ClusterError> {
        let io = |e| ClusterError::Io(format!("preparing {}", self.pgdata.display()), e);
        fs::create_dir_all(&self.pgdata).map_err(io)?;
        fs::set_permissions(&self.pgdata, fs::Permissions::from_mode(0o700)).map_err(io)?;
        if let Some((uid, gid)) = self.run_as {
            nix::unistd::chown(&self.pgdata, Some(uid), Some(gid))
                .map_err(|e| ClusterError::Io("chown of the cluster directory".into(), e.into()))?;
        }
        tracing::info!(dir = %self.pgdata.display(), "creating the managed PostgreSQL cluster");
        // initdb reads the superuser's password from a file the cluster's user can read; it is
        // removed as soon as initdb is done.
        let pwfile = self.pgdata.with_extension("initdb-pw");
        write_private(&pwfile, &self.password)?;
        if let Some((uid, gid)) = self.run_as {
            nix::unistd::chown(&pwfile, Some(uid), Some(gid))
                .map_err(|e| ClusterError::Io("chown of the password file".into(), e.into()))?;
        }
        let pgdata = self.pgdata_arg();
        let out = self
            .pg_command("initdb")
            .args([
                "-D",
                &pgdata,
                "-U",
                SUPERUSER,
                &format!("--pwfile={}", pwfile.display()),
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
            ])
            .stdin(Stdio::null())
            .output();
        let _ = fs::remove_file(&pwfile);
        let out = out.map_err(|e| ClusterError::Io("running initdb".into(), e))?;
        if !out.status.success() {
            // Leave no half-made cluster behind: the next start would take it for a real one.
            let _ = fs::remove_dir_all(&self.pgdata);
            return Err(ClusterError::Command {
                what: "initdb".into(),
                detail: String::from_utf8_lossy(&out.stderr).into_owned(),
            });
        }
        Ok(())
    }

    /// The port of a server already running on this directory, from `postmaster.pid`.
    fn running_port(&self) -> Option<u16> {
        let pgdata = self.pgdata_arg();
        let status = self
            .pg_command("pg_ctl")
            .args(["status", "-D", &pgdata])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        let pid_file = fs::read_to_string(self.pgdata.join("postmaster.pid")).ok()?;
        pid_file.lines().nth(3)?.trim().parse().ok()
    }

    fn start(&mut self, durability: Durability) -> Result<(), ClusterError> {
        let pgdata = self.pgdata_arg();
        let log = self
            .pgdata
            .join("server.log")
            .to_string_lossy()
            .into_owned();
        let mut last_error = None;
        // The free port may be taken between choosing it and the server binding it: retry.
        for _ in 0..3 {
            let port =
                free_loopback_port().map_err(|e| ClusterError::Io("choosing a port".into(), e))?;
            let mut options = format!(
                "-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=300"
            );
            if durability == Durability::Throwaway {
                options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }
            let result = self.run(
                "pg_ctl start",
                self.pg_command("pg_ctl").args([
                    "start", "-D", &pgdata, "-l", &log, "-w", "-t", "60", "-o", &options,
                ]),
            );
            match result {
                Ok(()) => {
                    tracing::info!(port, "managed PostgreSQL started");
                    self.port = port;
                    return Ok(());
                }
                Err(e) => last_error = Some(e),
            }
        }
        let tail = fs::read_to_string(&log).unwrap_or_default();
        let tail: String = tail
            .lines()
            .rev()
            .take(10)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        Err(match last_error {
            Some(ClusterError::Command { what, detail }) => ClusterError::Command {
                what,
                detail: format!("{detail}\nserver log:\n{tail}"),
            },
            Some(other) => other,
            None => ClusterError::Setup("the server did not start".into()),
        })
    }

    fn create_database(&self, database: &str) -> Result<(), ClusterError> {
        let setup = |e: diesel::result::Error| ClusterError::Setup(e.to_string());
        let mut admin = PgConnection::establish(&self.database_url("postgres"))
            .map_err(|e| ClusterError::Setup(e.to_string()))?;
        #[derive(QueryableByName)]
        struct Exists {
            #[diesel(sql_type = diesel::sql_types::Bool)]
            exists: bool,
        }
        let exists = diesel::sql_query(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists",
        )
        .bind::<diesel::sql_types::Text, _>(database)
        .get_result::<Exists>(&mut admin)
        .map_err(setup)?
        .exists;
        if !exists {
            diesel::sql_query(format!("CREATE DATABASE \"{}\"", database.replace('"', "")))
                .execute(&mut admin)
                .map_err(setup)?;
        }
        let mut conn = PgConnection::establish(&self.database_url(database))
            .map_err(|e| ClusterError::Setup(e.to_string()))?;
        diesel::sql_query("CREATE EXTENSION IF NOT EXISTS postgis")
            .execute(&mut conn)
            .map_err(setup)?;
        Ok(())
    }
}

/// Where the cluster of data directory `dir` (canonical) keeps its files, in this order:
///
/// - `dir/pg` when a cluster is there already, or when the cluster runs as the caller (not root);
/// - `/var/lib/hientruong/<id>/pg` when a cluster is there already, or when, as root, the `postgres`
///   user could not reach `dir` (a checkout in `/root` or in a 0700 home directory); `<id>` is the
///   first 16 hex digits of the SHA-256 of `dir`'s path, so each data directory has its own;
/// - otherwise (root, and `dir` is reachable) `dir/pg`.
///
/// So a cluster once made is found again at the same place by every command, and nothing has to
/// loosen the permissions of a home directory.
fn locate(
    dir: &Path,
    run_as: Option<(nix::unistd::Uid, nix::unistd::Gid)>,
) -> Result<PathBuf, ClusterError> {
    let local = dir.join("pg");
    let Some(user) = run_as else {
        return Ok(local);
    };
    let system = system_home(dir).join("pg");
    Ok(if local.join("PG_VERSION").exists() {
        local
    } else if system.join("PG_VERSION").exists() || !reachable_by(dir, user) {
        system
    } else {
        local
    })
}

/// `/var/lib/hientruong/<id>`: the home of the cluster of data directory `dir` when kept outside it.
fn system_home(dir: &Path) -> PathBuf {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(dir.as_os_str().as_encoded_bytes());
    let id: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Path::new(SYSTEM_CLUSTERS).join(id)
}

/// Whether `user` may traverse `dir` (and so each of its parents).
fn reachable_by(dir: &Path, (uid, gid): (nix::unistd::Uid, nix::unistd::Gid)) -> bool {
    Command::new("test")
        .arg("-x")
        .arg(dir)
        .uid(uid.as_raw())
        .gid(gid.as_raw())
        .current_dir("/")
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Takes the ownership lock of a cluster directory unless another process holds it.
fn try_own(path: &Path) -> Result<Option<fs::File>, ClusterError> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| ClusterError::Io(format!("opening {}", path.display()), e))?;
    Ok(file.try_lock().is_ok().then_some(file))
}

/// PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` system user.
fn postgres_user_if_root() -> Result<Option<(nix::unistd::Uid, nix::unistd::Gid)>, ClusterError> {
    if !nix::unistd::geteuid().is_root() {
        return Ok(None);
    }
    let user = nix::unistd::User::from_name("postgres")
        .ok()
        .flatten()
        .ok_or(ClusterError::NoPostgresUser)?;
    Ok(Some((user.uid, user.gid)))
}

/// `initdb` and `pg_ctl` from PATH, or the newest `/usr/lib/postgresql/<version>/bin`.
fn find_bin_dir() -> Option<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) =
        std::env::var_os("PATH").and_then(|path| std::env::split_paths(&path).find(|d| has_both(d)))
    {
        // Resolve links (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb) so
        // that the sibling programs of the same installation, like pg_config, are found.
        let real = fs::canonicalize(dir.join("initdb"))
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|d| has_both(d));
        return Some(real.unwrap_or(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            has_both(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// The PostgreSQL major version of an installation (`/usr/lib/postgresql/15/bin` -> "15").
fn major_version(bin_dir: &Path) -> Option<String> {
    let version = bin_dir.parent()?.file_name()?.to_str()?;
    version
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| version.to_owned())
}

fn check_postgis(bin_dir: &Path) -> Result<(), ClusterError> {
    let major = major_version(bin_dir);
    let share = match &major {
        Some(v) => PathBuf::from(format!("/usr/share/postgresql/{v}")),
        None => {
            // Not a Debian layout: ask this installation's own pg_config, if it has one.
            let Ok(out) = Command::new(bin_dir.join("pg_config"))
                .arg("--sharedir")
                .output()
            else {
                // Without it the check is left to CREATE EXTENSION, which names the problem too.
                return Ok(());
            };
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        }
    };
    if share.join("extension/postgis.control").is_file() {
        Ok(())
    } else {
        Err(ClusterError::PostgisMissing {
            bin_dir: bin_dir.display().to_string(),
            package: format!(
                "postgresql-{}-postgis-3",
                major.as_deref().unwrap_or("<version>")
            ),
        })
    }
}

fn read_or_create_password(path: &Path) -> Result<String, ClusterError> {
    if let Ok(existing) = fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if !existing.is_empty() {
            return Ok(existing);
        }
    }
    let password: String =
        uuid::Uuid::new_v4().simple().to_string() + &uuid::Uuid::new_v4().simple().to_string();
    write_private(path, &password)?;
    Ok(password)
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, content: &str) -> Result<(), ClusterError> {
    let io = |e| ClusterError::Io(format!("writing {}", path.display()), e);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    file.write_all(content.as_bytes()).map_err(io)
}

fn free_loopback_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
