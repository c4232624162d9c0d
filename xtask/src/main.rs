//! Project automation.
//!
//! - `cargo xtask regen [--check]`: regenerate the generated code from
//!   `specs/` (and the test fixtures), or check that it is fresh.
//! - `cargo xtask generate SPEC --out DIR`: a complete crate for any OpenAPI 3.0 file.
//! - `cargo xtask corpus [DIR]`: generate and compile every real-world document.
//! - `cargo xtask ci`: every check and test, as CI runs them.

use std::path::Path;
use std::process::ExitCode;

use xtask::{ci, corpus, generate, regen, workspace};

const USAGE: &str = "usage:
  cargo xtask regen [--check]
  cargo xtask generate SPEC --out DIR
  cargo xtask corpus [DIR]
  cargo xtask ci";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace::root();
    let result = match args.as_slice() {
        ["regen"] => regen::regen(&root, regen::Mode::Write),
        ["regen", "--check"] => regen::regen(&root, regen::Mode::Check),
        ["generate", spec, "--out", out] => generate::run(&root, spec, Path::new(out)),
        ["corpus"] => corpus::run(&root, &root.join(corpus::DEFAULT_DIR)),
        ["corpus", dir] => corpus::run(&root, Path::new(dir)),
        ["ci"] => ci::run(&root),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
