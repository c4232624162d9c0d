//! What generated unions (`anyOf` / `oneOf`) share: reading a received
//! value as one of their forms, and for a union with a discriminator
//! writing and checking the tag.
//!
//! A tagged union reads the tag (the discriminator member of the JSON
//! object) and tries exactly the forms it selects, so an error is that
//! form's, with the JSON path inside the value. A value without a tag, or
//! with a tag that selects no form, is read like an untagged one: as the
//! first form that accepts it (lenient inbound); `validate()` then reports
//! the tag, so the client never sends it (strict outbound).
//!
//! Among several forms that accept a value, the first that keeps every
//! member of it (written back, each non-null member is still there, at any
//! depth) wins; when none does, the first that accepts it. So an `anyOf` of
//! objects whose first member would drop what only a later one declares
//! reads as the later one, and the value round-trips.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::check;
use super::path::Path;
use super::validate::Violation;

/// The forms of a union, in order: each form's type name with the tags that
/// select it (none for an untagged union).
pub type Forms = [(&'static str, &'static [&'static str])];

/// One received value being read as one of a union's forms.
#[derive(Debug)]
pub struct Reading<'v> {
    value: &'v Value,
    /// The discriminator and the tag, when the tag selects some form.
    tag: Option<(&'static str, &'v str)>,
    /// The forms the tag selects (all forms are tried without `tag`).
    selected: Vec<&'static str>,
    /// Why each form tried refused the value.
    refusals: Vec<String>,
    /// How many forms are left to try.
    left: usize,
    /// Whether a form tried so far accepted the value but dropped a member.
    lossy: bool,
}

/// A form that accepted a value.
#[derive(Debug)]
pub enum Fit<T> {
    /// Written back, it keeps every member of the value (or no other form
    /// is left to try).
    Whole(T),
    /// It drops some member of the value: a later form may keep it.
    Lossy(T),
}

impl<'v> Reading<'v> {
    /// Starts reading `value` as one of `forms`; `discriminator` names the
    /// tag member of a tagged union.
    pub fn new(value: &'v Value, discriminator: Option<&'static str>, forms: &Forms) -> Self {
        let tag = discriminator.and_then(|property| Some((property, value.get(property)?.as_str()?)));
        let selected: Vec<&'static str> = match tag {
            Some((_, tag)) => forms.iter().filter(|(_, tags)| tags.contains(&tag)).map(|(form, _)| *form).collect(),
            None => Vec::new(),
        };
        let tag = if selected.is_empty() { None } else { tag };
        let left =
            if tag.is_some() { forms.iter().filter(|(form, _)| selected.contains(form)).count() } else { forms.len() };
        Reading { value, tag, selected, refusals: Vec::new(), left, lossy: false }
    }

    /// Whether the form `form` (its type name) is to be tried.
    pub fn tries(&self, form: &str) -> bool {
        self.tag.is_none() || self.selected.contains(&form)
    }

    /// The value as the form `form` of type `T`, and whether it keeps every
    /// member (not checked for the last form when no earlier one accepted
    /// the value: there is no other choice); `None`
    /// when `T` refuses it, with the reason and its JSON path inside the
    /// value kept.
    pub fn read<T: DeserializeOwned + Serialize>(&mut self, form: &'static str) -> Option<Fit<T>> {
        self.left = self.left.saturating_sub(1);
        match serde_path_to_error::deserialize::<_, T>(self.value) {
            Ok(read) => {
                let whole = (self.left == 0 && !self.lossy)
                    || !(self.value.is_object() || self.value.is_array())
                    || serde_json::to_value(&read).is_ok_and(|back| keeps(self.value, &back));
                self.lossy |= !whole;
                Some(if whole { Fit::Whole(read) } else { Fit::Lossy(read) })
            }
            Err(error) => {
                let at = super::decode::pointer(error.path());
                let at = if at.is_empty() { String::new() } else { format!("at {at}: ") };
                self.refusals.push(format!("{form}: {at}{}", error.inner()));
                None
            }
        }
    }

    /// The error when every form tried refused the value: the tag and the
    /// forms it selects, or every form, each with its reason.
    pub fn refused<E: serde::de::Error>(self, union: &str) -> E {
        let reasons = self.refusals.join("; ");
        E::custom(match self.tag {
            Some((property, tag)) => {
                let forms = self.selected.join("` or `");
                format!("`{property}` {tag:?} selects `{forms}` of {union}, which refuses the value: {reasons}")
            }
            None => format!("matches none of the forms of {union}: {reasons}"),
        })
    }
}

thread_local! {
    /// The unions being read on this thread, innermost last, with the value
    /// each is reading.
    static READING: std::cell::RefCell<Vec<(&'static str, Value)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A union being read; dropping it ends the reading.
#[derive(Debug)]
pub struct Entered(());

impl Drop for Entered {
    fn drop(&mut self) {
        READING.with(|reading| reading.borrow_mut().pop());
    }
}

/// Starts reading `value` as the union `union`; `None` when that union is
/// already reading the same value further out. A union that holds itself
/// (`Expr: anyOf [Literal, Group]`, `Group: anyOf [Expr, ...]`) would
/// otherwise try itself on the same value forever; that form refuses the
/// value instead.
pub fn enter(union: &'static str, value: &Value) -> Option<Entered> {
    READING.with(|reading| {
        let mut reading = reading.borrow_mut();
        if reading.iter().any(|(name, seen)| *name == union && seen == value) {
            return None;
        }
        reading.push((union, value.clone()));
        Some(Entered(()))
    })
}

/// Whether `back` (a value read and written back) still has every non-null
/// member of `original`, at every depth. Values themselves are not compared:
/// numbers may be written differently, defaults may fill in.
fn keeps(original: &Value, back: &Value) -> bool {
    match (original, back) {
        (Value::Object(original), Value::Object(back)) => original
            .iter()
            .filter(|(_, value)| !value.is_null())
            .all(|(key, value)| back.get(key).is_some_and(|kept| keeps(value, kept))),
        (Value::Array(original), Value::Array(back)) => {
            original.len() == back.len() && original.iter().zip(back).all(|(value, kept)| keeps(value, kept))
        }
        (Value::Object(_) | Value::Array(_), _) => false,
        _ => true,
    }
}

/// Serializes a form of a tagged union: as the form, with the member
/// `property` set to `tags[0]` when the form holds no tag itself (its type
/// has no such member, or leaves it out); a tag the form holds is written as
/// held, once.
pub fn serialize_tagged<T: Serialize, S: Serializer>(
    form: &T,
    property: &str,
    tags: &[&str],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(form).map_err(serde::ser::Error::custom)?;
    if let (Value::Object(object), Some(tag)) = (&mut value, tags.first()) {
        if object.get(property).is_none_or(Value::is_null) {
            object.insert(property.to_owned(), Value::String((*tag).to_owned()));
        }
    }
    value.serialize(serializer)
}

/// Reports the tag a form holds when it is not one of the tags that select
/// the form (an unknown tag, or another form's), at `path/property`.
pub fn check_tag<T: Serialize>(
    form: &T,
    property: &str,
    tags: &'static [&'static str],
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    if tags.is_empty() {
        return;
    }
    let Ok(Value::Object(object)) = serde_json::to_value(form) else { return };
    let held = match object.get(property) {
        None | Some(Value::Null) => return,
        Some(Value::String(tag)) if tags.contains(&tag.as_str()) => return,
        Some(Value::String(tag)) => tag.clone(),
        Some(other) => other.to_string(),
    };
    check::unknown_enum_value(&held, tags, &path.field(property), out);
}
