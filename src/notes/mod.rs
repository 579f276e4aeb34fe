//! The user's notes and entity corrections, and the file they live in.

pub mod corrections;

pub use corrections::{Correction, Corrections};
