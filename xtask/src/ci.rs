//! `cargo xtask ci`: every check and test, in the order CI runs them.

use std::process::Command;

use crate::regen;
use crate::workspace;

/// Runs freshness, lints, tests and docs; stops at the first failure.
pub fn run() -> Result<(), String> {
    println!("==> cargo xtask regen --check");
    regen::regen(regen::Mode::Check)?;
    cargo(&["fmt", "--all", "--check"], &[])?;
    cargo(
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    cargo(&["test", "--workspace"], &[])?;
    cargo(
        &["doc", "--no-deps", "-p", "klarna-generated"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    println!("==> all checks passed");
    Ok(())
}

fn cargo(args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    println!("==> cargo {}", args.join(" "));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(workspace::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}
