//! The fixed split of a data set's rows into a training and a test split.
//!
//! The rule is fixed for every data set of the course, so that a network trained on
//! the training split (the reference's, a retraining command's, a student's) is
//! always judged on rows it has never seen, and accuracy figures stay comparable:
//!
//! 1. Number the rows of the file from 0, in file order (no header row).
//! 2. Shuffle `0..n` by Fisher–Yates with SplitMix64 seeded by [`SPLIT_SEED`]: for
//!    `i` from `n - 1` down to 1, `j = next() % (i + 1)`, swap positions `i` and `j`.
//! 3. The first `ceil(n / 5)` rows of the shuffled order are the test split, the rest
//!    the training split; each split lists its rows in file order (ascending).
//!
//! For `data/digits.csv.gz` (1,797 rows) that is 360 test and 1,437 training rows.
//!
//! This file uses only `std` and nothing else of the checker, so other code of the
//! course can mount it (`#[path = "…/checker/lesson/src/split.rs"] mod split;`) and
//! get the very same rows.

/// The seed of every data set's split. Of the seeds 0 to 199, 144 gives the digits'
/// test split the most even classes: 33 to 39 images of each digit.
pub(crate) const SPLIT_SEED: u64 = 144;

/// One of the two splits of a data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    Train,
    Test,
}

/// How many of `n` rows are test rows: a fifth, rounded up.
pub(crate) fn test_count(n: usize) -> usize {
    n.div_ceil(5)
}

/// The next number of SplitMix64 (Steele, Lea and Flood, 2014).
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The rows `0..n`, shuffled by Fisher–Yates from `seed`.
pub(crate) fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// How many rows of a data set of `n` rows are in `split` (without shuffling them, as
/// every course load asks this of every data set).
pub(crate) fn count(n: usize, split: Split) -> usize {
    match split {
        Split::Test => test_count(n),
        Split::Train => n - test_count(n),
    }
}

/// The rows of a data set of `n` rows in `split`, in file order.
pub(crate) fn rows(n: usize, split: Split) -> Vec<usize> {
    let order = shuffled(n, SPLIT_SEED);
    let (test, train) = order.split_at(test_count(n));
    let mut rows = match split {
        Split::Test => test.to_vec(),
        Split::Train => train.to_vec(),
    };
    rows.sort_unstable();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digits_split_has_360_test_rows_and_1437_training_rows() {
        let test = rows(1797, Split::Test);
        let train = rows(1797, Split::Train);
        assert_eq!((test.len(), train.len()), (360, 1437));
        assert_eq!(
            (count(1797, Split::Test), count(1797, Split::Train)),
            (360, 1437)
        );
        for n in [0, 1, 2, 9, 10, 11] {
            assert_eq!(count(n, Split::Test), rows(n, Split::Test).len(), "{n}");
            assert_eq!(count(n, Split::Train), rows(n, Split::Train).len(), "{n}");
        }
        let mut all: Vec<usize> = test.iter().chain(&train).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..1797).collect::<Vec<_>>(), "every row exactly once");
        assert!(test.windows(2).all(|w| w[0] < w[1]), "in file order");
        // Check values for code that computes the split on its own.
        assert_eq!(test[..6], [4, 7, 8, 12, 13, 14]);
        assert_eq!(train[..6], [0, 1, 2, 3, 5, 6]);
    }

    #[test]
    fn splitmix64_gives_the_published_numbers() {
        // The reference values of SplitMix64 from seed 0.
        let mut state = 0;
        assert_eq!(splitmix64(&mut state), 0xe220_a839_7b1d_cdaf);
        assert_eq!(splitmix64(&mut state), 0x6e78_9e6a_a1b9_65f4);
    }
}
