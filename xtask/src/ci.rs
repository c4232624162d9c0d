//! `cargo xtask ci`: every check and test, in the order CI runs them.

use std::path::Path;
use std::process::Command;

use crate::{corpus, regen};

/// A cargo invocation: its arguments and extra environment variables.
type Step<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

/// Runs freshness, formatting, lints, the Prism install, tests and docs;
/// stops at the first failure.
pub fn run(root: &Path) -> Result<(), String> {
    println!("==> cargo xtask regen --check");
    regen::regen(root, regen::Mode::Check)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let lints: &[Step] = &[
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
    ];
    for (args, env) in lints {
        command(root, &cargo, args, env)?;
    }
    // The contract test serves each spec with the pinned Prism.
    command(root, "npm", &["ci", "--no-audit", "--no-fund", "--prefix", "tests/prism"], &[])?;
    command(root, &cargo, &["test", "--workspace"], &[])?;
    // Every real-world document: generated, compiled clean, or refused as expected.
    println!("==> cargo xtask corpus");
    corpus::run(root, &root.join(corpus::DEFAULT_DIR))?;
    command(root, &cargo, &["doc", "--no-deps", "-p", "klarna-generated"], &[("RUSTDOCFLAGS", "-D warnings")])?;
    println!("==> all checks passed");
    Ok(())
}

fn command(root: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let shown =
        format!("{} {}", Path::new(program).file_name().and_then(|n| n.to_str()).unwrap_or(program), args.join(" "));
    println!("==> {shown}");
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}
