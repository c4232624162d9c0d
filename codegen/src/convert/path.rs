//! Path templates: `/v1/accounts/{account_id}` -> literal and parameter segments.

use crate::ir::{Param, ParamLocation, PathSegment, PathTemplate};

/// Parses `template` against the operation's parameters. The error says what
/// does not fit: a placeholder without a path parameter, an unmatched brace,
/// or a path parameter the template does not use.
pub fn parse(template: &str, params: &[Param]) -> Result<PathTemplate, String> {
    let mut segments = Vec::new();
    let mut used = vec![false; params.len()];
    for segment in template.trim_start_matches('/').split('/') {
        if let Some(name) =
            segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')).filter(|n| !n.contains(['{', '}']))
        {
            let index = params
                .iter()
                .position(|p| p.location == ParamLocation::Path && p.wire_name == name)
                .ok_or_else(|| format!("path template names {{{name}}} but no path parameter"))?;
            used[index] = true;
            segments.push(PathSegment::Param(index));
        } else if segment.contains('{') {
            let mut parts = Vec::new();
            let mut rest = segment;
            while let Some(open) = rest.find('{') {
                if open > 0 {
                    parts.push(PathSegment::Literal(rest[..open].to_owned()));
                }
                let close =
                    rest[open..].find('}').ok_or_else(|| format!("unclosed `{{` in path segment {segment:?}"))?;
                let name = &rest[open + 1..open + close];
                let index = params
                    .iter()
                    .position(|p| p.location == ParamLocation::Path && p.wire_name == name)
                    .ok_or_else(|| format!("path template names {{{name}}} but no path parameter"))?;
                used[index] = true;
                parts.push(PathSegment::Param(index));
                rest = &rest[open + close + 1..];
            }
            if !rest.is_empty() {
                parts.push(PathSegment::Literal(rest.to_owned()));
            }
            segments.push(PathSegment::Mixed(parts));
        } else if segment.contains('}') {
            return Err(format!("unmatched `}}` in path segment {segment:?}"));
        } else {
            segments.push(PathSegment::Literal(segment.to_owned()));
        }
    }
    if let Some(unused) = params.iter().zip(&used).find(|(p, used)| p.location == ParamLocation::Path && !**used) {
        return Err(format!("path parameter {:?} is not used by the path template", unused.0.wire_name));
    }
    Ok(PathTemplate { source: template.to_owned(), segments })
}
