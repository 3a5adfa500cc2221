//! The bounds of every number a lesson file gives, and the defaults of those it may
//! leave out; lessons/README.md states each.

pub(crate) const DEFAULT_TIME_LIMIT: f64 = 5.0;
pub(crate) const TIME_LIMIT_MIN: f64 = 0.1;
/// Ten minutes: a check longer than this is not an exercise.
pub(crate) const TIME_LIMIT_MAX: f64 = 600.0;
pub(crate) const DEFAULT_MEMORY_LIMIT_MIB: u64 = 1024;
pub(crate) const MEMORY_LIMIT_MIN_MIB: u64 = 16;
/// 64 GiB of address space.
pub(crate) const MEMORY_LIMIT_MAX_MIB: u64 = 65_536;
pub(crate) const DEFAULT_TOLERANCE: f64 = 1e-4;
pub(crate) const DEFAULT_POINTS: u32 = 10;
pub(crate) const POINTS_MAX: u32 = 1000;
pub(crate) const DEFAULT_RANDOM_CASES: usize = 20;
pub(crate) const CASES_MAX: usize = 10_000;
pub(crate) const DEFAULT_DECIMALS: u32 = 2;
pub(crate) const DECIMALS_MAX: u32 = 6;
