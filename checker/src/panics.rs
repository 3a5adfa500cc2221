//! Panics a student meets often, recognised from their message so that the report can
//! say in the student's language what went wrong: an index past the end of an array
//! (ndarray's or a slice's), a `usize` subtraction that went below zero, or arrays of
//! shapes that do not fit together (ndarray's `dot`, `+`, `Zip`, `assign`).

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
    /// ndarray's matrix product of shapes that do not fit: `m × k` and `k2 × n` as
    /// ndarray printed them (a vector on the right is `k2 × 1`).
    MatrixProduct { left: String, right: String },
    /// Two arrays of different shapes in one element-wise operation (`+`, `Zip`,
    /// `assign`), which ndarray cannot broadcast to one shape.
    Shapes,
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
    if let Some(rest) = first.strip_prefix("ndarray: inputs ")
        && let Some(pair) = rest.strip_suffix(" are not compatible for matrix multiplication")
        && let Some((left, right)) = pair.split_once(" and ")
    {
        return Some(KnownPanic::MatrixProduct {
            left: left.to_string(),
            right: right.to_string(),
        });
    }
    if first.contains("ShapeError/IncompatibleShape")
        || first.starts_with("ndarray: could not broadcast array from shape")
        || first.starts_with("Zip: Producer dimension mismatch")
    {
        return Some(KnownPanic::Shapes);
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
    fn recognises_arrays_whose_shapes_do_not_fit() {
        assert_eq!(
            recognise(
                "ndarray: inputs 3 × 2 and 3 × 1 are not compatible for matrix multiplication"
            ),
            Some(KnownPanic::MatrixProduct {
                left: "3 × 2".to_string(),
                right: "3 × 1".to_string()
            })
        );
        for message in [
            "called `Result::unwrap()` on an `Err` value: ShapeError/IncompatibleShape: incompatible shapes",
            "ndarray: could not broadcast array from shape: [2] to: [3]",
            "Zip: Producer dimension mismatch, expected: [3], got: [2]",
        ] {
            assert_eq!(recognise(message), Some(KnownPanic::Shapes), "{message}");
        }
    }

    #[test]
    fn other_panics_are_left_as_they_are() {
        assert_eq!(recognise("boom"), None);
        assert_eq!(recognise("the kernel is larger than the image"), None);
        assert_eq!(recognise(""), None);
    }
}
