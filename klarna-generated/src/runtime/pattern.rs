//! Spec patterns, compiled once per process: into linear-time matchers
//! where the pattern allows, else into a backtracking matcher whose steps
//! are bounded.

use std::sync::OnceLock;

use regex::Regex;

/// How many steps the backtracking engine may take on one value (the
/// generator checks patterns with the same bound).
pub const BACKTRACK_LIMIT: usize = 100_000;

/// A `pattern` from a spec, translated by the generator from ECMA-262 into
/// one or more [`regex`] expressions that are all compiled on first use.
///
/// The `regex` crate matches in time linear in the input, so no input can
/// make a check run away. A look-ahead at the start of a source pattern
/// (`^(?=A)B`) is split by the generator into expressions that must all match
/// (`^A` and `^B`), or must not match for a negative look-ahead.
///
/// A pattern that needs back-references or look-around elsewhere runs on
/// `fancy-regex`, a backtracking engine, limited to [`BACKTRACK_LIMIT`]
/// steps per value: a value it cannot decide within them is reported as
/// not matching, so a hostile value costs bounded time and is never sent.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    must_match: &'static [&'static str],
    must_not_match: &'static [&'static str],
    backtracking: Option<&'static str>,
    compiled: OnceLock<Option<Compiled>>,
}

#[derive(Debug)]
enum Compiled {
    Linear { must_match: Vec<Regex>, must_not_match: Vec<Regex> },
    Backtracking(fancy_regex::Regex),
}

impl Pattern {
    /// A pattern whose translated expressions are compiled on first use.
    pub const fn new(
        source: &'static str,
        must_match: &'static [&'static str],
        must_not_match: &'static [&'static str],
    ) -> Self {
        Pattern { source, must_match, must_not_match, backtracking: None, compiled: OnceLock::new() }
    }

    /// A pattern that needs a backtracking engine: `expression` in
    /// `fancy-regex` syntax, compiled on first use.
    pub const fn backtracking(source: &'static str, expression: &'static str) -> Self {
        Pattern {
            source,
            must_match: &[],
            must_not_match: &[],
            backtracking: Some(expression),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written in the spec.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `value` matches, with ECMA-262 `RegExp.prototype.test`
    /// semantics (unanchored unless the pattern anchors itself).
    ///
    /// The generator checks that every expression compiles, so the failure
    /// branch is only reachable if the regex engine itself changed; a value is
    /// then reported as not matching rather than the process panicking. A
    /// backtracking pattern that cannot decide within its bound does not
    /// match either.
    pub fn is_match(&self, value: &str) -> bool {
        match self.compiled.get_or_init(|| self.compile()) {
            Some(Compiled::Linear { must_match, must_not_match }) => {
                must_match.iter().all(|re| re.is_match(value)) && !must_not_match.iter().any(|re| re.is_match(value))
            }
            Some(Compiled::Backtracking(re)) => re.is_match(value).unwrap_or(false),
            None => false,
        }
    }

    fn compile(&self) -> Option<Compiled> {
        if let Some(expression) = self.backtracking {
            let built = fancy_regex::RegexBuilder::new(expression).backtrack_limit(BACKTRACK_LIMIT).build();
            return built.ok().map(Compiled::Backtracking);
        }
        let build =
            |sources: &[&str]| -> Option<Vec<Regex>> { sources.iter().map(|source| Regex::new(source).ok()).collect() };
        Some(Compiled::Linear { must_match: build(self.must_match)?, must_not_match: build(self.must_not_match)? })
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    static LOOKAHEAD: Pattern = Pattern::new("^(?=.{1,5}$)[a-z]+$", &["^.{1,5}$", "^[a-z]+$"], &[]);
    static NEGATIVE: Pattern = Pattern::new("^(?!x)[a-z]+$", &["^[a-z]+$"], &["^x"]);
    static BROKEN: Pattern = Pattern::new("(", &["("], &[]);
    static REPEATED: Pattern = Pattern::backtracking(r"^(a+)-\1$", r"^(a+)-\1$");
    static HOSTILE: Pattern = Pattern::backtracking(r"^(a|a)+$", r"^(a|a)+$");

    #[test]
    fn all_required_expressions_must_match() {
        assert!(LOOKAHEAD.is_match("abc"));
        assert!(!LOOKAHEAD.is_match("abcdef"));
        assert!(!LOOKAHEAD.is_match("ab1"));
    }

    #[test]
    fn forbidden_expressions_must_not_match() {
        assert!(NEGATIVE.is_match("abc"));
        assert!(!NEGATIVE.is_match("xyz"));
    }

    #[test]
    fn an_expression_that_does_not_compile_never_matches() {
        assert!(!BROKEN.is_match("("));
    }

    #[test]
    fn back_references_are_decided() {
        assert!(REPEATED.is_match("aa-aa"));
        assert!(!REPEATED.is_match("aa-a"));
    }

    #[test]
    fn a_value_the_bounded_engine_cannot_decide_does_not_match() {
        // Exponential backtracking without the bound: 2^40 paths.
        let value = format!("{}b", "a".repeat(40));
        assert!(!HOSTILE.is_match(&value));
        assert!(HOSTILE.is_match("aaaa"));
    }
}
