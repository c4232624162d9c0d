//! Locations inside a value, rendered as JSON pointers only when needed.

use std::fmt;

/// A location inside a value being validated.
///
/// Paths live on the stack and borrow their parent, so validating a value
/// that has no violations allocates nothing; the JSON pointer text is built
/// only when a violation is recorded.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The value itself (pointer `""`).
    Root,
    /// A named member of an object.
    Field(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of the member `name` below this one.
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of the array element `index` below this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// Renders the path as an RFC 6901 JSON pointer (`/order_lines/3/name`).
    pub fn to_pointer(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(parent, name) => {
                write!(f, "{parent}/")?;
                for c in name.chars() {
                    match c {
                        '~' => f.write_str("~0")?,
                        '/' => f.write_str("~1")?,
                        other => write!(f, "{other}")?,
                    }
                }
                Ok(())
            }
            Path::Index(parent, index) => write!(f, "{parent}/{index}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    #[test]
    fn renders_nested_pointer_with_escapes() {
        let root = Path::Root;
        let lines = root.field("order_lines");
        let third = lines.index(3);
        let odd = third.field("a/b~c");
        assert_eq!(odd.to_pointer(), "/order_lines/3/a~1b~0c");
        assert_eq!(root.to_pointer(), "");
    }
}
