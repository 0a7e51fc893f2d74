//! Reading a batch of inputs for any command that takes articles: the shared flags, the
//! progress display and the run summary, so every command reports bad input the same way.

use std::io::IsTerminal;
use std::path::PathBuf;

use dyad_model::{Article, Date};
use dyad_text::{Format, IngestError, Options};
use indicatif::{ProgressBar, ProgressStyle};

/// The flags that say what to read.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively: .txt, .jsonl, .html); stdin when none
    /// is given or for "-".
    pub files: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for articles whose input carries none. Relative dates
    /// in the text ("on Monday") are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,

    /// Read every input as this format instead of going by extension or content.
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum InputFormat {
    Text,
    Jsonl,
    Html,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| format!("expected a date as YYYY-MM-DD ({e})"))
}

/// What a run did with its inputs; printed at the end so nothing is dropped unseen.
#[derive(Debug, Default)]
pub struct Summary {
    pub read: usize,
    pub skipped: Vec<IngestError>,
    /// Articles that produced no output unit (e.g. nothing but debris).
    pub empty: usize,
}

impl Summary {
    /// `done`: what the articles that gave output were ("parsed", "with events");
    /// `empty`: what the others were ("with no text to parse", "without events").
    pub fn report(&self, done: &str, empty: &str) {
        let mut line = format!("dyad: {} article(s) read, {} {done}", self.read, self.read - self.empty);
        if self.empty > 0 {
            line.push_str(&format!(", {} {empty}", self.empty));
        }
        if !self.skipped.is_empty() {
            line.push_str(&format!(", {} input(s) skipped (see above)", self.skipped.len()));
        }
        eprintln!("{line}");
    }

    /// Bad input anywhere makes the run exit 1, after every good article was handled.
    pub fn into_result(self) -> anyhow::Result<()> {
        if self.skipped.is_empty() {
            Ok(())
        } else {
            Err(crate::user_error!("{} input(s) could not be read", self.skipped.len()))
        }
    }
}

/// Read every article of `args`, calling `handle` on each; `handle` returns whether the
/// article produced any output. Errors from `handle` (e.g. a closed stdout) stop the run.
pub fn for_each_article(args: &InputArgs, mut handle: impl FnMut(Article) -> anyhow::Result<bool>) -> anyhow::Result<Summary> {
    let options = Options {
        date: args.date,
        format: args.input_format.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Html => Format::Html,
        }),
    };
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(ProgressStyle::with_template("{spinner} {pos} articles {msg} [{elapsed}]").unwrap());
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut summary = Summary::default();
    for item in dyad_text::read(&args.files, options) {
        match item {
            Ok(article) => {
                summary.read += 1;
                if !handle(article)? {
                    summary.empty += 1;
                }
                progress.inc(1);
            }
            Err(e) => {
                progress.suspend(|| eprintln!("dyad: skipped {e}"));
                summary.skipped.push(e);
            }
        }
    }
    progress.finish_and_clear();
    Ok(summary)
}
