//! Constraint checks that generated `Validate` implementations call.
//!
//! Each function appends a [`Violation`] to `out` when its rule is broken and
//! does nothing otherwise. Lengths count Unicode code points, as JSON Schema
//! defines them; numeric bounds compare exactly, without rounding large
//! integers through `f64`.

use std::cmp::Ordering;
use std::fmt;

use super::path::Path;
use super::pattern::Pattern;
use super::validate::{Rule, Violation};

fn push(out: &mut Vec<Violation>, path: &Path<'_>, rule: Rule) {
    out.push(Violation { pointer: path.to_pointer(), rule });
}

/// Checks `minLength` and `maxLength` (either may be absent) of a string.
///
/// A string has at most as many characters as bytes and at least a quarter
/// as many, so most strings pass on their byte length alone; characters are
/// counted only when that cannot decide.
pub fn length(value: &str, min: Option<u64>, max: Option<u64>, path: &Path<'_>, out: &mut Vec<Violation>) {
    let bytes = value.len() as u64;
    let surely_short_enough = max.is_none_or(|limit| bytes <= limit);
    let surely_long_enough = min.is_none_or(|limit| bytes.div_ceil(4) >= limit);
    if surely_short_enough && surely_long_enough {
        return;
    }
    let actual = value.chars().count() as u64;
    if let Some(limit) = min {
        if actual < limit {
            push(out, path, Rule::MinLength { limit, actual });
        }
    }
    if let Some(limit) = max {
        if actual > limit {
            push(out, path, Rule::MaxLength { limit, actual });
        }
    }
}

/// Checks that a string matches a spec pattern.
pub fn pattern(value: &str, pattern: &Pattern, path: &Path<'_>, out: &mut Vec<Violation>) {
    if !pattern.is_match(value) {
        push(out, path, Rule::Pattern { pattern: pattern.source() });
    }
}

/// A number that can be compared exactly with a bound from a spec.
pub trait Bounded: Copy {
    /// How the number compares with `bound`; `None` when `bound` is NaN.
    fn compare(self, bound: f64) -> Option<Ordering>;
    /// The number as `f64`, for reporting.
    fn as_f64(self) -> f64;
    /// The number as a whole `i64`, when it is an integer type.
    fn whole(self) -> Option<i64> {
        None
    }
}

impl Bounded for i64 {
    fn compare(self, bound: f64) -> Option<Ordering> {
        // Integral bounds within range compare as integers; anything else
        // compares through i128/f64 without losing the integer's precision.
        if bound.fract() == 0.0 && bound >= i64::MIN as f64 && bound < i64::MAX as f64 {
            Some(self.cmp(&(bound as i64)))
        } else if bound.is_nan() {
            None
        } else if bound >= i64::MAX as f64 {
            Some(Ordering::Less)
        } else if bound < i64::MIN as f64 {
            Some(Ordering::Greater)
        } else {
            let floor = bound.floor() as i64;
            Some(if self <= floor { Ordering::Less } else { Ordering::Greater })
        }
    }

    fn as_f64(self) -> f64 {
        self as f64
    }

    fn whole(self) -> Option<i64> {
        Some(self)
    }
}

impl Bounded for i32 {
    fn compare(self, bound: f64) -> Option<Ordering> {
        i64::from(self).compare(bound)
    }

    fn as_f64(self) -> f64 {
        f64::from(self)
    }

    fn whole(self) -> Option<i64> {
        Some(i64::from(self))
    }
}

impl Bounded for f64 {
    fn compare(self, bound: f64) -> Option<Ordering> {
        self.partial_cmp(&bound)
    }

    fn as_f64(self) -> f64 {
        self
    }
}

/// Checks `minimum` (with `exclusiveMinimum` when `exclusive`).
pub fn minimum<N: Bounded>(value: N, limit: f64, exclusive: bool, path: &Path<'_>, out: &mut Vec<Violation>) {
    let ok = match value.compare(limit) {
        Some(Ordering::Greater) => true,
        Some(Ordering::Equal) => !exclusive,
        _ => false,
    };
    if !ok {
        push(out, path, Rule::Minimum { limit, exclusive, actual: value.as_f64() });
    }
}

/// Checks `maximum` (with `exclusiveMaximum` when `exclusive`).
pub fn maximum<N: Bounded>(value: N, limit: f64, exclusive: bool, path: &Path<'_>, out: &mut Vec<Violation>) {
    let ok = match value.compare(limit) {
        Some(Ordering::Less) => true,
        Some(Ordering::Equal) => !exclusive,
        _ => false,
    };
    if !ok {
        push(out, path, Rule::Maximum { limit, exclusive, actual: value.as_f64() });
    }
}

/// Checks `minItems` and `maxItems` (either may be absent) of an array.
pub fn items(len: usize, min: Option<u64>, max: Option<u64>, path: &Path<'_>, out: &mut Vec<Violation>) {
    let actual = len as u64;
    if let Some(limit) = min {
        if actual < limit {
            push(out, path, Rule::MinItems { limit, actual });
        }
    }
    if let Some(limit) = max {
        if actual > limit {
            push(out, path, Rule::MaxItems { limit, actual });
        }
    }
}

/// Checks `uniqueItems`: no two items of the array are equal.
pub fn unique<T: PartialEq>(items: &[T], path: &Path<'_>, out: &mut Vec<Violation>) {
    let duplicate = items.iter().enumerate().any(|(i, item)| items[i + 1..].contains(item));
    if duplicate {
        push(out, path, Rule::UniqueItems);
    }
}

/// Checks `multipleOf`: exactly for integers and whole factors, within a
/// relative 1e-9 for fractions (which binary floating point cannot hold exactly).
pub fn multiple_of<N: Bounded>(value: N, factor: f64, path: &Path<'_>, out: &mut Vec<Violation>) {
    let ok = match value.whole() {
        Some(whole) if factor.fract() == 0.0 && factor.abs() >= 1.0 && factor.abs() < 9.0e18 => {
            whole % (factor as i64) == 0
        }
        _ => {
            let quotient = value.as_f64() / factor;
            quotient.is_finite() && (quotient - quotient.round()).abs() <= 1e-9 * quotient.abs().max(1.0)
        }
    };
    if !ok {
        push(out, path, Rule::MultipleOf { factor, actual: value.as_f64() });
    }
}

/// Checks that a number or boolean is one of the schema's `enum` values;
/// `shown` are the same values as written in the spec, for the report.
pub fn allowed<T: PartialEq + fmt::Display>(
    value: &T,
    allowed: &[T],
    shown: &'static [&'static str],
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    if !allowed.contains(value) {
        push(out, path, Rule::Enum { actual: value.to_string(), allowed: shown });
    }
}

/// Checks an `anyOf` of `required` lists: `present` tells, per list,
/// whether all its members are present.
pub fn required_any_of(
    present: &[bool],
    alternatives: &'static [&'static [&'static str]],
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    if !present.iter().any(|p| *p) {
        push(out, path, Rule::RequiredAnyOf { alternatives });
    }
}

/// Checks `minProperties` and `maxProperties` (either may be absent) of an object.
pub fn properties(len: usize, min: Option<u64>, max: Option<u64>, path: &Path<'_>, out: &mut Vec<Violation>) {
    let actual = len as u64;
    if let Some(limit) = min {
        if actual < limit {
            push(out, path, Rule::MinProperties { limit, actual });
        }
    }
    if let Some(limit) = max {
        if actual > limit {
            push(out, path, Rule::MaxProperties { limit, actual });
        }
    }
}

/// How many of an object's optional members are present, for
/// `minProperties` / `maxProperties`.
pub fn present(members: &[bool]) -> usize {
    members.iter().filter(|present| **present).count()
}

/// Reports a value outside an enumeration (an unknown value kept from a
/// server response, checked before it is sent back).
pub fn unknown_enum_value(actual: &str, allowed: &'static [&'static str], path: &Path<'_>, out: &mut Vec<Violation>) {
    push(out, path, Rule::Enum { actual: actual.to_owned(), allowed });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: impl FnOnce(&Path<'_>, &mut Vec<Violation>)) -> Vec<Rule> {
        let mut out = Vec::new();
        f(&Path::Root, &mut out);
        out.into_iter().map(|v| v.rule).collect()
    }

    #[test]
    fn length_counts_code_points_not_bytes() {
        assert!(run(|p, o| length("ééé", None, Some(3), p, o)).is_empty());
        assert_eq!(run(|p, o| length("éééé", None, Some(3), p, o)), vec![Rule::MaxLength { limit: 3, actual: 4 }]);
        assert_eq!(run(|p, o| length("😀", Some(2), None, p, o)), vec![Rule::MinLength { limit: 2, actual: 1 }]);
    }

    #[test]
    fn length_decides_on_bytes_only_when_it_can() {
        // 4 bytes per character: byte length alone would wrongly fail maxLength 3.
        assert!(run(|p, o| length("😀😀😀", Some(3), Some(3), p, o)).is_empty());
        // 2 bytes per character: byte length alone would wrongly pass minLength 3.
        assert_eq!(run(|p, o| length("éé", Some(3), None, p, o)), vec![Rule::MinLength { limit: 3, actual: 2 }]);
        assert!(run(|p, o| length("", Some(0), Some(0), p, o)).is_empty());
    }

    #[test]
    fn bounds_are_inclusive_unless_exclusive() {
        assert!(run(|p, o| minimum(5i64, 5.0, false, p, o)).is_empty());
        assert_eq!(run(|p, o| minimum(5i64, 5.0, true, p, o)).len(), 1);
        assert!(run(|p, o| maximum(5i32, 5.0, false, p, o)).is_empty());
        assert_eq!(run(|p, o| maximum(6i32, 5.0, false, p, o)).len(), 1);
        assert!(run(|p, o| minimum(2i64, 1.5, false, p, o)).is_empty());
        assert_eq!(run(|p, o| minimum(1i64, 1.5, false, p, o)).len(), 1);
        assert_eq!(run(|p, o| maximum(f64::NAN, 1.0, false, p, o)).len(), 1);
    }

    #[test]
    fn large_integers_compare_exactly() {
        let limit = 9_007_199_254_740_992.0; // 2^53
        assert_eq!(run(|p, o| maximum(9_007_199_254_740_993i64, limit, false, p, o)).len(), 1);
        assert!(run(|p, o| maximum(9_007_199_254_740_992i64, limit, false, p, o)).is_empty());
    }

    #[test]
    fn multiples_allowed_values_and_member_counts() {
        assert!(run(|p, o| multiple_of(12i64, 3.0, p, o)).is_empty());
        assert_eq!(run(|p, o| multiple_of(13i64, 3.0, p, o)), vec![Rule::MultipleOf { factor: 3.0, actual: 13.0 }]);
        assert!(run(|p, o| multiple_of(0.3f64, 0.1, p, o)).is_empty());
        assert_eq!(run(|p, o| multiple_of(0.35f64, 0.1, p, o)).len(), 1);
        assert!(run(|p, o| multiple_of(i64::MAX, 1.0, p, o)).is_empty());
        assert!(run(|p, o| allowed(&2i64, &[1, 2], &["1", "2"], p, o)).is_empty());
        assert_eq!(
            run(|p, o| allowed(&3i64, &[1, 2], &["1", "2"], p, o)),
            vec![Rule::Enum { actual: "3".into(), allowed: &["1", "2"] }]
        );
        assert_eq!(run(|p, o| properties(0, Some(1), None, p, o)), vec![Rule::MinProperties { limit: 1, actual: 0 }]);
        assert_eq!(run(|p, o| properties(3, None, Some(2), p, o)), vec![Rule::MaxProperties { limit: 2, actual: 3 }]);
    }

    #[test]
    fn items_and_uniqueness() {
        assert_eq!(run(|p, o| items(0, Some(1), Some(2), p, o)), vec![Rule::MinItems { limit: 1, actual: 0 }]);
        assert_eq!(run(|p, o| items(3, Some(1), Some(2), p, o)), vec![Rule::MaxItems { limit: 2, actual: 3 }]);
        assert_eq!(run(|p, o| unique(&[1, 2, 1], p, o)), vec![Rule::UniqueItems]);
        assert!(run(|p, o| unique(&[1, 2, 3], p, o)).is_empty());
    }
}
