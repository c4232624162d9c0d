//! A compact, human-readable summary of what was generated for one spec,
//! for snapshot review: each operation's method and outcomes, each type's
//! fields with their constraints.

use std::fmt::Write as _;

use crate::ir::{Api, ParamLocation, Rules, Shape, StatusMatch, Ty, TypeKind};

/// Renders the digest of an API.
pub fn digest(api: &Api) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "api {:?} version {:?} from {}", api.title, api.version, api.file);
    for server in &api.servers {
        let _ = writeln!(out, "server {} ({})", server.url, server.description.as_deref().unwrap_or("-"));
    }
    for scheme in &api.security_schemes {
        let _ = writeln!(out, "security scheme {}: {}", scheme.name, scheme.kind.describe());
    }
    out.push('\n');
    for op in &api.operations {
        let deprecated = if op.deprecated { " [deprecated]" } else { "" };
        let _ = writeln!(out, "operation {} = {} {}{deprecated}", op.rust_name, op.method.as_str(), op.path.source);
        let security: Vec<String> = op
            .security
            .iter()
            .map(|alt| match alt.as_slice() {
                [] => "anonymous".to_owned(),
                uses => uses.iter().map(|u| u.scheme.as_str()).collect::<Vec<_>>().join("+"),
            })
            .collect();
        let _ = writeln!(out, "  security: {}", if security.is_empty() { "none".into() } else { security.join(" | ") });
        for p in &op.params {
            let location = match p.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
                ParamLocation::Cookie => "cookie",
            };
            let required = if p.required { "required" } else { "optional" };
            let _ = writeln!(out, "  {location} {} ({}): {} {required}", p.wire_name, p.rust_name, shape(&p.shape));
        }
        let conventions = [
            ("idempotency key", &op.idempotency_header),
            ("correlation id", &op.correlation_header),
            ("partner account", &op.partner_account_header),
        ];
        for (what, header) in conventions {
            if let Some(header) = header {
                let _ = writeln!(out, "  {what} -> header {header}");
            }
        }
        if let Some(body) = &op.body {
            let required = if body.required { "required" } else { "optional" };
            let kinds: Vec<String> =
                body.kinds.iter().map(|k| format!("{}: {}", k.content_types.join(", "), shape(&k.shape))).collect();
            let _ = writeln!(out, "  body {} {required}", kinds.join(" | "));
        }
        for r in &op.responses {
            let status = match &r.status {
                StatusMatch::Code(c) => c.to_string(),
                StatusMatch::Range(d) => format!("{d}XX"),
                StatusMatch::Default => "default".into(),
            };
            let body = match r.body.as_slice() {
                [] => "no body".to_owned(),
                [only] => shape(&only.shape),
                kinds => {
                    let kinds: Vec<String> =
                        kinds.iter().map(|k| format!("{}: {}", k.content_types.join(", "), shape(&k.shape))).collect();
                    kinds.join(" | ")
                }
            };
            let declared: Vec<String> = r
                .headers
                .iter()
                .map(|h| {
                    if h.in_meta.is_some() {
                        h.wire_name.clone()
                    } else {
                        format!("{}: {}", h.wire_name, shape(&h.shape))
                    }
                })
                .collect();
            let headers = if declared.is_empty() { String::new() } else { format!(" headers {}", declared.join(", ")) };
            let _ = writeln!(out, "  {status} -> {body}{headers}");
        }
    }
    for w in &api.webhooks {
        let deprecated = if w.deprecated { " [deprecated]" } else { "" };
        let owners: Vec<&str> =
            std::iter::once(w.operation_id.as_str()).chain(w.also_on.iter().map(String::as_str)).collect();
        let _ = writeln!(
            out,
            "webhook {} ({}) on {}: {}{deprecated}",
            w.rust_name,
            w.name,
            owners.join(", "),
            shape(&w.body)
        );
        for h in &w.headers {
            let required = if h.required { "required" } else { "optional" };
            let _ = writeln!(out, "  header {}: {} {required}", h.wire_name, shape(&h.shape));
        }
    }
    out.push('\n');
    for def in api.types.values() {
        let direction = match (def.direction.request, def.direction.response) {
            (true, true) => "both",
            (true, false) => "request",
            (false, true) => "response",
            (false, false) => "unused",
        };
        match &def.kind {
            TypeKind::Struct(s) => {
                let open = match &s.additional {
                    crate::ir::Additional::Dropped => String::new(),
                    crate::ir::Additional::Json => " +additional".to_owned(),
                    crate::ir::Additional::Typed(shape) => format!(" +additional {}", self::shape(shape)),
                };
                let _ = writeln!(out, "struct {} [{direction}]{open}", def.name);
                if !s.any_required.is_empty() {
                    let sets: Vec<String> = s.any_required.iter().map(|set| set.join("+")).collect();
                    let _ = writeln!(out, "  anyOf required: {}", sets.join(" | "));
                }
                if s.min_properties.is_some() || s.max_properties.is_some() {
                    let _ = writeln!(out, "  members {}..{}", bound(s.min_properties), bound(s.max_properties));
                }
                for f in &s.fields {
                    let mut flags = vec![if f.required { "required" } else { "optional" }];
                    if f.read_only {
                        flags.push("readOnly");
                    }
                    if f.deprecated {
                        flags.push("deprecated");
                    }
                    let default = f.default.as_ref().map(|d| format!(" default={d}")).unwrap_or_default();
                    let _ = writeln!(out, "  {}: {} {}{default}", f.wire_name, shape(&f.shape), flags.join(" "));
                }
            }
            TypeKind::Enum(e) => {
                let values: Vec<&str> = e.values.iter().map(|v| v.wire_name.as_str()).collect();
                let kind = if def.lenient() { "lenient" } else { "strict" };
                let _ = writeln!(out, "enum {} [{direction}] {kind}: {}", def.name, values.join(" | "));
            }
            TypeKind::Newtype(s) => {
                let _ = writeln!(out, "newtype {} [{direction}] = {}", def.name, shape(s));
            }
            TypeKind::Alias(s) => {
                let _ = writeln!(out, "alias {} [{direction}] = {}", def.name, shape(s));
            }
            TypeKind::Union(union) => {
                let forms: Vec<String> = match &union.discriminator {
                    None => union.member_types().map(str::to_owned).collect(),
                    Some(_) => {
                        union.variants.iter().map(|v| format!("{} ({})", v.type_name, v.tags.join(", "))).collect()
                    }
                };
                let by = union.discriminator.as_ref().map(|p| format!(" by {p}")).unwrap_or_default();
                let _ = writeln!(out, "union {} [{direction}]{by} = {}", def.name, forms.join(" | "));
            }
        }
    }
    out
}

fn shape(shape: &Shape) -> String {
    let ty = match &shape.ty {
        Ty::Named(n) => n.clone(),
        Ty::String => "string".into(),
        Ty::I32 => "i32".into(),
        Ty::I64 => "i64".into(),
        Ty::F64 => "f64".into(),
        Ty::Bool => "bool".into(),
        Ty::Array(item) => format!("[{}]", self::shape(item)),
        Ty::Map(value) => format!("map<{}>", self::shape(value)),
        Ty::Json => "json".into(),
        Ty::JsonObject => "object".into(),
        Ty::Bytes => "bytes".into(),
    };
    let nullable = if shape.nullable { "?" } else { "" };
    format!("{ty}{nullable}{}", rules(&shape.rules))
}

fn rules(c: &Rules) -> String {
    let mut parts = Vec::new();
    if c.min_length.is_some() || c.max_length.is_some() {
        parts.push(format!("len {}..{}", bound(c.min_length), bound(c.max_length)));
    }
    for p in &c.patterns {
        parts.push(format!("pattern {:?}", p.source));
    }
    if let Some((n, exclusive)) = c.minimum {
        parts.push(format!("{} {n}", if exclusive { ">" } else { ">=" }));
    }
    if let Some((n, exclusive)) = c.maximum {
        parts.push(format!("{} {n}", if exclusive { "<" } else { "<=" }));
    }
    if c.min_items.is_some() || c.max_items.is_some() {
        parts.push(format!("items {}..{}", bound(c.min_items), bound(c.max_items)));
    }
    if c.unique_items {
        parts.push("unique".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {{{}}}", parts.join(", "))
    }
}

fn bound(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}
