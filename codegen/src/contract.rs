//! The inputs of contract calls: for every operation, a value for each of
//! its inputs taken from the spec's examples. Computed from the model, so
//! emitting the calls cannot fail.

use serde_json::{Map, Value};

use crate::error::{CodegenError, Location};
use crate::ir::{Api, ParamLocation, Shape, Ty, TypeKind};

/// One input of a contract call.
pub(crate) struct ContractInput<'a> {
    /// The argument's Rust name (without `r#`).
    pub name: String,
    /// Its shape.
    pub shape: &'a Shape,
    /// Whether the method requires it.
    pub required: bool,
    /// The example value; `None` only for optional inputs without one.
    pub example: Option<Value>,
}

/// The inputs of every operation's contract call, in operation order, or the
/// first required input that has no example to build a valid value from.
pub(crate) fn plan(api: &Api) -> Result<Vec<Vec<ContractInput<'_>>>, CodegenError> {
    api.operations
        .iter()
        .map(|op| {
            let params = [ParamLocation::Path, ParamLocation::Header, ParamLocation::Query]
                .into_iter()
                .flat_map(|loc| op.params.iter().filter(move |p| p.location == loc));
            params
                .map(|p| (p.rust_name.trim_start_matches("r#").to_owned(), &p.shape, p.required, p.example.clone()))
                .chain(op.body.iter().map(|b| ("body".to_owned(), &b.preferred().shape, b.required, b.example.clone())))
                .map(|(name, shape, required, example)| {
                    let example = example.or_else(|| example_for(api, shape, 0));
                    if example.is_none() && required {
                        return Err(CodegenError::Unsupported {
                            at: Location { file: api.file.clone(), pointer: op.pointer.clone() },
                            reason: format!("no example to build a valid `{name}` for the contract call"),
                        });
                    }
                    Ok(ContractInput { name, shape, required, example })
                })
                .collect()
        })
        .collect()
}

/// A value valid for `shape`, from the spec's examples where it has them.
fn example_for(api: &Api, shape: &Shape, depth: usize) -> Option<Value> {
    if depth > 16 {
        return None;
    }
    let c = &shape.rules;
    match &shape.ty {
        Ty::Named(name) => {
            let def = api.types.get(name)?;
            if let Some(example) = &def.example {
                return Some(example.clone());
            }
            match &def.kind {
                TypeKind::Struct(s) => {
                    let mut object = Map::new();
                    for field in s.fields.iter().filter(|f| f.required && !f.read_only) {
                        let value = field.example.clone().or_else(|| example_for(api, &field.shape, depth + 1))?;
                        object.insert(field.wire_name.clone(), value);
                    }
                    Some(Value::Object(object))
                }
                TypeKind::Enum(e) => e.values.first().map(|v| Value::String(v.wire_name.clone())),
                TypeKind::Newtype(inner) | TypeKind::Alias(inner) => example_for(api, inner, depth + 1),
                TypeKind::Union(union) => union.variants.iter().find_map(|v| {
                    let mut example = example_for(api, &Shape::plain(Ty::Named(v.type_name.clone())), depth + 1)?;
                    // A tagged form carries the tag it is sent with.
                    if let (Some(property), Some(tag), Value::Object(object)) =
                        (&union.discriminator, v.tags.first(), &mut example)
                    {
                        object.insert(property.clone(), Value::String(tag.clone()));
                    }
                    Some(example)
                }),
            }
        }
        Ty::String if c.patterns.is_empty() => {
            let len = c.min_length.unwrap_or(1).max(1).min(c.max_length.unwrap_or(u64::MAX)) as usize;
            Some(Value::String("x".repeat(len)))
        }
        Ty::String => None,
        Ty::I32 | Ty::I64 => {
            let low = c.minimum.map(|(n, exclusive)| if exclusive { n.floor() + 1.0 } else { n.ceil() });
            Some(Value::from(low.unwrap_or(1.0) as i64))
        }
        Ty::F64 => Some(Value::from(c.minimum.map(|(n, _)| n + 1.0).unwrap_or(1.0))),
        Ty::Bool => Some(Value::Bool(true)),
        Ty::Array(item) => {
            let count = c.min_items.unwrap_or(1).max(1) as usize;
            let item = example_for(api, item, depth + 1)?;
            Some(Value::Array(vec![item; count]))
        }
        Ty::Map(_) | Ty::JsonObject | Ty::Json => Some(Value::Object(Map::new())),
        Ty::Bytes => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{model, Settings, SpecSource};

    fn spec(example: &str) -> String {
        format!(
            "openapi: 3.0.3
info: {{title: t, version: '1'}}
paths:
  /items/{{id}}:
    get:
      operationId: getItem
      parameters:
        - name: id
          in: path
          required: true
          schema: {{type: string, pattern: '^[a-z]+$'}}
          {example}
      responses:
        '204': {{description: done}}
"
        )
    }

    #[test]
    fn a_required_input_without_an_example_is_named_before_emitting() {
        let text = spec("");
        let (api, _) = model(SpecSource { file: "t.yaml", text: &text }, &Settings::default()).unwrap();
        let error = plan(&api).err().expect("a required patterned input has no example");
        assert!(error.to_string().contains("no example to build a valid `id`"), "{error}");
    }

    #[test]
    fn the_spec_example_is_the_input() {
        let text = spec("example: abc");
        let (api, _) = model(SpecSource { file: "t.yaml", text: &text }, &Settings::default()).unwrap();
        let calls = plan(&api).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(calls[0][0].example, Some(Value::from("abc")));
        assert!(calls[0][0].required);
    }
}
