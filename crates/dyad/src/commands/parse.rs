//! `dyad parse`: tag, lemmatize and parse text or pre-tokenized CoNLL-U; CoNLL-U out.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_model::UnitKind;
use dyad_nlp::conllu;
use dyad_nlp::{Model, Scratch};

use crate::input::{for_each_article, InputArgs};

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// `raw`: articles (text, JSON Lines, HTML) are segmented and tokenized first.
    /// `conllu`: the input is already tokenized CoNLL-U; its words are kept and every
    /// annotation column is replaced (comments, ranges and MISC are kept).
    #[arg(long = "input", value_enum, default_value = "raw")]
    pub mode: ParseInput,

    /// A model file written by `dyad train parser` instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Parse with this beam width instead of the model's (wider is slower and
    /// usually a little more accurate; 1 is greedy).
    #[arg(long, value_name = "K")]
    pub beam: Option<usize>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseInput {
    Raw,
    Conllu,
}

/// The model at `path`, or the embedded one. A missing, foreign or corrupt file is the
/// user's to fix (exit 1).
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    let model = match path {
        Some(p) => Model::load(p),
        None => Model::embedded(),
    };
    model.map_err(|e| crate::user_error!("{e}"))
}

pub fn run(args: ParseArgs) -> anyhow::Result<()> {
    let mut model = load_model(args.model.as_deref())?;
    if let Some(k) = args.beam {
        model.set_beam(k);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut scratch = Scratch::default();
    match args.mode {
        ParseInput::Conllu => {
            let inputs: Vec<Option<&Path>> = if args.input.files.is_empty() {
                vec![None]
            } else {
                args.input.files.iter().map(|p| if p.as_os_str() == "-" { None } else { Some(p.as_path()) }).collect()
            };
            let mut sentences = 0usize;
            for input in inputs {
                let (reader, name): (Box<dyn BufRead>, String) = match input {
                    None => (Box::new(std::io::stdin().lock()), "<stdin>".to_string()),
                    Some(p) => {
                        let f = std::fs::File::open(p).map_err(|e| crate::user_error!("{}: cannot open: {e}", p.display()))?;
                        (Box::new(std::io::BufReader::new(f)), p.display().to_string())
                    }
                };
                for block in conllu::Reader::new(reader, name) {
                    let mut block = block.map_err(|e| crate::user_error!("{e}"))?;
                    model.annotate_conllu(&mut block, &mut scratch);
                    conllu::write_sentence(&mut out, &block).context("writing output")?;
                    sentences += 1;
                }
            }
            out.flush().context("writing output")?;
            eprintln!("dyad: {sentences} sentence(s) parsed");
            Ok(())
        }
        ParseInput::Raw => {
            let summary = for_each_article(&args.input, |article| {
                let mut doc = dyad_text::segment(article);
                let id = doc.article.id.clone();
                writeln!(out, "# newdoc id = {id}")?;
                let mut paragraph = usize::MAX;
                for (i, s) in doc.sentences.iter_mut().enumerate() {
                    model.annotate(s, &mut scratch);
                    let mut comments = Vec::new();
                    if s.paragraph != paragraph {
                        paragraph = s.paragraph;
                        comments.push(format!(" newpar id = {id}-p{}", paragraph + 1));
                    }
                    comments.push(format!(" sent_id = {id}-{}", i + 1));
                    if s.kind != UnitKind::Body {
                        let kind = match s.kind {
                            UnitKind::Title => "title",
                            UnitKind::Heading => "heading",
                            UnitKind::Caption => "caption",
                            UnitKind::Body => "body",
                        };
                        comments.push(format!(" unit = {kind}"));
                    }
                    conllu::write_sentence(&mut out, &conllu::from_sentence(s, comments))?;
                }
                Ok(!doc.sentences.is_empty())
            })?;
            out.flush().context("writing output")?;
            summary.report("parsed", "with no text to parse");
            summary.into_result()
        }
    }
}
