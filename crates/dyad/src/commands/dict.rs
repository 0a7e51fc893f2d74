//! `dyad dict …`: inspect and validate dictionaries.

use std::path::PathBuf;

use dyad_dict::{variants, Dictionaries, Severity};
use serde_json::json;

#[derive(clap::Subcommand, Debug)]
pub enum DictCommand {
    /// Validate dictionaries: dyad's own format and PETRARCH/TABARI files.
    ///
    /// Prints every problem as `file:line: error|warning: what is wrong`, then conflicts
    /// (one name given to two actors with different codes at overlapping dates; one
    /// person holding a role with two codes at once), then counts, and as the last line
    /// one JSON object with the counts, `errors`, `warnings` and `conflicts`. Exits 1 when
    /// there are errors.
    ///
    /// Without PATH it checks the dictionaries built into the binary. A PATH may be a
    /// folder (every .txt file in it) or a file; PETRARCH files are recognised by their
    /// content.
    ///
    /// Examples:
    ///
    ///   dyad dict check
    ///
    ///   dyad dict check my-dictionaries/
    ///
    ///   dyad dict check ../shared/data/petrarch/CAMEO.2.0.txt
    ///
    ///   dyad dict check --variants "Volodymyr Zelensky"
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Folders or files to check (default: the built-in dictionaries).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Check PATHs together with the built-in dictionaries (as `--dict` would use them),
    /// so conflicts between the two show.
    #[arg(long)]
    pub with_builtin: bool,

    /// Print the spelling variants a name is matched by, and the actors it names, and
    /// exit.
    #[arg(long, value_name = "NAME")]
    pub variants: Option<String>,

    /// Print warnings too (they are always counted).
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(cmd: DictCommand) -> anyhow::Result<()> {
    match cmd {
        DictCommand::Check(args) => check(args),
    }
}

fn load(args: &CheckArgs) -> anyhow::Result<Dictionaries> {
    let mut b = Dictionaries::builder();
    if args.paths.is_empty() || args.with_builtin {
        b.add_builtin();
    }
    for p in &args.paths {
        if !p.exists() {
            return Err(crate::user_error!("{}: no such file or folder", p.display()));
        }
        let r = if p.is_dir() { b.add_dir(p).map(|_| ()) } else { b.add_file(p).map(|_| ()) };
        r.map_err(|e| crate::user_error!("{e}"))?;
    }
    Ok(b.build())
}

fn check(args: CheckArgs) -> anyhow::Result<()> {
    let t0 = std::time::Instant::now();
    let d = load(&args)?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    if let Some(name) = &args.variants {
        return show_variants(&d, name);
    }
    println!("files:");
    for s in d.sources() {
        println!("  {}  ({})", s.name, s.format);
    }
    let errors = d.errors();
    let warnings = d.diagnostics().len() - errors;
    let shown: Vec<_> = d.diagnostics().iter().filter(|x| args.verbose || x.severity == Severity::Error).collect();
    if !shown.is_empty() {
        println!();
    }
    for x in &shown {
        println!("{x}");
    }
    let conflicts = d.conflicts();
    if !conflicts.is_empty() {
        println!();
    }
    for c in &conflicts {
        println!("{}: conflict: {} (see {})", d.locate(c.origin), c.message, d.locate(c.other));
    }
    let c = d.counts();
    println!();
    let rows: [(&str, usize); 14] = [
        ("role entries (people.txt)", c.role_entries),
        ("distinct people", c.people),
        ("countries", c.countries),
        ("IGOs and organs", c.igos),
        ("armed groups", c.armed_groups),
        ("actors (all kinds)", c.actors),
        ("agents", c.agents),
        ("verb patterns", c.verb_patterns),
        ("noun patterns", c.noun_patterns),
        ("patterns (total)", c.patterns),
        ("synsets", c.synsets),
        ("discards", c.discards),
        ("territories", c.territories),
        ("CAMEO codes", c.cameo_codes),
    ];
    for (label, n) in rows {
        println!("{label:<28}{n:>8}");
    }
    println!(
        "{:<28}{:>8}\n{:<28}{:>8}{}\n{:<28}{:>8}",
        "errors",
        errors,
        "warnings",
        warnings,
        if args.verbose || warnings == 0 { "" } else { "  (show them with --verbose)" },
        "conflicts",
        conflicts.len()
    );
    let mut v = serde_json::to_value(&c)?;
    let obj = v.as_object_mut().expect("counts serialise to an object");
    obj.insert("errors".into(), json!(errors));
    obj.insert("warnings".into(), json!(warnings));
    obj.insert("conflicts".into(), json!(conflicts.len()));
    obj.insert("load_ms".into(), json!((load_ms * 10.0).round() / 10.0));
    println!("{}", serde_json::to_string(&v)?);
    if errors > 0 {
        return Err(crate::user_error!("{errors} error{} in the dictionaries", if errors == 1 { "" } else { "s" }));
    }
    Ok(())
}

fn show_variants(d: &Dictionaries, name: &str) -> anyhow::Result<()> {
    let key = variants::skeleton(name);
    if key.is_empty() {
        return Err(crate::user_error!("{name:?} has no letters or digits"));
    }
    println!("name:      {name}");
    println!("skeleton:  {key}");
    let vs = variants::variants(name, 64);
    println!("variants ({}):", vs.len());
    for v in &vs {
        println!("  {v}");
    }
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let matches = d.actors_at(&tokens);
    let today = jiff::Zoned::now().date();
    let mut named = Vec::new();
    for m in matches.iter().filter(|m| m.start == 0 && m.end == tokens.len()) {
        for &id in &m.candidates {
            let a = d.actor(id);
            let code = a.code_on(today).map(|c| c.to_string()).unwrap_or_else(|| "-".into());
            println!("names: {} ({code} today; {})", a.name, d.locate(a.origin));
            named.push(json!({"name": a.name, "code_today": code, "at": d.locate(a.origin)}));
        }
    }
    if tokens.len() == 1 {
        for &id in d.people_by_surname(tokens[0]) {
            let a = d.actor(id);
            println!("surname of: {} ({})", a.name, d.locate(a.origin));
            named.push(json!({"name": a.name, "surname_only": true, "at": d.locate(a.origin)}));
        }
    }
    if named.is_empty() {
        println!("names: no actor in the loaded dictionaries");
    }
    println!("{}", json!({"name": name, "skeleton": key, "variants": vs, "actors": named}));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-dict-check-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (n, text) in files {
            std::fs::write(dir.join(n), text).unwrap();
        }
        dir
    }

    fn args(paths: Vec<PathBuf>) -> CheckArgs {
        CheckArgs { paths, with_builtin: false, variants: None, verbose: false }
    }

    #[test]
    fn clean_files_pass_and_errors_are_user_errors() {
        let good = dir_with(
            "good",
            &[
                ("people.txt", "Lloyd Austin ; Lloyd J. Austin | USAGOV | 2021-01-22..2025-01-20 | defence_minister\n"),
                ("verbs.txt", "042 | SRC visit TGT\n"),
            ],
        );
        assert!(check(args(vec![good.clone()])).is_ok());
        let bad = dir_with("bad", &[("people.txt", "# header\nLloyd Austin | USAGOV | 2021-13-01.. | defence_minister\n")]);
        let err = check(args(vec![bad.clone()])).unwrap_err();
        assert!(err.chain().any(|e| e.downcast_ref::<crate::exit::UserError>().is_some()));
        assert_eq!(err.to_string(), "1 error in the dictionaries");
        let missing = check(args(vec![good.join("nope")])).unwrap_err();
        assert!(missing.to_string().ends_with("nope: no such file or folder"));
        let _ = std::fs::remove_dir_all(good);
        let _ = std::fs::remove_dir_all(bad);
    }

    #[test]
    fn variants_of_a_name() {
        let a = CheckArgs { paths: Vec::new(), with_builtin: false, variants: Some("Volodymyr Zelensky".into()), verbose: false };
        assert!(check(a).is_ok());
        let a = CheckArgs { paths: Vec::new(), with_builtin: false, variants: Some("--".into()), verbose: false };
        assert!(check(a).is_err());
    }
}
