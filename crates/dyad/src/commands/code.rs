//! `dyad code`: articles in, events out — the main job.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dyad_coder::record::{to_record, SentenceRef};
use dyad_dict::Dictionaries;
use dyad_model::{Article, Document, Sentence, UnitKind};
use dyad_nlp::{conllu, Scratch};

use crate::input::{for_each_article, InputArgs};

#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Read parsed sentences from a CoNLL-U file instead of parsing text (`# newdoc`
    /// starts an article). Use this for parses made by UDPipe, Stanza or spaCy.
    #[arg(long, value_name = "FILE.conllu", conflicts_with = "files")]
    pub conllu: Option<PathBuf>,

    /// Dictionary folder or file to add to (and override) the built-in dictionaries:
    /// dyad-format files and PETRARCH-format files alike. Repeatable.
    #[arg(long = "dict", value_name = "PATH")]
    pub dicts: Vec<PathBuf>,

    /// Use only the dictionaries given with --dict, not the built-in ones.
    #[arg(long)]
    pub no_builtin: bool,

    /// Add to each event the pattern, its dictionary line and the tree path that coded it.
    #[arg(long)]
    pub explain: bool,

    /// Also write events with one actor only: a statement with no addressee, an attack
    /// whose target the sentence does not name. By default an event needs both a source
    /// and a target, as PETRARCH's `require_dyad` does.
    #[arg(long)]
    pub one_sided: bool,

    /// A parser model written by `dyad train parser` instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: CodeFormat,

    /// How acts announced before they happen ("will meet next week", "plans to send aid",
    /// "said it would free prisoners", "threatened to impose sanctions") are coded.
    #[arg(long, value_enum, default_value = "announced")]
    pub future: FutureArg,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FutureArg {
    /// As the CAMEO codebook says: the announcement is the event, an intent to cooperate
    /// (03x: "will meet" is 036) or a threat (13x: "will impose sanctions" is 1312),
    /// dated when it was made. Announcing a statement, an appeal or a demand codes nothing.
    Announced,
    /// As PETRARCH does: "will meet" is the meeting, dated when it is to be; "would",
    /// "plans to" and "threatened to" leave the act uncoded (the threat itself may code).
    Act,
}

impl From<FutureArg> for dyad_coder::Future {
    fn from(f: FutureArg) -> Self {
        match f {
            FutureArg::Announced => dyad_coder::Future::Announced,
            FutureArg::Act => dyad_coder::Future::Act,
        }
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeFormat {
    /// One JSON object per event per line (the contract in DESIGN.md).
    Jsonl,
    /// Tab-separated: article, sentence, date, source, target, CAMEO, root, quad class,
    /// Goldstein, sentence text.
    Tsv,
}

pub fn run(args: CodeArgs) -> anyhow::Result<()> {
    let dict = load_dictionaries(&args)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let options = dyad_coder::Options { require_dyad: !args.one_sided, future: args.future.into(), ..Default::default() };
    let mut writer = Writer { out: &mut out, dict: &dict, options, explain: args.explain, format: args.format, events: 0 };
    if args.format == CodeFormat::Tsv {
        writeln!(writer.out, "article_id\tsentence_index\tdate\tsource\ttarget\tcameo\troot\tquad_class\tgoldstein\tsentence")?;
    }

    if let Some(path) = &args.conllu {
        let blocks = conllu::read_file(path).map_err(|e| crate::user_error!("{e}"))?;
        for (id, sentences) in conllu_documents(path, &blocks) {
            let article = Article { id, published: args.input.date, ..Default::default() };
            writer.document(&article, &sentences)?;
        }
        writer.out.flush()?;
        eprintln!("dyad: {} event(s) from {}", writer.events, path.display());
        return Ok(());
    }

    let model = super::parse::load_model(args.model.as_deref()).context("dyad code parses text with its built-in model; give --conllu FILE to code parses made elsewhere")?;
    let mut scratch = Scratch::default();
    let summary = for_each_article(&args.input, |article| {
        let Document { article, mut sentences, .. } = dyad_text::segment(article);
        // Headlines, captions and kickers repeat or caption the body; only running text
        // is coded, so one event is not counted twice.
        sentences.retain(|s| s.kind == UnitKind::Body);
        for s in &mut sentences {
            model.annotate(s, &mut scratch);
        }
        let before = writer.events;
        writer.document(&article, &sentences)?;
        Ok(writer.events > before)
    })?;
    writer.out.flush()?;
    summary.report("with events", "without events");
    eprintln!("dyad: {} event(s)", writer.events);
    summary.into_result()
}

fn load_dictionaries(args: &CodeArgs) -> anyhow::Result<Dictionaries> {
    let mut builder = Dictionaries::builder();
    if !args.no_builtin {
        builder.add_builtin();
    }
    for path in &args.dicts {
        if path.is_dir() {
            builder.add_dir(path).map_err(|e| crate::user_error!("{e}"))?;
        } else {
            builder.add_file(path).map_err(|e| crate::user_error!("{e}"))?;
        }
    }
    let dict = builder.build();
    let errors: Vec<_> = dict.diagnostics().iter().filter(|d| d.severity == dyad_dict::Severity::Error).collect();
    if let Some(first) = errors.first() {
        eprintln!("dyad: {} dictionary line(s) skipped; the first: {first}", errors.len());
    }
    Ok(dict)
}

struct Writer<'a, W: Write> {
    out: &'a mut W,
    dict: &'a Dictionaries,
    options: dyad_coder::Options,
    explain: bool,
    format: CodeFormat,
    events: usize,
}

impl<W: Write> Writer<'_, W> {
    fn document(&mut self, article: &Article, sentences: &[Sentence]) -> anyhow::Result<()> {
        let mut context = dyad_coder::actors::ArticleContext::with_dateline(article.dateline.as_deref());
        for (index, sentence) in sentences.iter().enumerate() {
            let events = dyad_coder::code_sentence(sentence, article.published, self.dict, &self.options, &mut context);
            let at = SentenceRef { article_id: &article.id, index, sentence };
            for e in &events {
                let record = to_record(e, &at, self.dict, self.explain);
                match self.format {
                    CodeFormat::Jsonl => {
                        serde_json::to_writer(&mut *self.out, &record)?;
                        self.out.write_all(b"\n")?;
                    }
                    CodeFormat::Tsv => {
                        let code = |a: &Option<dyad_model::EventActor>| a.as_ref().map(|a| a.code.clone()).unwrap_or_default();
                        writeln!(
                            self.out,
                            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                            record.article_id,
                            record.sentence_index,
                            record.date.map(|d| d.to_string()).unwrap_or_default(),
                            code(&record.source),
                            code(&record.target),
                            record.cameo,
                            record.root,
                            record.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                            record.goldstein.map(|g| g.to_string()).unwrap_or_default(),
                            record.sentence.replace(['\t', '\n'], " ")
                        )?;
                    }
                }
                self.events += 1;
            }
        }
        Ok(())
    }
}

/// Articles of a CoNLL-U file: `# newdoc id = …` starts one; a file without any is one
/// article named after the file.
fn conllu_documents(path: &std::path::Path, blocks: &[conllu::ConlluSentence]) -> Vec<(String, Vec<Sentence>)> {
    let mut docs: Vec<(String, Vec<Sentence>)> = Vec::new();
    for block in blocks {
        let newdoc = block.comment("newdoc id").map(str::to_string).or_else(|| block.comments.iter().any(|c| c.trim() == "newdoc").then(|| format!("doc{}", docs.len() + 1)));
        if newdoc.is_some() || docs.is_empty() {
            let id = newdoc.unwrap_or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
            docs.push((id, Vec::new()));
        }
        docs.last_mut().unwrap().1.push(conllu::to_sentence(block));
    }
    docs
}
