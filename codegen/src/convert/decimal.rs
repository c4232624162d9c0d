//! Exact arithmetic on the numbers a spec writes. A number is read as the
//! shortest decimal that turns back into the same `f64` (what the document
//! said, for up to 17 significant digits), so `0.1` is one tenth, not the
//! binary fraction nearest to it.

/// A positive decimal: `digits` times ten to the power `exponent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    digits: u128,
    exponent: i32,
}

/// The shortest decimal that reads back as `value`, ignoring the sign;
/// `None` for infinities and NaN.
fn decimal(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // `{:e}` writes the shortest round-trip digits: `2.5e0`, `1e-1`.
    let text = format!("{:e}", value.abs());
    let (mantissa, exponent) = text.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: u128 = format!("{whole}{fraction}").parse().ok()?;
    Some(Decimal { digits, exponent: exponent - fraction.len() as i32 })
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The least common multiple of two positive factors (`multipleOf 2` and
/// `multipleOf 3` together are `multipleOf 6`; `0.5` and `0.2` are `1`),
/// when it can be written exactly; `None` otherwise.
pub fn least_common_multiple(a: f64, b: f64) -> Option<f64> {
    let (a, b) = (decimal(a)?, decimal(b)?);
    if a.digits == 0 || b.digits == 0 {
        return None;
    }
    // Both as whole multiples of 10^low.
    let low = a.exponent.min(b.exponent);
    let scale = |d: Decimal| d.digits.checked_mul(10u128.checked_pow(u32::try_from(d.exponent - low).ok()?)?);
    let (x, y) = (scale(a)?, scale(b)?);
    let multiple = (x / gcd(x, y)).checked_mul(y)?;
    let result: f64 = format!("{multiple}e{low}").parse().ok()?;
    // Only a multiple that reads back as itself is exact.
    (decimal(result)? == normalized(Decimal { digits: multiple, exponent: low })).then_some(result)
}

/// The same decimal without trailing zeros in its digits.
fn normalized(mut d: Decimal) -> Decimal {
    while d.digits != 0 && d.digits.is_multiple_of(10) {
        d.digits /= 10;
        d.exponent += 1;
    }
    d
}

/// Whether `value` is a whole multiple of the positive `factor`, exactly in decimal.
pub fn is_multiple(value: f64, factor: f64) -> bool {
    let (Some(v), Some(f)) = (decimal(value), decimal(factor)) else { return false };
    if f.digits == 0 {
        return false;
    }
    if v.digits == 0 {
        return true;
    }
    // value / factor = (v.digits / f.digits) * 10^(v.exponent - f.exponent)
    let shift = v.exponent - f.exponent;
    if shift >= 0 {
        // f.digits divides v.digits * 10^shift: compute modulo f.digits.
        let mut rest = v.digits % f.digits;
        for _ in 0..shift {
            rest = rest * 10 % f.digits;
        }
        rest == 0
    } else {
        let Some(divisor) = 10u128.checked_pow(shift.unsigned_abs()).and_then(|p| p.checked_mul(f.digits)) else {
            return false;
        };
        v.digits % divisor == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_document_wrote() {
        assert_eq!(decimal(0.1), Some(Decimal { digits: 1, exponent: -1 }));
        assert_eq!(decimal(2.5), Some(Decimal { digits: 25, exponent: -1 }));
        assert_eq!(decimal(1e300), Some(Decimal { digits: 1, exponent: 300 }));
        assert_eq!(decimal(f64::NAN), None);
    }

    #[test]
    fn common_multiples_are_exact() {
        assert_eq!(least_common_multiple(2.0, 3.0), Some(6.0));
        assert_eq!(least_common_multiple(4.0, 6.0), Some(12.0));
        assert_eq!(least_common_multiple(0.5, 0.2), Some(1.0));
        assert_eq!(least_common_multiple(0.1, 0.3), Some(0.3));
        assert_eq!(least_common_multiple(2.5, 1.0), Some(5.0));
        assert_eq!(least_common_multiple(1e-300, 1e300), None);
    }

    #[test]
    fn multiples_are_decided_in_decimal() {
        assert!(is_multiple(0.3, 0.1));
        assert!(!is_multiple(0.35, 0.1));
        assert!(is_multiple(7.5, 2.5));
        assert!(!is_multiple(7.0, 2.5));
        assert!(is_multiple(1e300, 0.1));
        assert!(!is_multiple(1e-300, 0.1));
        assert!(is_multiple(0.0, 0.7));
    }
}
