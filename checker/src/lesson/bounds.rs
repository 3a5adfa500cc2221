//! The bounds of every number a lesson file gives, and the defaults of those it may
//! leave out; lessons/README.md states each.

pub const DEFAULT_TIME_LIMIT: f64 = 5.0;
pub const TIME_LIMIT_MIN: f64 = 0.1;
/// Ten minutes: a check longer than this is not an exercise.
pub const TIME_LIMIT_MAX: f64 = 600.0;
pub const DEFAULT_MEMORY_LIMIT_MIB: u64 = 1024;
pub const MEMORY_LIMIT_MIN_MIB: u64 = 16;
/// 64 GiB of address space.
pub const MEMORY_LIMIT_MAX_MIB: u64 = 65_536;
pub const DEFAULT_TOLERANCE: f64 = 1e-4;
pub const DEFAULT_POINTS: u32 = 10;
pub const POINTS_MAX: u32 = 1000;
pub const DEFAULT_RANDOM_CASES: usize = 20;
pub const CASES_MAX: usize = 10_000;
pub const DEFAULT_DECIMALS: u32 = 2;
pub const DECIMALS_MAX: u32 = 6;
