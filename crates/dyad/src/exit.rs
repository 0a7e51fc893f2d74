//! Maps a command's outcome onto the exit codes of the contract: 0 success, 1 bad
//! input or usage, 2 internal error.

use std::fmt;

/// An error that is the user's to fix (a missing file, malformed input, a bad flag).
/// Everything else that reaches `main` is treated as an internal error.
#[derive(Debug)]
pub struct UserError(pub String);

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// Build a [`UserError`] wrapped in `anyhow`, for `return Err(user_error!(...))`.
#[macro_export]
macro_rules! user_error {
    ($($arg:tt)*) => { anyhow::Error::new($crate::exit::UserError(format!($($arg)*))) };
}

pub fn finish(result: anyhow::Result<()>) -> ! {
    match result {
        Ok(()) => std::process::exit(0),
        Err(err) => {
            let is_user = err.chain().any(|e| e.downcast_ref::<UserError>().is_some());
            // A closed pipe (`dyad segment big.txt | head`) is not an error worth a message.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                std::process::exit(0);
            }
            eprintln!("dyad: error: {err:#}");
            std::process::exit(if is_user { 1 } else { 2 });
        }
    }
}
