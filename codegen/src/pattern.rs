//! ECMA-262 patterns (what OpenAPI 3.0 means) translated into `regex` crate
//! syntax with the same meaning.
//!
//! The `regex` crate matches in linear time but differs from ECMA-262 in
//! places: `\d`, `\w`, `\s` and `.` are Unicode-aware there and ASCII or
//! differently defined in ECMA-262, class syntax has set operators (`&&`,
//! `--`, `~~`), and look-around does not exist. This module spells every
//! escape and class out explicitly, and splits a look-ahead at the very start
//! of a pattern (`^(?=A)B`) into separate expressions that must (or, for
//! `(?!A)`, must not) match.
//!
//! What no linear-time engine can decide (back-references, look-behind, a
//! look-ahead elsewhere) is translated for a backtracking engine
//! (`fancy-regex`) instead, which the runtime runs with a bound on its
//! steps, so a hostile value cannot stall a caller. Only a pattern that is
//! not a regular expression at all is an error.

use std::fmt::Write as _;

/// A pattern as linear-time expressions: all of `must_match` must match and
/// none of `must_not_match` may; or, when it needs one, as one expression
/// for a backtracking engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    /// Expressions that must all match.
    pub must_match: Vec<String>,
    /// Expressions none of which may match.
    pub must_not_match: Vec<String>,
    /// The pattern in `fancy-regex` syntax, for a pattern that needs
    /// back-references or look-around (both lists are then empty).
    pub backtracking: Option<String>,
}

/// How many steps the backtracking engine may take on one value; a value
/// it cannot decide within them is reported as not matching. The runtime
/// uses the same bound.
pub const BACKTRACK_LIMIT: usize = 100_000;

/// The regex dialect a fragment is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// The `regex` crate: linear time, no look-around or back-references.
    Linear,
    /// `fancy-regex`: look-around and back-references, backtracking.
    Backtracking,
}

/// ECMA-262 `\s`: WhiteSpace and LineTerminator code points.
const ECMA_SPACE: &str =
    r"\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const DIGIT: &str = "0-9";
const WORD: &str = "A-Za-z0-9_";
/// ECMA-262 `.` without the `s` flag: anything but a line terminator.
const DOT: &str = r"[^\n\r\x{2028}\x{2029}]";

/// Whether `value` matches the ECMA-262 `pattern` (unanchored), through its
/// translation; the error says why the pattern cannot be honoured.
pub fn matches(pattern: &str, value: &str) -> Result<bool, String> {
    let translated = translate(pattern)?;
    if let Some(expression) = &translated.backtracking {
        return backtracking_regex(expression)?.is_match(value).map_err(|e| e.to_string());
    }
    let compile = |expression: &String| regex::Regex::new(expression).map_err(|e| e.to_string());
    for expression in &translated.must_match {
        if !compile(expression)?.is_match(value) {
            return Ok(false);
        }
    }
    for expression in &translated.must_not_match {
        if compile(expression)?.is_match(value) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Translates one pattern: into linear-time expressions when it can be,
/// else for a backtracking engine; the error text says why the pattern is
/// not a regular expression.
pub fn translate(pattern: &str) -> Result<Translated, String> {
    match translate_linear(pattern) {
        Ok(translated) => Ok(translated),
        Err(linear_reason) => {
            let chars: Vec<char> = pattern.chars().collect();
            let expression = translate_fragment(&chars, Dialect::Backtracking).map_err(|_| linear_reason.clone())?;
            backtracking_regex(&expression).map_err(|e| format!("{linear_reason}; as a backtracking pattern: {e}"))?;
            Ok(Translated { must_match: Vec::new(), must_not_match: Vec::new(), backtracking: Some(expression) })
        }
    }
}

/// The backtracking expression compiled as the runtime compiles it.
fn backtracking_regex(expression: &str) -> Result<fancy_regex::Regex, String> {
    fancy_regex::RegexBuilder::new(expression).backtrack_limit(BACKTRACK_LIMIT).build().map_err(|e| e.to_string())
}

/// The linear-time translation; the error says what needs more than that.
fn translate_linear(pattern: &str) -> Result<Translated, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut must_match = Vec::new();
    let mut must_not_match = Vec::new();
    let mut pos = 0;
    if chars.first() == Some(&'^') {
        let mut cursor = 1;
        while let Some((negative, body, end)) = leading_lookahead(&chars, cursor)? {
            let translated = format!("^(?:{})", translate_fragment(&body, Dialect::Linear)?);
            if negative {
                must_not_match.push(translated);
            } else {
                must_match.push(translated);
            }
            cursor = end;
        }
        if cursor > 1 {
            let rest: Vec<char> = chars[cursor..].to_vec();
            if has_top_level_alternation(&rest) {
                return Err("a leading look-ahead followed by top-level alternation (`|`) is not supported".into());
            }
            must_match.push(format!("^(?:{})", translate_fragment(&rest, Dialect::Linear)?));
            pos = chars.len();
        }
    }
    if pos == 0 {
        must_match.push(translate_fragment(&chars, Dialect::Linear)?);
    }
    for expression in must_match.iter().chain(&must_not_match) {
        regex::Regex::new(expression).map_err(|e| format!("translated expression does not compile: {e}"))?;
    }
    Ok(Translated { must_match, must_not_match, backtracking: None })
}

/// If a `(?=...)` or `(?!...)` group starts at `start`, returns whether it is
/// negative, its body and the index after it.
fn leading_lookahead(chars: &[char], start: usize) -> Result<Option<(bool, Vec<char>, usize)>, String> {
    let negative = match chars.get(start..start + 3) {
        Some(['(', '?', '=']) => false,
        Some(['(', '?', '!']) => true,
        _ => return Ok(None),
    };
    let end = group_end(chars, start)?;
    Ok(Some((negative, chars[start + 3..end].to_vec(), end + 1)))
}

/// The index of the `)` closing the group opened at `open`.
fn group_end(chars: &[char], open: usize) -> Result<usize, String> {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => i = class_end(chars, i)?,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err("unbalanced parenthesis".into())
}

/// The index of the `]` closing the class opened at `open`.
fn class_end(chars: &[char], open: usize) -> Result<usize, String> {
    let mut i = open + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            ']' => return Ok(i),
            _ => {}
        }
        i += 1;
    }
    Err("unterminated character class".into())
}

fn has_top_level_alternation(chars: &[char]) -> bool {
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => match class_end(chars, i) {
                Ok(end) => i = end,
                Err(_) => return false,
            },
            '(' => depth += 1,
            ')' => depth -= 1,
            '|' if depth == 0 => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Translates a pattern fragment; look-around and back-references only in
/// the backtracking dialect.
fn translate_fragment(chars: &[char], dialect: Dialect) -> Result<String, String> {
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let (text, used) = escape_outside_class(chars, i + 1, dialect)?;
                out.push_str(&text);
                i += used + 1;
            }
            '.' => {
                out.push_str(DOT);
                i += 1;
            }
            '[' => {
                let end = class_end(chars, i)?;
                out.push_str(&translate_class(&chars[i + 1..end])?);
                i = end + 1;
            }
            '(' => {
                let (text, used) = group_open(chars, i, dialect)?;
                out.push_str(&text);
                i += used;
            }
            c @ ('^' | '$' | '|' | ')' | '*' | '+' | '?' | '{' | '}') => {
                out.push(c);
                i += 1;
            }
            c => {
                push_literal(&mut out, c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn group_open(chars: &[char], i: usize, dialect: Dialect) -> Result<(String, usize), String> {
    let next: String = chars[i..chars.len().min(i + 4)].iter().collect();
    if dialect == Dialect::Backtracking {
        for opening in ["(?<=", "(?<!", "(?=", "(?!"] {
            if next.starts_with(opening) {
                return Ok((opening.to_owned(), opening.chars().count()));
            }
        }
    }
    if next.starts_with("(?=") || next.starts_with("(?!") {
        return Err("look-ahead is only supported at the very start of a pattern (`^(?=...)`)".into());
    }
    if next.starts_with("(?<=") || next.starts_with("(?<!") {
        return Err("look-behind is not supported".into());
    }
    if next.starts_with("(?:") {
        return Ok(("(?:".into(), 3));
    }
    if next.starts_with("(?<") {
        let close = chars[i..].iter().position(|&c| c == '>').ok_or("unterminated group name")?;
        let name: String = chars[i + 3..i + close].iter().collect();
        return Ok((format!("(?P<{name}>"), close + 1));
    }
    if next.starts_with("(?") {
        return Err(format!("unsupported group syntax {next:?}"));
    }
    Ok(("(".into(), 1))
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() || c == ' ' {
        out.push_str(&regex_syntax::escape(&c.to_string()));
    } else if c.is_control() {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    } else {
        out.push(c);
    }
}

fn push_code_point(out: &mut String, code: u32) -> Result<(), String> {
    let c = char::from_u32(code).ok_or_else(|| format!("\\u{code:X} is not a Unicode scalar value"))?;
    let _ = write!(out, "\\x{{{:X}}}", c as u32);
    Ok(())
}

/// Translates an escape whose letter is at `at`; returns the text and how
/// many characters after the backslash it used.
fn escape_outside_class(chars: &[char], at: usize, dialect: Dialect) -> Result<(String, usize), String> {
    let c = *chars.get(at).ok_or("pattern ends with a lone backslash")?;
    let text = match c {
        'd' => format!("[{DIGIT}]"),
        'D' => format!("[^{DIGIT}]"),
        'w' => format!("[{WORD}]"),
        'W' => format!("[^{WORD}]"),
        's' => format!("[{ECMA_SPACE}]"),
        'S' => format!("[^{ECMA_SPACE}]"),
        // ECMA-262 word boundaries are ASCII; fancy-regex cannot switch
        // Unicode off inline, so they are spelled with look-around there.
        'b' if dialect == Dialect::Backtracking => {
            format!("(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))")
        }
        'B' if dialect == Dialect::Backtracking => {
            format!("(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))")
        }
        'b' => r"(?-u:\b)".into(),
        'B' => r"(?-u:\B)".into(),
        '1'..='9' if dialect == Dialect::Backtracking => {
            let digits: String = chars[at..].iter().take_while(|c| c.is_ascii_digit()).collect();
            return Ok((format!("\\{digits}"), digits.chars().count()));
        }
        'k' if dialect == Dialect::Backtracking => {
            let close = chars[at..].iter().position(|&c| c == '>').ok_or("unterminated \\k<name>")?;
            let reference: String = chars[at..at + close + 1].iter().collect();
            if !reference.starts_with("k<") {
                return Err("\\k must be followed by <name>".into());
            }
            return Ok((format!("\\{reference}"), close + 1));
        }
        '1'..='9' => return Err("back-references need a backtracking engine".into()),
        'k' => return Err("named back-references need a backtracking engine".into()),
        _ => return escape_common(chars, at),
    };
    Ok((text, 1))
}

/// Escapes that mean the same inside and outside a class.
fn escape_common(chars: &[char], at: usize) -> Result<(String, usize), String> {
    let c = chars[at];
    let mut out = String::new();
    let used = match c {
        'n' => {
            out.push_str(r"\n");
            1
        }
        'r' => {
            out.push_str(r"\r");
            1
        }
        't' => {
            out.push_str(r"\t");
            1
        }
        'f' => {
            out.push_str(r"\x0C");
            1
        }
        'v' => {
            out.push_str(r"\x0B");
            1
        }
        '0' => {
            if chars.get(at + 1).is_some_and(char::is_ascii_digit) {
                return Err("octal escapes are not supported".into());
            }
            out.push_str(r"\x00");
            1
        }
        'c' => {
            let letter = chars.get(at + 1).filter(|l| l.is_ascii_alphabetic()).ok_or("invalid \\c escape")?;
            push_code_point(&mut out, (*letter as u32) % 32)?;
            2
        }
        'x' => {
            let hex: String = chars.get(at + 1..at + 3).ok_or("invalid \\x escape")?.iter().collect();
            let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("invalid \\x escape {hex:?}"))?;
            push_code_point(&mut out, code)?;
            3
        }
        'u' => return unicode_escape(chars, at),
        'p' | 'P' => {
            let close = chars[at..].iter().position(|&c| c == '}').ok_or("unterminated \\p{...}")?;
            if chars.get(at + 1) != Some(&'{') {
                return Err("\\p must be followed by {...}".into());
            }
            let name: String = chars[at + 2..at + close].iter().collect();
            let _ = write!(out, "\\{c}{{{}}}", property_name(&name));
            close + 1
        }
        c if c.is_ascii_punctuation() => {
            out.push_str(&regex_syntax::escape(&c.to_string()));
            1
        }
        other => return Err(format!("invalid escape \\{other}")),
    };
    Ok((out, used))
}

fn unicode_escape(chars: &[char], at: usize) -> Result<(String, usize), String> {
    let mut out = String::new();
    if chars.get(at + 1) == Some(&'{') {
        let close = chars[at..].iter().position(|&c| c == '}').ok_or("unterminated \\u{...}")?;
        let hex: String = chars[at + 2..at + close].iter().collect();
        let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("invalid \\u{{{hex}}}"))?;
        push_code_point(&mut out, code)?;
        return Ok((out, close + 1));
    }
    let read = |from: usize| -> Option<u32> {
        let hex: String = chars.get(from..from + 4)?.iter().collect();
        u32::from_str_radix(&hex, 16).ok()
    };
    let high = read(at + 1).ok_or("invalid \\u escape")?;
    if (0xD800..0xDC00).contains(&high) && chars.get(at + 5) == Some(&'\\') && chars.get(at + 6) == Some(&'u') {
        if let Some(low) = read(at + 7).filter(|low| (0xDC00..0xE000).contains(low)) {
            push_code_point(&mut out, 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
            return Ok((out, 11));
        }
    }
    push_code_point(&mut out, high)?;
    Ok((out, 5))
}

/// ECMA-262 property names in `regex` spelling (`Script_Extensions=` -> `scx=`).
fn property_name(name: &str) -> String {
    match name.split_once('=') {
        Some(("Script" | "sc", value)) => format!("Script={value}"),
        Some(("Script_Extensions" | "scx", value)) => format!("Script_Extensions={value}"),
        Some(("General_Category" | "gc", value)) => format!("General_Category={value}"),
        _ => name.to_owned(),
    }
}

/// Translates the inside of `[...]` (without the brackets).
fn translate_class(body: &[char]) -> Result<String, String> {
    let (negated, body) = match body.first() {
        Some('^') => (true, &body[1..]),
        _ => (false, body),
    };
    if body.is_empty() {
        // ECMA-262: `[]` matches nothing, `[^]` matches any code point.
        return Ok(if negated { r"[\x{0}-\x{10FFFF}]".into() } else { r"[^\x{0}-\x{10FFFF}]".into() });
    }
    let mut out = String::from(if negated { "[^" } else { "[" });
    let mut i = 0;
    while i < body.len() {
        let (atom, used, single) = class_atom(body, i)?;
        i += used;
        if single.is_some() && body.get(i) == Some(&'-') && i + 1 < body.len() {
            let (end_atom, end_used, end_single) = class_atom(body, i + 1)?;
            match (single, end_single) {
                (Some(lo), Some(hi)) if lo <= hi => {
                    let _ = write!(out, "{atom}-{end_atom}");
                    i += 1 + end_used;
                    continue;
                }
                (Some(_), Some(_)) => return Err("character class range out of order".into()),
                _ => return Err("character class range with a class escape as an end point".into()),
            }
        }
        out.push_str(&atom);
    }
    out.push(']');
    Ok(out)
}

/// One class member at `i`: its translation, characters used, and its code
/// point when it is a single character (so it can end a range).
fn class_atom(body: &[char], i: usize) -> Result<(String, usize, Option<u32>), String> {
    let c = body[i];
    if c != '\\' {
        let mut out = String::new();
        push_literal(&mut out, c);
        return Ok((out, 1, Some(c as u32)));
    }
    let letter = *body.get(i + 1).ok_or("class ends with a lone backslash")?;
    let set = |s: &str| Ok((s.to_owned(), 2, None));
    match letter {
        'd' => set(&format!("[{DIGIT}]")),
        'D' => set(&format!("[^{DIGIT}]")),
        'w' => set(&format!("[{WORD}]")),
        'W' => set(&format!("[^{WORD}]")),
        's' => set(&format!("[{ECMA_SPACE}]")),
        'S' => set(&format!("[^{ECMA_SPACE}]")),
        'b' => Ok((r"\x08".into(), 2, Some(8))),
        '-' => Ok((r"\-".into(), 2, Some('-' as u32))),
        'p' | 'P' => {
            let (text, used) = escape_common(body, i + 1)?;
            Ok((text, used + 1, None))
        }
        _ => {
            let (text, used) = escape_common(body, i + 1)?;
            let code = single_code_point(&text);
            Ok((text, used + 1, code))
        }
    }
}

/// The code point a translated single-character escape stands for.
fn single_code_point(text: &str) -> Option<u32> {
    match text {
        r"\n" => Some(10),
        r"\r" => Some(13),
        r"\t" => Some(9),
        _ => {
            if let Some(hex) = text.strip_prefix(r"\x{").and_then(|t| t.strip_suffix('}')) {
                return u32::from_str_radix(hex, 16).ok();
            }
            if let Some(hex) = text.strip_prefix(r"\x") {
                return u32::from_str_radix(hex, 16).ok();
            }
            let mut chars = text.strip_prefix('\\').unwrap_or(text).chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c as u32),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    fn matches(pattern: &str, input: &str) -> bool {
        let t = translate(pattern).unwrap();
        t.must_match.iter().all(|e| regex::Regex::new(e).unwrap().is_match(input))
            && !t.must_not_match.iter().any(|e| regex::Regex::new(e).unwrap().is_match(input))
    }

    /// Through the backtracking translation when the pattern needs one.
    fn decides(pattern: &str, input: &str) -> bool {
        super::matches(pattern, input).unwrap()
    }

    #[test]
    fn back_references_and_look_around_use_the_backtracking_engine() {
        let t = translate(r"^(a+)-\1$").unwrap();
        assert!(t.must_match.is_empty() && t.backtracking.is_some(), "{t:?}");
        assert!(decides(r"^(a+)-\1$", "aa-aa"));
        assert!(!decides(r"^(a+)-\1$", "aa-a"));
        assert!(decides(r#"^(?<q>['"]).*\k<q>$"#, "'x'"));
        assert!(!decides(r#"^(?<q>['"]).*\k<q>$"#, "'x\""));
        assert!(decides(r"(?<=\$)\d+", "cost $12"));
        assert!(!decides(r"(?<=\$)\d+", "cost 12"));
        assert!(decides(r"^[a-z]+(?!-)\b\w*$", "abc"));
        assert!(decides(r"^(?=a)(b|a)$", "a"), "a leading look-ahead with alternation");
        // The ECMA meaning of escapes is kept in the backtracking dialect too.
        assert!(!decides(r"^(\d)\1$", "١١"));
        assert!(decides(r"^(\w)\1\b", "aa b"));
        assert!(decides(r"^(\w)\1\b", "aaé"), "é is no ECMA word character: a boundary before it");
        assert!(decides(r"^(.)\1$", "éé"));
        assert!(!decides(r"^(.)\1$", "\u{2028}\u{2028}"));
    }

    #[test]
    fn a_pattern_that_is_no_regular_expression_is_still_an_error() {
        assert!(translate("(a").unwrap_err().contains("unclosed group"), "{:?}", translate("(a"));
        assert!(translate(r"a\").is_err());
    }

    #[test]
    fn catastrophic_backtracking_is_bounded() {
        // Exponential for a plain backtracking engine; bounded here, and an
        // undecided value counts as not matching.
        let started = std::time::Instant::now();
        let hostile = format!("{}!", "a".repeat(64));
        assert!(!decides(r"^(a+)+\1$", &hostile));
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn digit_and_word_are_ascii_as_in_ecma() {
        assert!(matches(r"^\d+$", "123"));
        assert!(!matches(r"^\d+$", "١٢٣"), "Arabic-Indic digits are not \\d in ECMA-262");
        assert!(!matches(r"^\w+$", "é"));
    }

    #[test]
    fn dot_excludes_ecma_line_terminators() {
        assert!(matches("^.$", "é"));
        assert!(!matches("^.$", "\r"));
        assert!(!matches("^.$", "\u{2028}"));
    }

    #[test]
    fn space_is_ecma_whitespace() {
        assert!(matches(r"^\s$", "\u{FEFF}"));
        assert!(!matches(r"^\s$", "\u{85}"));
    }

    #[test]
    fn unanchored_by_default() {
        assert!(matches("[0-9]", "ab1"));
    }

    #[test]
    fn class_set_operators_are_literal() {
        assert!(matches("^[a&&b]+$", "a&b"));
        assert!(matches("^[a-c~-]+$", "~-b"));
        assert!(matches(r"^[\w.\-]+$", "a.b-c"));
    }

    #[test]
    fn leading_lookahead_becomes_conjunction() {
        let p = r"^(?=.{1,5}$)[a-z]+@?$";
        assert!(matches(p, "abc"));
        assert!(!matches(p, "abcdefg"));
        assert!(matches(r"^(?!x)[a-z]+$", "abc"));
        assert!(!matches(r"^(?!x)[a-z]+$", "xbc"));
    }

    #[test]
    fn unicode_properties_and_escapes() {
        assert!(matches(r"^\p{Script=Latin}+$", "jöran"));
        assert!(matches(r"^\p{L}+$", "日本"));
        assert!(matches(r"^\u00e9\u{1F600}$", "é😀"));
        assert!(matches(r"^\uD83D\uDE00$", "😀"));
        assert!(matches(r"^\+\d{1,3}$", "+46"));
        assert!(matches(r"^\/$", "/"));
    }

    #[test]
    fn empty_classes_follow_ecma() {
        assert!(!matches("^[]$", "a"));
        assert!(matches("^[^]$", "\n"));
    }

    #[test]
    fn rejects_what_is_no_regular_expression() {
        for needs_backtracking in [r"(a)\1", r"a(?=b)", r"(?<=a)b", r"^(?=a)b|c"] {
            assert!(translate(needs_backtracking).unwrap().backtracking.is_some(), "{needs_backtracking}");
        }
        assert!(translate(r"[z-a]").unwrap_err().contains("out of order"));
        assert!(translate(r"\q").unwrap_err().contains("invalid escape"));
    }
}
