//! One file per command; each adds its method to [`App`](crate::app::App).

mod check;
mod dev;
mod dev_placeholders;
mod dev_preview;
mod dev_remove;
mod grade;
mod hint;
mod list;
mod next;
mod reset;
mod show;
mod solution;
mod verify;
mod watch;
