//! Prism 5.14.2 (pinned in `tests/prism/package-lock.json`) serving a spec
//! on 127.0.0.1, for tests that call the generated clients against a mock.
//! Needs `npm ci --prefix tests/prism`; `cargo xtask ci` runs it first.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A Prism process, killed when dropped.
pub struct Prism {
    child: Child,
    /// Where it listens.
    pub address: SocketAddr,
    /// Its output.
    pub log: PathBuf,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Prism {
    /// Starts Prism on a free port serving `spec` (relative to the
    /// workspace) with `--errors`: a request that breaks the spec gets an
    /// error status. Its log goes into `logs`.
    pub fn start(spec: &str, logs: &Path) -> Prism {
        let binary = root().join("tests/prism/node_modules/.bin/prism");
        assert!(
            binary.exists(),
            "Prism is not installed: run `npm ci --prefix tests/prism` (cargo xtask ci does this)"
        );
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let log = logs.join(format!("{}.log", spec.replace('/', "_")));
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(binary)
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string(), "--errors", spec])
            .current_dir(root())
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out))
            .spawn()
            .expect("start prism");
        Prism { child, address: SocketAddr::from(([127, 0, 0, 1], port)), log }
    }

    /// Waits (up to 90 s) until Prism listens; panics with its log otherwise.
    pub fn wait_ready(&mut self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(90) {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("prism exited with {status}: {}", self.log_text());
            }
            let listening = self.log_text().contains("listening");
            if listening && TcpStream::connect_timeout(&self.address, Duration::from_millis(200)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("prism did not start in 90 s: {}", self.log_text());
    }

    /// The base URL of the mock.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Everything Prism wrote so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
