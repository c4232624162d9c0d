//! Spec descriptions turned into rustdoc-safe Markdown.
//!
//! rustdoc warns on bare URLs, on text in square brackets that looks like a
//! broken intra-doc link and on unknown HTML tags; descriptions from the
//! documents contain all three. Code spans are left alone.

/// Makes a description safe for a `#[doc]` attribute under `-D warnings`.
pub fn sanitize(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            rest = &rest[1..];
            continue;
        }
        if in_code {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if let Some((link, used)) = markdown_link(rest) {
            out.push_str(&link);
            rest = &rest[used..];
            continue;
        }
        if let Some(url_len) = url_at(rest) {
            let preceded_by_angle = out.ends_with('<') || out.ends_with('(');
            let url = &rest[..url_len];
            if preceded_by_angle {
                out.push_str(url);
            } else {
                out.push('<');
                out.push_str(url);
                out.push('>');
            }
            rest = &rest[url_len..];
            continue;
        }
        match c {
            '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    if in_code {
        out.push('`');
    }
    end_lists(&out)
}

/// Puts a blank line between a list and plain text right after it, which
/// Markdown would otherwise read as a lazy continuation of the last item.
fn end_lists(text: &str) -> String {
    let is_item = |line: &str| {
        let line = line.trim_start();
        line.starts_with("* ")
            || line.starts_with("- ")
            || line.starts_with("+ ")
            || line.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = String::with_capacity(text.len());
    let mut in_list = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_item(line) {
            in_list = true;
        } else if line.trim().is_empty() {
            in_list = false;
        } else if in_list && !line.starts_with([' ', '\t']) {
            out.push('\n');
            in_list = false;
        }
        out.push_str(line);
    }
    out
}

/// A Markdown link `[text](https://...)` at the start of `text`: the link
/// with its text made safe, and the bytes it used.
fn markdown_link(text: &str) -> Option<(String, usize)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    if label.contains('[') {
        return None;
    }
    let after = inner[close + 1..].strip_prefix('(')?;
    let url_len = url_at(after)?;
    if !after[url_len..].starts_with(')') {
        return None;
    }
    let url = &after[..url_len];
    let label = label.replace('<', "&lt;").replace('>', "&gt;");
    Some((format!("[{label}]({url})"), 1 + close + 2 + url_len + 1))
}

/// The byte length of a URL starting at the beginning of `text`, if any.
fn url_at(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | ')' | ']'))
        .map_or(text.len(), |(i, _)| i);
    // A sentence's closing punctuation is not part of the URL.
    let trimmed = text[..end].trim_end_matches(['.', ',', ';', ':']);
    Some(trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn wraps_bare_urls_and_escapes_brackets_and_tags() {
        assert_eq!(sanitize("See https://docs.klarna.com/x."), "See <https://docs.klarna.com/x>.");
        assert_eq!(sanitize("a [b] <API key>"), "a \\[b\\] &lt;API key&gt;");
        assert_eq!(sanitize("`[x] <y>` z"), "`[x] <y>` z");
        assert_eq!(sanitize("see [here](https://a.b/c)."), "see [here](https://a.b/c).");
    }

    #[test]
    fn text_after_a_list_is_its_own_paragraph() {
        assert_eq!(sanitize("Kinds:\n* a\n* b\nMore."), "Kinds:\n* a\n* b\n\nMore.");
        assert_eq!(sanitize("1. one\n   more\n2. two"), "1. one\n   more\n2. two");
    }
}
