//! The `dyad` command line: one binary for every stage of the flow.
//!
//! This crate holds no domain logic. Each subcommand lives in its own file under
//! `commands/`, parses its arguments with clap and calls into the library crates
//! (`dyad-text`, `dyad-nlp`, `dyad-dict`, `dyad-coder`). Exit codes follow the contract
//! in `DESIGN.md`: 0 success, 1 bad input or usage, 2 internal error.

mod commands;
mod exit;
mod input;

// Coding and parsing allocate many small, short-lived strings and vectors per sentence;
// mimalloc serves them markedly faster than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

/// dyad turns news text into political event data: who did what to whom, when and
/// where, coded in CAMEO (with PLOVER), each event traceable to its sentence.
///
/// The flow: ingest (text, JSON Lines, HTML) -> clean -> split sentences -> tokenize
/// -> tag and parse -> recognize actors, places, dates -> code events.
///
/// Examples:
///
///   dyad segment story.txt                  sentences and tokens as JSON Lines
///
///   dyad segment --format conllu story.txt  the same as CoNLL-U
///
///   dyad eval segment --gold en_ewt-ud-test.conllu
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split articles into sentences and tokens (ingest + clean + split + tokenize).
    ///
    /// Shows what the first stages make of the input: which lines are titles, headings
    /// and captions, which debris was dropped (photo credits, bylines, agency trailers),
    /// and how the body splits into sentences and UD-style tokens.
    ///
    /// Examples:
    ///
    ///   dyad segment --format text story.txt
    ///
    ///   dyad segment --format conllu story.txt > story.conllu
    ///
    ///   cat articles.jsonl | dyad segment
    #[command(verbatim_doc_comment)]
    Segment(commands::segment::SegmentArgs),
    /// Code events: who did what to whom, when and where, one JSON object per event.
    ///
    /// Reads articles (text, JSON Lines, HTML; files, folders or stdin), cleans and
    /// segments them, tags and parses every body sentence with the built-in model, finds
    /// actors and verb patterns in the built-in dictionaries (plus --dict), and writes one
    /// event per line with its sentence, date, CAMEO and PLOVER codes and actors.
    ///
    /// Examples:
    ///
    ///   dyad code --date 2024-06-26 story.txt
    ///
    ///   dyad code --explain --format tsv articles.jsonl
    ///
    ///   dyad code --conllu parsed.conllu --dict my-dictionaries/
    #[command(verbatim_doc_comment)]
    Code(commands::code::CodeArgs),
    /// Measure a stage against gold data; prints a table, then one JSON line of figures.
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Inspect and validate dictionaries (dyad's own format and PETRARCH files).
    #[command(subcommand)]
    Dict(commands::dict::DictCommand),
    /// Tag, lemmatize and parse: raw text or tokenized CoNLL-U in, CoNLL-U out.
    ///
    /// Examples:
    ///
    ///   dyad parse story.txt > story.conllu
    ///
    ///   dyad parse --input conllu tokenized.conllu
    #[command(verbatim_doc_comment)]
    Parse(commands::parse::ParseArgs),
    /// Train the models dyad ships (the parser) from data outside the repository.
    #[command(subcommand)]
    Train(commands::train::TrainCommand),
}

fn main() {
    // Like other Unix filters, stop quietly when the reader of our output goes away
    // (`dyad eval suite … | head`) instead of failing on the next print.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // clap exits 2 on usage errors; dyad's contract says 1 (2 is for internal errors).
    let cli = Cli::try_parse().unwrap_or_else(|e| {
        let code = if e.use_stderr() { 1 } else { 0 };
        let _ = e.print();
        std::process::exit(code)
    });
    let result = match cli.command {
        Command::Segment(args) => commands::segment::run(args),
        Command::Code(args) => commands::code::run(args),
        Command::Eval(cmd) => commands::eval::run(cmd),
        Command::Dict(cmd) => commands::dict::run(cmd),
        Command::Parse(args) => commands::parse::run(args),
        Command::Train(cmd) => commands::train::run(cmd),
    };
    exit::finish(result)
}
