//! Rust values to and from [`Value`]s, in the harness: every kind of [`Elem`] alone and
//! in arrays, tuples of these, and `()`.

use crate::elem::Elem;
use crate::value::Value;
use ndarray::{Array, Dimension, IxDyn};

/// The arguments of one case, taken in order by the generated code.
pub struct Args(std::vec::IntoIter<Value>);

impl Args {
    pub fn new(values: Vec<Value>) -> Args {
        Args(values.into_iter())
    }

    pub fn take<T: FromWire>(&mut self) -> Result<T, String> {
        let value = self.0.next().ok_or("too few arguments")?;
        T::from_wire(value)
    }
}

pub trait FromWire: Sized {
    fn from_wire(value: Value) -> Result<Self, String>;
}

pub trait IntoWire {
    fn into_wire(self) -> Value;
}

impl<T: Elem> FromWire for T {
    fn from_wire(value: Value) -> Result<Self, String> {
        value
            .as_scalar::<T>()
            .ok_or_else(|| format!("expected a {}, got {}", T::NAME, value.describe()))
    }
}

impl<T: Elem> IntoWire for T {
    fn into_wire(self) -> Value {
        Value::scalar(self)
    }
}

impl<T: Elem, D: Dimension> FromWire for Array<T, D> {
    fn from_wire(value: Value) -> Result<Self, String> {
        let wrong =
            |value: &Value| format!("expected an array of {}, got {}", T::NAME, value.describe());
        match value {
            Value::Array { shape, cells } if !shape.is_empty() => {
                let cells = T::unwrap(cells).map_err(|cells| {
                    wrong(&Value::Array {
                        shape: shape.clone(),
                        cells,
                    })
                })?;
                Array::from_shape_vec(IxDyn(&shape), cells)
                    .map_err(|e| e.to_string())?
                    .into_dimensionality::<D>()
                    .map_err(|e| e.to_string())
            }
            other => Err(wrong(&other)),
        }
    }
}

impl<T: Elem, D: Dimension> IntoWire for Array<T, D> {
    fn into_wire(self) -> Value {
        Value::array(self.shape().to_vec(), self.iter().copied().collect())
    }
}

impl IntoWire for () {
    fn into_wire(self) -> Value {
        Value::unit()
    }
}

macro_rules! tuples {
    ($(($($t:ident $v:ident),+)),* $(,)?) => {$(
        impl<$($t: FromWire),+> FromWire for ($($t,)+) {
            fn from_wire(value: Value) -> Result<Self, String> {
                const N: usize = [$(stringify!($t)),+].len();
                match value {
                    Value::Tuple(parts) if parts.len() == N => {
                        let mut parts = parts.into_iter();
                        $(let $v = $t::from_wire(parts.next().ok_or("a tuple ends early")?)?;)+
                        Ok(($($v,)+))
                    }
                    other => Err(format!("expected a tuple of {N}, got {}", other.describe())),
                }
            }
        }

        impl<$($t: IntoWire),+> IntoWire for ($($t,)+) {
            fn into_wire(self) -> Value {
                let ($($v,)+) = self;
                Value::Tuple(vec![$($v.into_wire()),+])
            }
        }
    )*};
}

tuples! {
    (A a),
    (A a, B b),
    (A a, B b, C c),
    (A a, B b, C c, D d),
    (A a, B b, C c, D d, E e),
    (A a, B b, C c, D d, E e, F f),
    (A a, B b, C c, D d, E e, F f, G g),
    (A a, B b, C c, D d, E e, F f, G g, H h),
    (A a, B b, C c, D d, E e, F f, G g, H h, I i),
    (A a, B b, C c, D d, E e, F f, G g, H h, I i, J j),
    (A a, B b, C c, D d, E e, F f, G g, H h, I i, J j, K k),
    (A a, B b, C c, D d, E e, F f, G g, H h, I i, J j, K k, L l),
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array1, Array2, array};

    #[test]
    fn a_tuple_of_as_many_parts_as_a_type_may_have_converts() {
        let parts = (
            1.0f32, 2.0f32, 3.0f32, 4.0f32, 5.0f32, 6.0f32, 7.0f32, 8.0f32, 9.0f32, 10.0f32,
            11usize, true,
        );
        let Value::Tuple(values) = parts.into_wire() else {
            panic!("a tuple");
        };
        assert_eq!(values.len(), crate::value::MAX_PARTS);
    }

    fn back<T: IntoWire + Clone, U: FromWire>(x: T) -> Result<U, String> {
        U::from_wire(x.into_wire())
    }

    #[test]
    fn rust_values_round_trip() {
        let grads = (
            array![1.0f32, -2.0],
            array![[1.0f32, 2.0], [3.0, 4.0]],
            array![0.5f32],
        );
        assert_eq!(
            back::<_, (Array1<f32>, Array2<f32>, Array1<f32>)>(grads.clone()),
            Ok(grads)
        );
        assert_eq!(
            back::<_, Array1<usize>>(array![3usize, 1]),
            Ok(array![3, 1])
        );
        assert_eq!(back::<_, bool>(true), Ok(true));
        assert_eq!(back::<_, u64>(42u64), Ok(42));
        assert_eq!(().into_wire(), Value::unit());
    }

    #[test]
    fn a_value_of_another_type_is_an_error_not_a_panic() {
        assert_eq!(
            back::<_, f32>(3usize),
            Err("expected a f32, got a usize".to_string())
        );
        assert!(back::<_, Array1<f32>>(array![1usize]).is_err());
        assert!(back::<_, Array2<f32>>(array![1.0f32]).is_err());
        assert!(back::<_, (f32, f32)>((1.0f32,)).is_err());
        let mut args = Args::new(vec![Value::scalar(2.0f32)]);
        assert_eq!(args.take::<f32>(), Ok(2.0));
        assert!(args.take::<f32>().is_err());
    }
}
