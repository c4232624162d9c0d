//! `$ref`s the typed document cannot hold, replaced by their targets
//! before it is read: path items (under `paths` and inside callbacks) and
//! callbacks of operations. openapiv3 reads a referenced path item as an
//! unusable reference and a referenced callback not at all; OpenAPI 3.0
//! allows both.

use serde_yaml::Value;

use crate::load::{key_text, resolve};
use crate::pointer;

/// How many `$ref` links are followed before giving up on a chain.
const MAX_LINKS: usize = 16;

/// The operation keys of a path item.
const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// Replaces every referenced path item and callback with a copy of its
/// target. Sibling keys of a `$ref` that the target lacks are kept. Returns
/// the pointers of references that lead into a cycle or a chain too long
/// to follow: a path item stays a reference (the converter skips it), a
/// callback is removed.
pub fn inline(raw: &mut Value) -> Vec<String> {
    let root = raw.clone();
    let mut stuck = Vec::new();
    let Some(Value::Mapping(paths)) = raw.get_mut("paths") else { return stuck };
    for (path, item) in paths.iter_mut() {
        let at = pointer::join("/paths", &key_text(path));
        inline_path_item(&root, item, &at, &mut stuck);
    }
    stuck
}

fn inline_path_item(root: &Value, item: &mut Value, at: &str, stuck: &mut Vec<String>) {
    if !replace_with_target(root, item) {
        stuck.push(at.to_owned());
        return;
    }
    let Value::Mapping(item) = item else { return };
    for method in METHODS {
        let Some(Value::Mapping(callbacks)) = item.get_mut(*method).and_then(|op| op.get_mut("callbacks")) else {
            continue;
        };
        let callbacks_at = pointer::join(&pointer::join(at, method), "callbacks");
        // A callback the typed document cannot hold is left out (and reported).
        callbacks.retain(|name, callback| {
            let callback_at = pointer::join(&callbacks_at, &key_text(name));
            if !replace_with_target(root, callback) {
                stuck.push(callback_at);
                return false;
            }
            if let Value::Mapping(expressions) = callback {
                expressions.retain(|expression, nested| {
                    // Callbacks inside callbacks are not followed further.
                    let kept = replace_with_target(root, nested);
                    if !kept {
                        stuck.push(pointer::join(&callback_at, &key_text(expression)));
                    }
                    kept
                });
            }
            true
        });
    }
}

/// Replaces `node`, while it is a mapping with a string `$ref`, by its
/// target; `false` when the chain does not end.
fn replace_with_target(root: &Value, node: &mut Value) -> bool {
    for _ in 0..MAX_LINKS {
        let Some(reference) = node.get("$ref").and_then(Value::as_str).map(str::to_owned) else {
            return true;
        };
        // The loader has checked every `$ref` resolves.
        let Some(target) = resolve(root, &reference) else { return false };
        let mut replacement = target.clone();
        if let (Value::Mapping(siblings), Value::Mapping(target)) = (&*node, &mut replacement) {
            for (key, value) in siblings {
                if key.as_str() != Some("$ref") && !target.contains_key(key) {
                    target.insert(key.clone(), value.clone());
                }
            }
        }
        *node = replacement;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn replaces_path_items_and_callbacks_by_their_targets() {
        let mut raw = yaml(
            "paths:
  /a: {get: {operationId: a, callbacks: {done: {$ref: '#/x-callbacks/done'}}}}
  /b: {$ref: '#/paths/~1a'}
x-callbacks:
  done:
    '{$request.body#/url}': {$ref: '#/x-items/hook'}
x-items:
  hook: {post: {operationId: hook}}
",
        );
        assert!(inline(&mut raw).is_empty());
        let b = &raw["paths"]["/b"];
        assert_eq!(b["get"]["operationId"], yaml("a"));
        assert_eq!(b["get"]["callbacks"]["done"]["{$request.body#/url}"]["post"]["operationId"], yaml("hook"));
    }

    #[test]
    fn a_cycle_is_reported_and_left_alone() {
        let mut raw = yaml("paths:\n  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n");
        assert_eq!(inline(&mut raw), vec!["/paths/~1a".to_owned(), "/paths/~1b".to_owned()]);
    }
}
