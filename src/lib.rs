//! crossread: read news against other news.
//!
//! The analysis modules ([`corpus`], [`extract`], [`resolve`], [`pledge`],
//! [`analysis`], [`discrepancy`], [`notes`], [`report`], [`search`]) know nothing of
//! the terminal; [`tui`] is a thin shell over them.

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod discrepancy;
pub mod extract;
pub mod lexicon;
pub mod model;
pub mod notes;
pub mod pledge;
pub mod report;
pub mod resolve;
pub mod search;
#[doc(hidden)]
pub mod synth;
pub mod text;
pub mod token;
pub mod tui;
