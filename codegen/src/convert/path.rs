//! Path templates: `/v1/accounts/{account_id}` -> literal and parameter segments.
//!
//! A template and its parameters that do not fit each other are read the
//! permissive way, each with a warning: a placeholder without a path
//! parameter becomes a required string parameter, a path parameter the
//! template does not use is left out of the method, and a brace that opens
//! or closes nothing is text.

use crate::ir::{Param, ParamLocation, ParamStyle, PathSegment, PathTemplate, Shape, Ty};
use crate::naming;

/// A template read against its operation's parameters.
#[derive(Debug)]
pub struct Parsed {
    /// The template.
    pub template: PathTemplate,
    /// What did not fit, one sentence each.
    pub problems: Vec<String>,
}

/// Parses `template` against `params`, adding a parameter for each
/// placeholder that has none and removing path parameters it does not use.
pub fn parse(template: &str, params: &mut Vec<Param>) -> Parsed {
    let mut problems = Vec::new();
    for name in placeholders(template) {
        if !params.iter().any(|p| p.location == ParamLocation::Path && p.wire_name == name) {
            problems.push(format!("path template names {{{name}}} but no path parameter; it is a required string"));
            params.push(implicit_param(&name));
        }
    }
    let used = placeholders(template);
    params.retain(|p| {
        let kept = p.location != ParamLocation::Path || used.contains(&p.wire_name);
        if !kept {
            problems.push(format!("path parameter {:?} is not in the path template; it is left out", p.wire_name));
        }
        kept
    });
    let index = |name: &str| params.iter().position(|p| p.location == ParamLocation::Path && p.wire_name == name);
    let mut segments = Vec::new();
    for segment in template.trim_start_matches('/').split('/') {
        let mut parts = Vec::new();
        for token in tokens(segment) {
            match token {
                Token::Placeholder(name) => match index(name) {
                    Some(i) => parts.push(PathSegment::Param(i)),
                    None => push_text(&mut parts, &format!("{{{name}}}")),
                },
                Token::Text(text) => push_text(&mut parts, text),
            }
        }
        if segment.matches(['{', '}']).count()
            != 2 * parts.iter().filter(|p| matches!(p, PathSegment::Param(_))).count()
        {
            problems.push(format!("path segment {segment:?} has a brace that opens or closes nothing; it is text"));
        }
        segments.push(match parts.len() {
            0 => PathSegment::Literal(String::new()),
            1 => parts.remove(0),
            _ => PathSegment::Mixed(parts),
        });
    }
    Parsed { template: PathTemplate { source: template.to_owned(), segments }, problems }
}

/// A piece of a template segment.
enum Token<'t> {
    /// `{name}`.
    Placeholder(&'t str),
    /// Anything else, braces that match nothing included.
    Text(&'t str),
}

/// The pieces of one segment, in order.
fn tokens(segment: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let name = &rest[open + 1..close];
        if name.contains('{') {
            // `{{a}`: the first brace is text.
            let inner = open + 1 + name.rfind('{').unwrap_or(0);
            tokens.push(Token::Text(&rest[..inner]));
            rest = &rest[inner..];
            continue;
        }
        if open > 0 {
            tokens.push(Token::Text(&rest[..open]));
        }
        tokens.push(Token::Placeholder(name));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        tokens.push(Token::Text(rest));
    }
    tokens
}

/// Appends text, joining it to text just before it.
fn push_text(parts: &mut Vec<PathSegment>, text: &str) {
    match parts.last_mut() {
        Some(PathSegment::Literal(last)) => last.push_str(text),
        _ => parts.push(PathSegment::Literal(text.to_owned())),
    }
}

/// The placeholder names of a template, in order, without repeats.
fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for segment in template.split('/') {
        for token in tokens(segment) {
            if let Token::Placeholder(name) = token {
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_owned());
                }
            }
        }
    }
    names
}

/// The parameter a placeholder without a declaration stands for.
fn implicit_param(name: &str) -> Param {
    Param {
        wire_name: name.to_owned(),
        rust_name: naming::value_name(name),
        location: ParamLocation::Path,
        required: true,
        shape: Shape::plain(Ty::String),
        doc: Some("Not declared by the spec; named by the path template.".to_owned()),
        explode: false,
        style: ParamStyle::Simple,
        structured: false,
        example: None,
        secret: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_param(name: &str) -> Param {
        Param { doc: None, ..implicit_param(name) }
    }

    fn read(template: &str, names: &[&str]) -> (Vec<PathSegment>, Vec<String>, Vec<String>) {
        let mut params: Vec<Param> = names.iter().map(|n| path_param(n)).collect();
        let parsed = parse(template, &mut params);
        (parsed.template.segments, parsed.problems, params.into_iter().map(|p| p.wire_name).collect())
    }

    #[test]
    fn reads_literal_parameter_and_mixed_segments() {
        let (segments, problems, _) = read("/v1/{id}/thumbnail.{ext}/{base}...{head}", &["id", "ext", "base", "head"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            segments,
            [
                PathSegment::Literal("v1".into()),
                PathSegment::Param(0),
                PathSegment::Mixed(vec![PathSegment::Literal("thumbnail.".into()), PathSegment::Param(1)]),
                PathSegment::Mixed(vec![
                    PathSegment::Param(2),
                    PathSegment::Literal("...".into()),
                    PathSegment::Param(3)
                ]),
            ]
        );
    }

    #[test]
    fn a_placeholder_without_a_parameter_gets_one() {
        let (segments, problems, params) = read("/a/{id}", &[]);
        assert_eq!(segments, [PathSegment::Literal("a".into()), PathSegment::Param(0)]);
        assert_eq!(params, ["id"]);
        assert_eq!(problems, ["path template names {id} but no path parameter; it is a required string"]);
    }

    #[test]
    fn an_unused_path_parameter_is_left_out() {
        let (_, problems, params) = read("/a", &["id"]);
        assert!(params.is_empty());
        assert_eq!(problems, ["path parameter \"id\" is not in the path template; it is left out"]);
    }

    #[test]
    fn unmatched_braces_are_text() {
        let (segments, problems, _) = read("/a}/{b/{{c}", &["c"]);
        assert_eq!(
            segments,
            [
                PathSegment::Literal("a}".into()),
                PathSegment::Literal("{b".into()),
                PathSegment::Mixed(vec![PathSegment::Literal("{".into()), PathSegment::Param(0)]),
            ]
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
