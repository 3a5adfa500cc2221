//! Panics a student meets often, recognised from their message so that the report can
//! say in the student's language what went wrong: an index past the end of an array
//! (ndarray's or a slice's), or a `usize` subtraction that went below zero.

/// A panic the report explains beside Rust's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnownPanic {
    /// An index outside the array: the index and the array's shape as Rust printed them
    /// (`3` and `[3]`, `[3, 0]` and `[3, 4]`), when the message says them.
    Index {
        index: Option<String>,
        shape: Option<String>,
    },
    /// `attempt to subtract with overflow`: a `usize` (a length, an index) below zero.
    Subtract,
}

/// The known panic `message` is, if it is one.
pub fn recognise(message: &str) -> Option<KnownPanic> {
    let first = message.lines().next().unwrap_or("").trim();
    if let Some(rest) = first.strip_prefix("ndarray: index ")
        && let Some((index, shape)) = rest.split_once(" is out of bounds for array of shape ")
    {
        return Some(KnownPanic::Index {
            index: Some(index.to_string()),
            shape: Some(shape.to_string()),
        });
    }
    if first.starts_with("ndarray: index out of bounds") {
        return Some(KnownPanic::Index {
            index: None,
            shape: None,
        });
    }
    if let Some(rest) = first.strip_prefix("index out of bounds: the len is ")
        && let Some((len, index)) = rest.split_once(" but the index is ")
    {
        return Some(KnownPanic::Index {
            index: Some(index.to_string()),
            shape: Some(format!("[{len}]")),
        });
    }
    if first.starts_with("attempt to subtract with overflow") {
        return Some(KnownPanic::Subtract);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(index: &str, shape: &str) -> Option<KnownPanic> {
        Some(KnownPanic::Index {
            index: Some(index.to_string()),
            shape: Some(shape.to_string()),
        })
    }

    #[test]
    fn recognises_an_index_past_the_end() {
        assert_eq!(
            recognise("ndarray: index 3 is out of bounds for array of shape [3]"),
            index("3", "[3]")
        );
        assert_eq!(
            recognise("ndarray: index [3, 0] is out of bounds for array of shape [3, 4]"),
            index("[3, 0]", "[3, 4]")
        );
        assert_eq!(
            recognise("index out of bounds: the len is 4 but the index is 4"),
            index("4", "[4]")
        );
        assert_eq!(
            recognise("ndarray: index out of bounds"),
            Some(KnownPanic::Index {
                index: None,
                shape: None
            })
        );
    }

    #[test]
    fn recognises_a_subtraction_below_zero() {
        assert_eq!(
            recognise("attempt to subtract with overflow"),
            Some(KnownPanic::Subtract)
        );
    }

    #[test]
    fn other_panics_are_left_as_they_are() {
        assert_eq!(recognise("boom"), None);
        assert_eq!(recognise("the kernel is larger than the image"), None);
        assert_eq!(recognise(""), None);
    }
}
