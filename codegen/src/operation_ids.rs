//! Every operation gets a unique `operationId`: one without gets a name
//! made of its method and path, a repeated one a number. Both are warnings,
//! since the client's method names come from these ids.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, Operation, PathItem, ReferenceOr};

use crate::load::SpecSource;
use crate::naming;
use crate::pointer;
use crate::warning::Warnings;

/// Fills in missing and repeated operationIds, in document order.
pub fn assign(source: SpecSource<'_>, document: &mut OpenAPI, warnings: &mut Warnings) {
    let given: BTreeSet<String> = document.operations().filter_map(|(_, _, op)| op.operation_id.clone()).collect();
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for (path, item) in document.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else { continue };
        for (method, operation) in operations_mut(item) {
            let at = pointer::join(&pointer::join("/paths", path), method);
            let id = match &operation.operation_id {
                Some(id) if !taken.contains_key(id) => id.clone(),
                Some(id) => {
                    let renamed = free_name(id, &given, &taken);
                    warnings.push(
                        source.at(pointer::join(&at, "operationId")),
                        format!(
                            "operationId {id:?} is already used at {}; this operation is called {renamed:?}",
                            taken[id]
                        ),
                    );
                    renamed
                }
                None => {
                    let named = free_name(&synthesized(method, path), &given, &taken);
                    warnings.push(source.at(&at), format!("operation has no operationId; it is called {named:?}"));
                    named
                }
            };
            taken.insert(id.clone(), at);
            operation.operation_id = Some(id);
        }
    }
}

/// `get /pets/{petId}/photos` -> `get_pets_pet_id_photos`.
fn synthesized(method: &str, path: &str) -> String {
    let words: Vec<&str> = path.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let words = if words.is_empty() { "root".to_owned() } else { words.join(" ") };
    // `method_...` is never a keyword, so the name is a plain identifier.
    naming::value_name(&format!("{method} {words}"))
}

/// `base`, or `base_2`, `base_3`, ... : the first that no operation uses
/// or will use.
fn free_name(base: &str, given: &BTreeSet<String>, taken: &BTreeMap<String, String>) -> String {
    let used = |name: &str| taken.contains_key(name) || given.contains(name);
    if !used(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}_{n}")).find(|name| !used(name)).unwrap_or_else(|| base.to_owned())
}

/// The operations of a path item, mutable, in the order the converter reads them.
fn operations_mut(item: &mut PathItem) -> impl Iterator<Item = (&'static str, &mut Operation)> {
    [
        ("get", &mut item.get),
        ("put", &mut item.put),
        ("post", &mut item.post),
        ("delete", &mut item.delete),
        ("options", &mut item.options),
        ("head", &mut item.head),
        ("patch", &mut item.patch),
        ("trace", &mut item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_mut().map(|op| (method, op)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> (Vec<String>, Vec<String>) {
        let source = SpecSource { file: "t.yaml", text };
        let mut document: OpenAPI = serde_yaml::from_str(text).unwrap();
        let mut warnings = Warnings::default();
        assign(source, &mut document, &mut warnings);
        let ids = document.operations().map(|(_, _, op)| op.operation_id.clone().unwrap()).collect();
        (ids, warnings.into_vec().into_iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn names_operations_without_an_id_after_method_and_path() {
        let (ids, warnings) = ids("openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets/{petId}:
    get: {responses: {'200': {description: ok}}}
    delete: {operationId: get_pets_pet_id, responses: {'200': {description: ok}}}
");
        assert_eq!(ids, ["get_pets_pet_id_2", "get_pets_pet_id"]);
        assert_eq!(
            warnings,
            ["t.yaml#/paths/~1pets~1{petId}/get: warning: operation has no operationId; it is called \"get_pets_pet_id_2\""]
        );
    }

    #[test]
    fn numbers_a_repeated_id() {
        let (ids, warnings) = ids("openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a: {get: {operationId: same, responses: {'200': {description: ok}}}}
  /b: {get: {operationId: same, responses: {'200': {description: ok}}}}
  /c: {get: {operationId: same_2, responses: {'200': {description: ok}}}}
");
        assert_eq!(ids, ["same", "same_3", "same_2"]);
        assert_eq!(
            warnings,
            ["t.yaml#/paths/~1b/get/operationId: warning: operationId \"same\" is already used at /paths/~1a/get; \
              this operation is called \"same_3\""]
        );
    }
}
