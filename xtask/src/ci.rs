//! `cargo xtask ci`: every check and test, in the order CI runs them.

use std::path::Path;
use std::process::Command;

use crate::regen;

/// A cargo invocation: its arguments and extra environment variables.
type Step<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

/// Runs freshness, formatting, lints, the Prism install, tests and docs;
/// stops at the first failure.
pub fn run(root: &Path) -> Result<(), String> {
    println!("==> cargo xtask regen --check");
    regen::regen(root, regen::Mode::Check)?;
    let steps: &[Step] = &[
        (&["fmt", "--all", "--check"], &[]),
        (&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[]),
        // Models only, and one API with its client: each feature set builds alone.
        (
            &[
                "clippy",
                "-p",
                "klarna-generated",
                "--no-default-features",
                "--features",
                "identity",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        ),
        (
            &[
                "clippy",
                "-p",
                "klarna-generated",
                "--no-default-features",
                "--features",
                "client,messaging",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        ),
        (&["test", "--workspace"], &[]),
        (&["doc", "--no-deps", "-p", "klarna-generated"], &[("RUSTDOCFLAGS", "-D warnings")]),
    ];
    npm_ci(root)?;
    for (args, env) in steps {
        cargo(root, args, env)?;
    }
    println!("==> all checks passed");
    Ok(())
}

/// Installs the pinned Prism mock server used by the contract test.
fn npm_ci(root: &Path) -> Result<(), String> {
    println!("==> npm ci --prefix tests/prism");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--prefix", "tests/prism"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run npm (node 20 and npm are needed for the contract test): {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`npm ci --prefix tests/prism` failed ({status})"))
    }
}

fn cargo(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    println!("==> cargo {}", args.join(" "));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}
