//! Points in whole hundredths, so that sums are exact: full marks are the maximum, and
//! the tests' shares of a lesson add up to the lesson's points in every format.

use serde::{Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::Add;

/// A number of points, counted in hundredths of a point.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Points(u64);

impl Points {
    pub const ZERO: Points = Points(0);

    pub fn whole(points: u32) -> Points {
        Points(u64::from(points) * 100)
    }

    /// As a number for JSON: a whole number of hundredths divided by 100, which prints
    /// back as at most two decimals.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

/// `10`, `9.5`, `1.43`: no trailing zeros, at most two decimals.
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, cents) = (self.0 / 100, self.0 % 100);
        match cents {
            0 => write!(f, "{whole}"),
            c if c % 10 == 0 => write!(f, "{whole}.{}", c / 10),
            c => write!(f, "{whole}.{c:02}"),
        }
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

/// Shares `total` among tests in proportion to `weights` (each test's points as the
/// lesson file gives or implies them), on whole hundredths by the largest remainder:
/// each share is its exact quota rounded down, and the hundredths left over go one by
/// one to the largest remainders (the earlier test first on a tie). The shares always
/// add up to `total` exactly; points written in whole hundredths are kept as written.
pub fn apportion(total: Points, weights: &[f64]) -> Vec<Points> {
    if weights.is_empty() {
        return Vec::new();
    }
    // Weights in ten-thousandths of a point, as integers, so the arithmetic is exact.
    let units: Vec<u128> = weights
        .iter()
        .map(|w| {
            if w.is_finite() && *w > 0.0 {
                (w * 10_000.0).round() as u128
            } else {
                0
            }
        })
        .collect();
    let sum: u128 = units.iter().sum();
    // Nothing to weigh by: share equally.
    let units = if sum == 0 {
        vec![1; weights.len()]
    } else {
        units
    };
    let sum: u128 = units.iter().sum();
    let total = u128::from(total.0);
    let mut shares: Vec<u128> = units.iter().map(|u| total * u / sum).collect();
    let mut left = total - shares.iter().sum::<u128>();
    let mut order: Vec<usize> = (0..units.len()).collect();
    // Largest remainder first; a stable sort keeps the earlier test first on a tie.
    order.sort_by_key(|&i| std::cmp::Reverse(total * units[i] % sum));
    for &i in order.iter().cycle() {
        if left == 0 {
            break;
        }
        shares[i] += 1;
        left -= 1;
    }
    shares
        .into_iter()
        .map(|s| Points(u64::try_from(s).unwrap_or(u64::MAX)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(total: u32, weights: &[f64]) -> Vec<String> {
        let shares = apportion(Points::whole(total), weights);
        assert_eq!(
            shares.iter().copied().sum::<Points>(),
            Points::whole(total),
            "the shares add up"
        );
        shares.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn seven_tests_on_ten_points_add_up_to_ten() {
        let equal = vec![10.0 / 7.0; 7];
        assert_eq!(
            shares(10, &equal),
            ["1.43", "1.43", "1.43", "1.43", "1.43", "1.43", "1.42"]
        );
    }

    #[test]
    fn three_tests_on_ten_points() {
        assert_eq!(shares(10, &[10.0 / 3.0; 3]), ["3.34", "3.33", "3.33"]);
    }

    #[test]
    fn one_test_on_one_point() {
        assert_eq!(shares(1, &[1.0]), ["1"]);
    }

    #[test]
    fn the_real_lessons_counts_add_up() {
        for (points, tests) in [(10, 14), (15, 7), (20, 10), (20, 12), (35, 14), (5, 3)] {
            let equal = vec![f64::from(points) / tests as f64; tests];
            shares(points, &equal);
        }
    }

    #[test]
    fn declared_points_are_kept_as_written() {
        assert_eq!(shares(5, &[1.0, 4.0]), ["1", "4"]);
        assert_eq!(shares(10, &[0.1, 0.29, 9.61]), ["0.1", "0.29", "9.61"]);
        // Thirds written by hand are shared exactly all the same.
        assert_eq!(shares(10, &[3.333, 3.333, 3.334]), ["3.33", "3.33", "3.34"]);
    }

    #[test]
    fn zero_weights_share_equally_and_zero_points_stay_zero() {
        assert_eq!(shares(3, &[0.0, 0.0]), ["1.5", "1.5"]);
        assert_eq!(shares(0, &[1.0, 1.0]), ["0", "0"]);
    }

    #[test]
    fn points_print_without_trailing_zeros() {
        assert_eq!(Points(1000).to_string(), "10");
        assert_eq!(Points(950).to_string(), "9.5");
        assert_eq!(Points(143).to_string(), "1.43");
        assert_eq!(Points(7).to_string(), "0.07");
        assert_eq!(serde_json::to_string(&Points(1429)).unwrap(), "14.29");
    }
}
