//! The checked-in generated code equals what `cargo xtask regen` produces now.

use std::path::Path;

#[test]
fn generated_code_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Err(message) = xtask::regen::regen(&root, xtask::regen::Mode::Check) {
        panic!("{message}");
    }
}
