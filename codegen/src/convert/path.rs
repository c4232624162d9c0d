//! Path templates: `/v1/accounts/{account_id}` -> literal and parameter segments.

use crate::ir::{Param, ParamLocation, PathSegment, PathTemplate};

/// Parses `template` against the operation's parameters. The error says what
/// does not fit: a placeholder without a path parameter, a segment mixing
/// text and a placeholder, or a path parameter the template does not use.
pub fn parse(template: &str, params: &[Param]) -> Result<PathTemplate, String> {
    let mut segments = Vec::new();
    let mut used = vec![false; params.len()];
    for segment in template.trim_start_matches('/').split('/') {
        if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            let index = params
                .iter()
                .position(|p| p.location == ParamLocation::Path && p.wire_name == name)
                .ok_or_else(|| format!("path template names {{{name}}} but no path parameter"))?;
            used[index] = true;
            segments.push(PathSegment::Param(index));
        } else if segment.contains('{') || segment.contains('}') {
            return Err("path segments mixing text and parameters".to_owned());
        } else {
            segments.push(PathSegment::Literal(segment.to_owned()));
        }
    }
    if let Some(unused) = params.iter().zip(&used).find(|(p, used)| p.location == ParamLocation::Path && !**used) {
        return Err(format!("path parameter {:?} is not used by the path template", unused.0.wire_name));
    }
    Ok(PathTemplate { source: template.to_owned(), segments })
}
