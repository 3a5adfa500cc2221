//! One file per command; each adds its method to [`App`](crate::app::App).

mod check;
mod dev;
mod hint;
mod list;
mod next;
mod verify;
