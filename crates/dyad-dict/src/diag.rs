//! Where an entry came from, and what was wrong with the lines that did not make one.
//!
//! Loading never stops at a bad line: dictionaries are maintained by hand, often by
//! several people, and one typo must not take down a run over a million articles. Every
//! problem becomes a [`Diagnostic`] that names the file and line, and the entry (or just
//! the bad part of it) is skipped. Only a file that cannot be read at all is a hard error.

use std::fmt;
use std::sync::Arc;

/// Index of a file in a [`FileTable`]; kept small because every entry carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// Where an entry was defined: file and 1-based line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Origin {
    pub file: FileId,
    pub line: u32,
}

/// The names of the files a set of dictionaries was read from, indexed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct FileTable {
    names: Vec<Arc<str>>,
}

impl FileTable {
    pub fn add(&mut self, name: &str) -> FileId {
        self.names.push(Arc::from(name));
        FileId(self.names.len() as u32 - 1)
    }

    /// The file's name as it was given (a path, or `builtin:NAME` for embedded files).
    pub fn name(&self, id: FileId) -> &str {
        self.names.get(id.0 as usize).map(|s| &**s).unwrap_or("?")
    }

    /// `file:line`, for messages.
    pub fn locate(&self, origin: Origin) -> String {
        format!("{}:{}", self.name(origin.file), origin.line)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The line was understood, but something about it is suspicious (a code that is not
    /// in CAMEO 1.1b3, an undefined synset, a date restriction that was dropped).
    Warning,
    /// The line (or a part of it) could not be read and was skipped.
    Error,
}

/// One problem found while reading a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: Arc<str>,
    pub line: u32,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {}: {}", self.file, self.line, sev, self.message)
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub(crate) struct Sink {
    file: Arc<str>,
    pub(crate) out: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn new(file: &str) -> Self {
        Sink { file: Arc::from(file), out: Vec::new() }
    }

    pub(crate) fn error(&mut self, line: u32, message: impl Into<String>) {
        self.push(line, Severity::Error, message.into());
    }

    pub(crate) fn warn(&mut self, line: u32, message: impl Into<String>) {
        self.push(line, Severity::Warning, message.into());
    }

    fn push(&mut self, line: u32, severity: Severity, message: String) {
        self.out.push(Diagnostic { file: self.file.clone(), line, severity, message });
    }
}

/// A file that could not be read at all.
#[derive(Debug)]
pub struct LoadError {
    pub path: String,
    pub source: std::io::Error,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: cannot read: {}", self.path, self.source)
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
