//! A dependency tree view over a parsed [`Sentence`], with the questions the coder asks of
//! it: who is the subject of this verb, what are its objects and prepositional phrases,
//! is it passive, negated, under a modal, a conditional or a "threaten to".
//!
//! Parses arrive in two dialects of Universal Dependencies: v2 (dyad's parser, recent
//! treebanks) and v1 (the UDPipe 2.0 parses inside the UniversalPetrarch suites: `dobj`,
//! `nsubjpass`, `nmod` on verbs, `name`). Relations are normalized to v2 once, here, so no
//! other part of the coder sees the difference.

use std::borrow::Cow;

use dyad_model::Sentence;

/// A normalized dependency relation (UD v2 universal part; subtypes kept where the coder
/// needs them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rel {
    Root,
    Nsubj,
    NsubjPass,
    Obj,
    Iobj,
    Obl,
    /// `obl:agent`, or a `by` phrase on a passive verb.
    Agent,
    Nmod,
    NmodPoss,
    Amod,
    Compound,
    Flat,
    Appos,
    Conj,
    Cc,
    Case,
    Mark,
    Aux,
    AuxPass,
    Cop,
    Neg,
    Advmod,
    Advcl,
    Xcomp,
    Ccomp,
    Acl,
    AclRelcl,
    Det,
    Nummod,
    Parataxis,
    Punct,
    Other,
}

impl Rel {
    fn parse(label: &str) -> Rel {
        match label {
            "root" => Rel::Root,
            "nsubj" | "csubj" | "nsubj:outer" | "csubj:outer" => Rel::Nsubj,
            "nsubj:pass" | "nsubjpass" | "csubj:pass" | "csubjpass" => Rel::NsubjPass,
            "obj" | "dobj" => Rel::Obj,
            "iobj" => Rel::Iobj,
            "obl" | "obl:tmod" | "obl:npmod" | "obl:unmarked" => Rel::Obl,
            "obl:agent" => Rel::Agent,
            "nmod" | "nmod:tmod" | "nmod:npmod" | "nmod:unmarked" => Rel::Nmod,
            "nmod:poss" => Rel::NmodPoss,
            "amod" => Rel::Amod,
            // A title before a name ("President Bill Clinton", EWT's `nmod:desc`) modifies it
            // as a compound does.
            "compound" | "compound:prt" | "compound:svc" | "nmod:desc" => Rel::Compound,
            "flat" | "flat:name" | "name" | "flat:foreign" | "fixed" | "mwe" => Rel::Flat,
            "appos" => Rel::Appos,
            "conj" => Rel::Conj,
            "cc" | "cc:preconj" => Rel::Cc,
            "case" => Rel::Case,
            "mark" => Rel::Mark,
            "aux" => Rel::Aux,
            "aux:pass" | "auxpass" => Rel::AuxPass,
            "cop" => Rel::Cop,
            "neg" => Rel::Neg,
            "advmod" => Rel::Advmod,
            "advcl" | "advcl:relcl" => Rel::Advcl,
            "xcomp" => Rel::Xcomp,
            "ccomp" => Rel::Ccomp,
            "acl" => Rel::Acl,
            "acl:relcl" => Rel::AclRelcl,
            "det" | "det:predet" | "det:poss" => Rel::Det,
            "nummod" => Rel::Nummod,
            "parataxis" => Rel::Parataxis,
            "punct" => Rel::Punct,
            _ => Rel::Other,
        }
    }
}

/// One word of the tree, with what the coder reads of it. Borrowed from the sentence:
/// the coder builds a tree for every sentence it reads, and copying every column of every
/// word was a tenth of its time.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub form: &'a str,
    /// Lower-cased lemma (the form, lower-cased, when the parse has none).
    pub lemma: Cow<'a, str>,
    pub upos: &'a str,
    pub xpos: &'a str,
    pub feats: &'a str,
    /// Index of the head, `None` for the root.
    pub head: Option<usize>,
    pub rel: Rel,
    /// The relation label as given.
    pub label: &'a str,
    pub children: Vec<usize>,
    /// The preposition that marks this word (see [`Tree::prep`]), computed once.
    prep: Option<String>,
}

/// A sentence as a tree; indices are 0-based word positions.
#[derive(Debug, Clone)]
pub struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Tree<'a> {
    /// Build the tree of a parsed sentence. Words without a head hang from the root;
    /// heads that point outside the sentence, or cycles, are cut there, so a bad parse
    /// gives a poor tree rather than a hang.
    pub fn new(sentence: &'a Sentence) -> Tree<'a> {
        let n = sentence.tokens.len();
        let mut nodes: Vec<Node<'a>> = sentence
            .tokens
            .iter()
            .map(|t| {
                let label = t.deprel.as_deref().unwrap_or("");
                let lemma = t.lemma.as_deref().filter(|l| !l.is_empty() && *l != "_").unwrap_or(&t.form);
                Node {
                    form: &t.form,
                    lemma: if lemma.chars().any(char::is_uppercase) { Cow::Owned(lemma.to_lowercase()) } else { Cow::Borrowed(lemma) },
                    upos: t.upos.as_deref().unwrap_or(""),
                    xpos: t.xpos.as_deref().unwrap_or(""),
                    feats: t.feats.as_deref().unwrap_or(""),
                    head: t.head.filter(|&h| h >= 1 && h <= n).map(|h| h - 1),
                    rel: Rel::parse(label),
                    label,
                    children: Vec::new(),
                    prep: None,
                }
            })
            .collect();
        // Break cycles: walk up from each node; a node met twice loses its head.
        // (One array for all walks: a node was seen in this walk when it carries its
        // start.)
        let mut seen_in = vec![usize::MAX; n];
        for start in 0..n {
            let mut at = start;
            while let Some(h) = nodes[at].head {
                if seen_in[h] == start {
                    nodes[at].head = None;
                    break;
                }
                seen_in[at] = start;
                at = h;
            }
        }
        for i in 0..n {
            if let Some(h) = nodes[i].head {
                nodes[h].children.push(i);
            }
        }
        let mut tree = Tree { nodes };
        for i in 0..n {
            tree.nodes[i].prep = tree.find_prep(i);
        }
        tree.normalize_existential_passives();
        tree.normalize_reduced_relatives();
        tree.normalize_noun_predicates();
        tree.normalize_reporting_clauses();
        tree.normalize_report_adjuncts();
        tree.normalize_particles();
        tree.normalize_participle_attachment();
        tree.normalize_control();
        tree.normalize_object_participles();
        tree.normalize_conjuncts();
        tree.normalize_v1();
        tree
    }

    /// Move `node` under `head` with relation `rel`, keeping children lists in order.
    fn reattach(&mut self, node: usize, head: Option<usize>, rel: Rel, label: &'a str) {
        if let Some(old) = self.nodes[node].head {
            self.nodes[old].children.retain(|&c| c != node);
        }
        if let Some(h) = head {
            let at = self.nodes[h].children.partition_point(|&c| c < node);
            self.nodes[h].children.insert(at, node);
        }
        self.nodes[node].head = head;
        self.nodes[node].rel = rel;
        self.nodes[node].label = label;
    }

    /// "Thousands of demonstrators marched in Tbilisi", "[the army said] Nigerian troops
    /// rescued 20 students": a sentence or a reported clause needs a predicate, and a
    /// parse that made the noun its head, with the verb hung on it as a participle, has
    /// them the wrong way round. Only where the verb cannot be a participle on the noun:
    /// a past tense, or a participle followed by a bare noun phrase (a passive participle
    /// takes none), so "Troops killed in attack" stays a headline's passive.
    fn normalize_noun_predicates(&mut self) {
        for n in 0..self.nodes.len() {
            let node = &self.nodes[n];
            let clause_head = node.head.is_none() || node.rel == Rel::Ccomp;
            if !clause_head || !matches!(node.upos, "NOUN" | "PROPN") || self.has_child(n, Rel::Cop) || self.has_child(n, Rel::Nsubj) {
                continue;
            }
            let bare_after = |t: &Tree, v: usize| t.nodes[v].children.iter().any(|&c| c > v && (t.nodes[c].rel == Rel::Obj || matches!(t.nodes[c].rel, Rel::Agent | Rel::Obl) && !t.has_child(c, Rel::Case)));
            let predicate = self.nodes[n].children.iter().copied().find(|&v| {
                let w = &self.nodes[v];
                v > n
                    && w.rel == Rel::Acl
                    && w.upos == "VERB"
                    && !self.nodes[v].children.iter().any(|&c| matches!(self.nodes[c].rel, Rel::Nsubj | Rel::NsubjPass | Rel::Aux | Rel::AuxPass | Rel::Mark))
                    && (w.xpos == "VBD" || w.xpos == "VBN" && (bare_after(self, v) || INTRANSITIVE.contains(&w.lemma.as_ref())))
            });
            // "Syrian forces shelled rebel-held areas", parsed with "shelled" (and its
            // subject) as a modifier of "areas": a verb with a subject is a clause, and
            // the noun it modified its object.
            // (Parses also make that subject a compound of the verb, "[Syrian forces
            // shelled] areas"; not a hyphenated one, "government-backed forces", nor a
            // bare noun, "state owned".)
            let subject_like = |t: &Tree, v: usize| {
                t.nodes[v].children.iter().any(|&c| {
                    let w = &t.nodes[c];
                    let hyphen = t.nodes.get(c + 1).is_some_and(|x| x.form == "-") || v > 0 && t.nodes[v - 1].form == "-";
                    c < v && match w.rel {
                        Rel::Nsubj => true,
                        Rel::Compound => !hyphen && matches!(w.upos, "NOUN" | "PROPN") && (matches!(w.xpos, "NNS" | "NNPS") || w.upos == "PROPN" || !w.children.is_empty()),
                        _ => false,
                    }
                })
            };
            let modifier = self.nodes[n].children.iter().copied().find(|&v| v < n && self.nodes[v].rel == Rel::Amod && self.nodes[v].upos == "VERB" && subject_like(self, v));
            // ("Chinese warships conducted drills around Taiwan" parsed as the noun
            // "warships" with "drills" its object and "conducted" a modifier of that: a
            // noun has no object; the verb between them is the clause's.)
            let between = self.children_with(n, Rel::Obj).find_map(|o| self.children_with(o, Rel::Amod).find(|&v| n < v && v < o && self.nodes[v].upos == "VERB" && self.nodes[v].xpos != "VBG"));
            if let Some(v) = predicate {
                self.make_clause_head(v, n, Rel::Nsubj, "nsubj");
                // (A bare noun phrase the parse took for a passive's agent is the object.)
                let objects: Vec<usize> = self.nodes[v].children.iter().copied().filter(|&c| c > v && matches!(self.nodes[c].rel, Rel::Agent | Rel::Obl) && !self.has_child(c, Rel::Case)).collect();
                for o in objects {
                    self.nodes[o].rel = Rel::Obj;
                    self.nodes[o].label = "obj";
                }
            } else if let Some(v) = modifier {
                self.make_clause_head(v, n, Rel::Obj, "obj");
                for c in self.children_with(v, Rel::Compound).filter(|&c| c < v).collect::<Vec<_>>() {
                    self.nodes[c].rel = Rel::Nsubj;
                    self.nodes[c].label = "nsubj";
                }
            } else if let Some(v) = between {
                let o = self.nodes[v].head.unwrap_or(v);
                self.make_clause_head(v, n, Rel::Nsubj, "nsubj");
                self.reattach(o, Some(v), Rel::Obj, "obj");
                // (The rest of the clause the parse hung on the noun is the verb's; an
                // of-phrase stays the noun's: "warships of the navy".)
                for c in self.nodes[n].children.clone() {
                    let of_phrase = self.nodes[c].rel == Rel::Nmod && self.prep(c) == Some("of");
                    if c > v && !of_phrase && !matches!(self.nodes[c].rel, Rel::Amod | Rel::Det | Rel::Compound) {
                        let (r, l) = if self.nodes[c].rel == Rel::Nmod { (Rel::Obl, "obl") } else { (self.nodes[c].rel, self.nodes[c].label) };
                        self.reattach(c, Some(v), r, l);
                    }
                }
            }
        }
    }

    /// Verb `v` takes noun `n`'s place at the head of its clause, with `n` under it as
    /// `rel`; the verb is finite, whatever the tagger took it for.
    fn make_clause_head(&mut self, v: usize, n: usize, rel: Rel, label: &'a str) {
        let (head, n_rel, n_label) = (self.nodes[n].head, self.nodes[n].rel, self.nodes[n].label);
        self.reattach(v, head, n_rel, n_label);
        self.reattach(n, Some(v), rel, label);
        if self.nodes[v].xpos == "VBN" {
            self.nodes[v].xpos = "VBD";
        }
    }

    /// "Russian forces captured the village, the defence ministry in Moscow said": a
    /// reporting verb after a comma whose subject the parse took for a phrase of the main
    /// clause, with the verb hung on it, is a clause of its own about the main one.
    fn normalize_reporting_clauses(&mut self) {
        for s in 0..self.nodes.len() {
            let node = &self.nodes[s];
            let reporting = crate::dates::REPORT_VERBS.contains(&node.lemma.as_ref());
            if !reporting || !matches!(node.xpos, "VBD" | "VBZ" | "VBP") || !matches!(node.rel, Rel::Xcomp | Rel::Acl | Rel::AclRelcl) || self.has_child(s, Rel::Nsubj) {
                continue;
            }
            let Some(subject) = node.head.filter(|&h| h < s && matches!(self.nodes[h].upos, "NOUN" | "PROPN" | "PRON")) else { continue };
            let Some(main) = self.nodes[subject].head else { continue };
            // (The comma may hang in the subject's own subtree.)
            let start = self.subtree(subject).into_iter().find(|&w| self.nodes[w].upos != "PUNCT").unwrap_or(subject);
            let after_comma = start > 0 && self.nodes[start - 1].form == "," && main < start;
            if after_comma {
                self.reattach(s, Some(main), Rel::Parataxis, "parataxis");
                self.reattach(subject, Some(s), Rel::Nsubj, "nsubj");
                continue;
            }
            // "captured the village of Krasnohorivka, Russia's defence ministry said": the
            // parse ran the phrase after the comma into the object's name. The words from
            // the comma to the verb are its subject, headed by the last noun whose head
            // lies outside them.
            let Some(comma) = (subject + 1..s).rev().find(|&w| self.nodes[w].form == ",") else { continue };
            let span = comma + 1..s;
            let roots: Vec<usize> = span.clone().filter(|&w| self.nodes[w].head.is_none_or(|h| !span.contains(&h))).collect();
            let Some(&head) = roots.iter().rev().find(|&&w| matches!(self.nodes[w].upos, "NOUN" | "PROPN")) else { continue };
            let Some(verb) = self.verb_above(subject) else { continue };
            if span.is_empty() || roots.iter().any(|&w| self.nodes[w].upos == "VERB") {
                continue;
            }
            self.reattach(s, Some(verb), Rel::Parataxis, "parataxis");
            self.reattach(head, Some(s), Rel::Nsubj, "nsubj");
            for w in roots.into_iter().filter(|&w| w != head) {
                self.reattach(w, Some(head), Rel::Compound, "compound");
            }
            if self.nodes[comma].head != Some(s) {
                self.reattach(comma, Some(s), Rel::Punct, "punct");
            }
        }
    }

    /// Whether `w` lies below `ancestor` in the tree.
    fn is_descendant(&self, mut w: usize, ancestor: usize) -> bool {
        for _ in 0..self.nodes.len() {
            match self.nodes[w].head {
                Some(h) if h == ancestor => return true,
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// "Putin said on Monday he would meet Zelensky": a phrase between a reporting verb
    /// and the subject of its complement, with no "that" before it, modifies the
    /// reporting verb (the parse often hangs it on the reported verb, which would date
    /// the meeting Monday). After "that" it is the reported clause's own ("said that on
    /// Monday he met").
    fn normalize_report_adjuncts(&mut self) {
        for c in 0..self.nodes.len() {
            let Some(h) = self.nodes[c].head.filter(|&h| h < c && self.nodes[c].rel == Rel::Ccomp) else { continue };
            if !crate::dates::REPORT_VERBS.contains(&self.nodes[h].lemma.as_ref()) {
                continue;
            }
            let Some(start) = self.children_with(c, Rel::Nsubj).chain(self.children_with(c, Rel::NsubjPass)).filter(|&s| s < c).map(|s| self.subtree(s)[0]).min() else { continue };
            let marks: Vec<usize> = self.children_with(c, Rel::Mark).collect();
            let adjuncts: Vec<usize> = self.nodes[c].children.iter().copied().filter(|&o| matches!(self.nodes[o].rel, Rel::Obl | Rel::Nmod | Rel::Advmod)).collect();
            for o in adjuncts {
                let words = self.subtree(o);
                let inside = words[0] > h && *words.last().expect("a subtree has its head") < start;
                if inside && marks.iter().all(|&m| m > o) {
                    let label = self.nodes[o].label;
                    let rel = self.nodes[o].rel;
                    self.reattach(o, Some(h), rel, label);
                }
            }
        }
    }

    /// "an Israeli strike on a school sheltering displaced families": a participle right
    /// after the noun of a phrase hung on another noun describes the nearer one (the
    /// school shelters, not the strike), unless it tells what the event did ("a strike
    /// on a market killing 20").
    fn normalize_participle_attachment(&mut self) {
        for p in 1..self.nodes.len() {
            let node = &self.nodes[p];
            let Some(h) = node.head.filter(|&h| h < p - 1) else { continue };
            if node.rel != Rel::Acl || node.xpos != "VBG" || matches!(node.lemma.as_ref(), "kill" | "wound" | "injure" | "leave" | "maim" | "destroy" | "damage") {
                continue;
            }
            let m = p - 1;
            let nearer = matches!(self.nodes[m].upos, "NOUN" | "PROPN") && self.nodes[m].rel == Rel::Nmod && self.nodes[m].head == Some(h);
            if nearer {
                let label = self.nodes[p].label;
                self.reattach(p, Some(m), Rel::Acl, label);
            }
        }
    }

    /// "Ukraine shot down 20 drones": a particle right after a verb, which the parse hung
    /// on the object's number or adjective ("down 20"), is the verb's.
    fn normalize_particles(&mut self) {
        for v in 0..self.nodes.len().saturating_sub(1) {
            let p = v + 1;
            let particle = matches!(self.nodes[p].lemma.as_ref(), "down" | "up" | "out" | "off" | "back" | "away");
            // (Hung on a word after it inside the verb's own phrase: "down 20", "down 30 of".)
            let misplaced = self.nodes[p].rel == Rel::Advmod && self.nodes[p].head.is_some_and(|h| h > p && self.is_descendant(h, v));
            if particle && misplaced && self.nodes[v].upos == "VERB" && self.nodes[p].children.is_empty() {
                self.reattach(p, Some(v), Rel::Compound, "compound:prt");
            }
        }
    }

    /// "The civilians imprisoned for acting against Moscow were released by Putin": a
    /// participle right after the subject, with no auxiliary, taken for the main verb,
    /// while a later participle with its own "were" hangs inside its clause. The later one
    /// is the sentence's verb and the first a reduced relative on the subject; what follows
    /// the later verb is its own.
    fn normalize_reduced_relatives(&mut self) {
        let Some(r) = (0..self.nodes.len()).find(|&i| self.nodes[i].head.is_none() && self.nodes[i].rel == Rel::Root) else { return };
        let node = &self.nodes[r];
        if node.upos != "VERB" || node.xpos != "VBN" || self.has_child(r, Rel::Aux) || self.has_child(r, Rel::AuxPass) {
            return;
        }
        let Some(subject) = self.children_with(r, Rel::Nsubj).find(|&x| x < r) else { return };
        let inside = self.subtree(r);
        let be = |x: usize| self.nodes[x].children.iter().any(|&a| matches!(self.nodes[a].rel, Rel::Aux | Rel::AuxPass) && self.nodes[a].lemma.as_ref() == "be" && a + 1 == x);
        let Some(p) = inside.iter().copied().find(|&x| x > r + 1 && self.nodes[x].xpos == "VBN" && be(x) && !self.has_child(x, Rel::Nsubj) && !self.has_child(x, Rel::NsubjPass)) else { return };
        // (What hangs before the later verb from words after it stays: "for acting against
        // Moscow" is the relative clause's.)
        let moved: Vec<usize> = (p + 1..self.nodes.len()).filter(|&x| self.nodes[x].head.is_some_and(|h| h < p && h != subject && inside.contains(&h))).collect();
        self.reattach(p, None, Rel::Root, "root");
        self.reattach(r, Some(subject), Rel::Acl, "acl");
        self.reattach(subject, Some(p), Rel::NsubjPass, "nsubj:pass");
        for x in moved {
            let (rel, label) = (self.nodes[x].rel, self.nodes[x].label);
            self.reattach(x, Some(p), rel, label);
        }
    }

    /// "There were 10 soldiers killed in Ukraine": after an existential "there be", a noun
    /// followed by a bare past participle is that participle's patient, however the parse
    /// linked them (UDPipe makes "killed" a finite verb with "soldiers" its subject).
    fn normalize_existential_passives(&mut self) {
        for v in 0..self.nodes.len() {
            let node = &self.nodes[v];
            let Some(h) = node.head else { continue };
            let existential = self.nodes[h].lemma == "be" && self.nodes[h].children.iter().any(|&c| self.nodes[c].label == "expl" && self.nodes[c].lemma == "there");
            let participle = matches!(node.xpos, "VBN" | "VBD") && node.upos == "VERB" && h < v;
            if !existential || !participle || self.has_child(v, Rel::Aux) || self.has_child(v, Rel::AuxPass) {
                continue;
            }
            let subjects: Vec<usize> = self.children_with(v, Rel::Nsubj).filter(|&s| s < v && s > h).collect();
            for s in subjects {
                self.nodes[s].rel = Rel::NsubjPass;
            }
        }
    }

    /// "Congress is asking Obama to help Iran", "the militia vowed on Thursday to wage
    /// war": UDPipe often attaches the infinitive of a control verb as an adverbial clause;
    /// it is the verb's open complement, which its object (or, without one, its subject)
    /// controls. A purpose clause ("sent troops to protect") is left alone.
    fn normalize_control(&mut self) {
        const SUBJECT_CONTROL: &[&str] = &["vow", "pledge", "promise", "agree", "decide", "threaten", "refuse", "plan", "intend", "want", "hope", "seek", "try", "attempt", "offer", "fail", "prepare", "aim", "expect", "resolve", "undertake", "swear", "volunteer", "wish", "choose", "decline", "vote"];
        for v in 0..self.nodes.len() {
            let Some(h) = self.nodes[v].head else { continue };
            let infinitive = self.nodes[v].rel == Rel::Advcl && self.children_with(v, Rel::Mark).any(|m| self.nodes[m].lemma == "to") && !self.has_child(v, Rel::Nsubj);
            if !infinitive {
                continue;
            }
            // ("called on both sides to show restraint": the one called on is an object.)
            let called_on = self.nodes[h].children.iter().any(|&c| self.nodes[c].rel == Rel::Obl && matches!(self.prep(c), Some("on" | "upon")) && c < v);
            let has_object = self.has_child(h, Rel::Obj) || self.has_child(h, Rel::Iobj) || called_on && matches!(self.nodes[h].lemma.as_ref(), "call" | "prevail");
            let controlled = if has_object { OBJECT_CONTROL } else { SUBJECT_CONTROL };
            if controlled.contains(&self.nodes[h].lemma.as_ref()) {
                self.nodes[v].rel = Rel::Xcomp;
            }
        }
    }

    /// "tapped all communication links leading into Mordor": a participle right after the
    /// object, with no subject or comma of its own, modifies the object; parses often hang
    /// it on the verb as an adverbial clause.
    fn normalize_object_participles(&mut self) {
        for v in 0..self.nodes.len() {
            let node = &self.nodes[v];
            let Some(h) = node.head else { continue };
            if node.rel != Rel::Advcl || node.xpos != "VBG" || self.has_child(v, Rel::Nsubj) || self.has_child(v, Rel::Mark) {
                continue;
            }
            let Some(object) = self.children_with(h, Rel::Obj).find(|&o| o < v) else { continue };
            // (Right after it: "links leading into", not "the town, killing two".)
            if self.rightmost(object) + 1 != v || self.leftmost(v) != v {
                continue;
            }
            self.nodes[h].children.retain(|&c| c != v);
            let at = self.nodes[object].children.partition_point(|&c| c < v);
            self.nodes[object].children.insert(at, v);
            self.nodes[v].head = Some(object);
            self.nodes[v].rel = Rel::Acl;
        }
    }

    /// Conjuncts the parse got wrong in ways grammar rules out:
    /// - "seeking to deepen a partnership, especially by promoting biofuels": a verb with a
    ///   subordinator of its own ("by", "while", "after") is an adjunct, not a conjunct;
    /// - "claimed that ISIL had attacked Iraq and taken Mosul": a bare past participle
    ///   cannot be conjoined to a past tense; it shares the "had" of the participle
    ///   before it.
    fn normalize_conjuncts(&mut self) {
        for v in 0..self.nodes.len() {
            let Some(h) = self.nodes[v].head else { continue };
            if self.nodes[v].rel != Rel::Conj || !self.is_verbal(v) {
                continue;
            }
            if self.children_with(v, Rel::Mark).any(|m| self.nodes[m].upos == "SCONJ" && self.nodes[m].lemma != "that") {
                self.nodes[v].rel = Rel::Advcl;
                continue;
            }
            let bare_participle = self.nodes[v].xpos == "VBN" && !self.has_child(v, Rel::Aux) && !self.has_child(v, Rel::AuxPass) && !self.has_child(v, Rel::Nsubj);
            if !bare_participle || !matches!(self.nodes[h].xpos, "VBD" | "VBZ" | "VBP") {
                continue;
            }
            // (Not one inside the participle's own phrase: that would make a cycle.)
            let outside = |w: usize| {
                let mut at = Some(w);
                while let Some(a) = at {
                    if a == v {
                        return false;
                    }
                    at = self.nodes[a].head;
                }
                true
            };
            let perfect = (h + 1..v).rev().find(|&w| self.nodes[w].xpos == "VBN" && self.children_with(w, Rel::Aux).any(|a| matches!(self.nodes[a].lemma.as_ref(), "have" | "has" | "had")) && outside(w));
            if let Some(w) = perfect {
                self.nodes[h].children.retain(|&c| c != v);
                let at = self.nodes[w].children.partition_point(|&c| c < v);
                self.nodes[w].children.insert(at, v);
                self.nodes[v].head = Some(w);
            }
        }
    }

    /// "the prisoners released on Monday": a past participle on a noun (a reduced relative
    /// clause) is passive, and the noun is what it acted on.
    pub fn is_participle_on_noun(&self, v: usize) -> bool {
        let n = &self.nodes[v];
        let past_participle = n.xpos == "VBN" || n.xpos.is_empty() && n.feats.contains("VerbForm=Part") && n.feats.contains("Tense=Past");
        n.rel == Rel::Acl && past_participle && !self.has_child(v, Rel::Nsubj) && !self.has_child(v, Rel::Aux)
    }

    /// UD v1 puts prepositional phrases of verbs under `nmod` and has no `obl:agent`;
    /// make them `obl` and mark passive `by` phrases as agents.
    fn normalize_v1(&mut self) {
        for i in 0..self.nodes.len() {
            if self.nodes[i].rel == Rel::Nmod {
                if let Some(h) = self.nodes[i].head {
                    // (Not on a "verb" that is some verb's object or subject: that is a noun
                    // the tagger missed, "fired two artillery shells near a vessel".)
                    let head = &self.nodes[h];
                    let nominal = matches!(head.rel, Rel::Obj | Rel::Iobj | Rel::Nsubj | Rel::NsubjPass | Rel::Obl | Rel::Nmod)
                        && !head.label.starts_with("csubj")
                        && !self.has_child(h, Rel::Nsubj)
                        && !self.has_child(h, Rel::Aux);
                    if self.is_verbal(h) && !nominal {
                        self.nodes[i].rel = Rel::Obl;
                    }
                }
            }
            if self.nodes[i].rel == Rel::Obl {
                if let Some(h) = self.nodes[i].head {
                    if self.prep(i).as_deref() == Some("by") && self.is_passive(h) {
                        self.nodes[i].rel = Rel::Agent;
                    }
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn children_with(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.nodes[i].children.iter().copied().filter(move |&c| self.nodes[c].rel == rel)
    }

    pub fn has_child(&self, i: usize, rel: Rel) -> bool {
        self.children_with(i, rel).next().is_some()
    }

    /// Verbs, and predicates that act like them (an adjective or noun with a copula).
    pub fn is_verbal(&self, i: usize) -> bool {
        let n = &self.nodes[i];
        n.upos == "VERB" || n.upos == "AUX" && n.rel == Rel::Root || self.has_child(i, Rel::Cop) || self.has_child(i, Rel::NsubjPass)
    }

    /// The preposition (lower-cased, multiword ones joined by a space: "because of") that
    /// marks a nominal, if any.
    pub fn prep(&self, i: usize) -> Option<&str> {
        self.nodes[i].prep.as_deref()
    }

    fn find_prep(&self, i: usize) -> Option<String> {
        let mut words: Vec<usize> = self.children_with(i, Rel::Case).collect();
        if words.is_empty() {
            words = self.children_with(i, Rel::Mark).collect();
        }
        let first = *words.first()?;
        // "out of", "according to": the case word's own fixed children.
        let mut parts: Vec<usize> = vec![first];
        parts.extend(self.nodes[first].children.iter().copied().filter(|&c| self.nodes[c].rel == Rel::Flat));
        parts.sort_unstable();
        // (As written, lower-cased: the lemma of "According" is "accord".)
        Some(parts.iter().map(|&p| self.nodes[p].form.to_lowercase()).collect::<Vec<_>>().join(" "))
    }

    /// Passive: a passive subject, a passive auxiliary, or a past participle with "by".
    pub fn is_passive(&self, v: usize) -> bool {
        if self.has_child(v, Rel::NsubjPass) || self.has_child(v, Rel::AuxPass) || self.is_participle_on_noun(v) {
            return true;
        }
        // A participle marked passive but with an active subject or a perfect "have"
        // ("has spoken") is active, whatever the tagger's features say; only a bare
        // participle ("soldiers killed by shelling") is passive.
        // "condemned an attack … and promised aid": a past participle conjoined to an
        // active past tense shares its tense; the tagger's VBN is the confusion of two
        // identical forms.
        let shares_active_past = self.nodes[v].rel == Rel::Conj
            && !self.has_child(v, Rel::Aux)
            && self.nodes[v].head.is_some_and(|h| self.nodes[h].xpos == "VBD" && !self.is_passive(h));
        self.nodes[v].feats.contains("Voice=Pass")
            && !self.has_child(v, Rel::Nsubj)
            && !shares_active_past
            && !self.children_with(v, Rel::Aux).any(|c| matches!(self.nodes[c].lemma.as_ref(), "have" | "has" | "had"))
    }

    /// Negated by "not", "never", "no" or "n't".
    pub fn is_negated(&self, v: usize) -> bool {
        self.nodes[v].children.iter().any(|&c| {
            let n = &self.nodes[c];
            n.rel == Rel::Neg
                || (matches!(n.rel, Rel::Advmod | Rel::Det) && matches!(n.lemma.as_ref(), "not" | "n't" | "never" | "no"))
                || n.feats.contains("Polarity=Neg") && n.rel != Rel::Conj
        })
    }

    /// Under a modal or future that makes the event hypothetical: could, would, might,
    /// may, should, must, will, shall.
    pub fn is_modal(&self, v: usize) -> bool {
        self.children_with(v, Rel::Aux).any(|c| {
            matches!(self.nodes[c].lemma.as_ref(), "could" | "would" | "might" | "may" | "should" | "must" | "'d" | "can" | "ca")
        })
    }

    /// In the future tense: "will", "shall" or "'ll" on the verb.
    pub fn is_future(&self, v: usize) -> bool {
        self.children_with(v, Rel::Aux).any(|c| matches!(self.nodes[c].lemma.as_ref(), "will" | "shall" | "'ll" | "wo" | "ll"))
    }

    /// "is going to": the future, on the "going" of it.
    pub fn is_going_to(&self, v: usize) -> bool {
        self.nodes[v].form == "going"
            && self.children_with(v, Rel::Aux).any(|a| self.nodes[a].lemma.as_ref() == "be")
            && self.children_with(v, Rel::Xcomp).any(|x| self.children_with(x, Rel::Mark).any(|m| self.nodes[m].lemma.as_ref() == "to"))
    }

    /// Whether `v` has a particle (`compound:prt`) among `words` ("handed over", "broke off").
    pub fn has_particle(&self, v: usize, words: &[Box<str>]) -> bool {
        self.nodes[v].children.iter().any(|&c| self.nodes[c].label.starts_with("compound:prt") && words.iter().any(|p| p.eq_ignore_ascii_case(&self.nodes[c].lemma)))
    }

    /// The verbal word at `w` or nearest above it (a noun's event is its verb's).
    pub fn verb_above(&self, mut w: usize) -> Option<usize> {
        for _ in 0..8 {
            if self.is_verbal(w) {
                return Some(w);
            }
            w = self.nodes[w].head?;
        }
        None
    }

    /// The clause is an "if"/"unless" condition.
    pub fn is_conditional(&self, v: usize) -> bool {
        self.children_with(v, Rel::Mark).any(|c| matches!(self.nodes[c].lemma.as_ref(), "if" | "unless" | "whether"))
    }

    /// The words of the subtree of `i`, in order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let at = out[k];
            out.extend(self.nodes[at].children.iter().copied());
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The first word of the subtree of `i`.
    pub fn leftmost(&self, i: usize) -> usize {
        self.nodes[i].children.iter().map(|&c| self.leftmost(c)).min().map_or(i, |l| l.min(i))
    }

    /// The last word of the subtree of `i`.
    pub fn rightmost(&self, i: usize) -> usize {
        self.nodes[i].children.iter().map(|&c| self.rightmost(c)).max().map_or(i, |r| r.max(i))
    }

    /// Conjuncts of `i` (not `i` itself), following chains ("A, B and C").
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.children_with(i, Rel::Conj).collect();
        while let Some(c) = stack.pop() {
            out.push(c);
            stack.extend(self.children_with(c, Rel::Conj));
        }
        out.sort_unstable();
        out
    }

    /// The head of a chain of conjuncts (`i` itself when it is not a conjunct).
    pub fn first_conjunct(&self, mut i: usize) -> usize {
        while self.nodes[i].rel == Rel::Conj {
            match self.nodes[i].head {
                Some(h) => i = h,
                None => break,
            }
        }
        i
    }

    /// Subjects of a verb, as written or inherited: a conjoined verb shares its first
    /// conjunct's subject ("Russia attacked and seized …"), an `xcomp` verb its
    /// controller's ("agreed to restore"), a relative clause the noun it modifies.
    pub fn subjects(&self, v: usize) -> Vec<usize> {
        let direct: Vec<usize> = self.nodes[v].children.iter().copied().filter(|&c| self.nodes[c].rel == Rel::Nsubj).collect();
        // "Russia, which backs Assad": a relative pronoun stands for the noun the clause
        // is on.
        let relative = |c: &usize| matches!(self.nodes[*c].lemma.as_ref(), "which" | "who" | "that") && matches!(self.nodes[*c].xpos, "WDT" | "WP");
        if self.nodes[v].rel == Rel::AclRelcl && direct.len() == 1 && direct.iter().all(relative) {
            if let Some(h) = self.nodes[v].head {
                return vec![h];
            }
        }
        if !direct.is_empty() {
            return direct;
        }
        let Some(h) = self.nodes[v].head else { return Vec::new() };
        match self.nodes[v].rel {
            Rel::Conj | Rel::Xcomp => {
                // "persuaded Gondor to attack": the object of the controlling verb controls.
                if self.nodes[v].rel == Rel::Xcomp {
                    // (A parse may call that object indirect: "asking [iobj Obama] to help".)
                    let mut objects: Vec<usize> = self.children_with(h, Rel::Obj).collect();
                    if objects.is_empty() {
                        objects.extend(self.children_with(h, Rel::Iobj));
                    }
                    if !objects.is_empty() && OBJECT_CONTROL.contains(&self.nodes[h].lemma.as_ref()) {
                        return objects;
                    }
                    // "Gollum was seen to break into …", "was urged to attack": the
                    // passive subject of the controlling verb controls.
                    let patients: Vec<usize> = self.children_with(h, Rel::NsubjPass).collect();
                    if !patients.is_empty() {
                        return patients;
                    }
                }
                self.subjects(h)
            }
            Rel::Acl | Rel::AclRelcl => vec![h],
            // An adjunct with no subordinator but "to" (an infinitive, or a participle)
            // elaborates the clause's event where the clause names a participant: "met with
            // Assad to discuss …" is one meeting, "bombarded Aleppo, killing eight" one
            // attack. Where the clause names none, the adjunct carries the event and shares
            // its subject: "inching nearer to accord with Gondor". (A finite adjunct,
            // "after crowds trashed …", has a subject of its own.)
            Rel::Advcl if self.children_with(v, Rel::Mark).all(|m| self.nodes[m].lemma == "to") => {
                let participant = self.nodes[h].children.iter().any(|&c| match self.nodes[c].rel {
                    Rel::Obj | Rel::Iobj => true,
                    Rel::Obl | Rel::Nmod => self.has_child(c, Rel::Case),
                    _ => false,
                });
                if participant { Vec::new() } else { self.subjects(h) }
            }
            // "expelled two diplomats after accusing Minsk of …", "while visiting Kyiv": a
            // participle after a subordinator has no subject of its own; the clause's is
            // its.
            Rel::Advcl if self.has_child(v, Rel::Mark) => {
                // (Not the means, "by promoting biofuels", which elaborates the clause's
                // event, nor a reason, "sentenced him for helping militants", whose doer
                // may be the object, nor what is yet to come, "before leaving for
                // Beijing".)
                let participle = self.nodes[v].xpos == "VBG" && !self.has_child(v, Rel::Aux) && !self.has_child(v, Rel::Cop);
                let temporal = self.children_with(v, Rel::Mark).any(|m| matches!(self.nodes[m].lemma.as_ref(), "after" | "while" | "since" | "upon" | "when"));
                if participle && temporal { self.subjects(h) } else { Vec::new() }
            }
            Rel::Advcl => self.subjects(h),
            _ => Vec::new(),
        }
    }
}

/// A noun heading a sentence or a reported clause, where a verb belongs.
/// Verbs with no passive: their participle hung on a noun is a misparsed past tense
/// ("Indian and Chinese troops clashed along the border").
const INTRANSITIVE: &[&str] = &["clash", "march", "rally", "riot", "mutiny", "retreat", "flee", "die", "skirmish", "arrive"];

/// Verbs whose object does what their infinitive says ("urged Gondor to attack", "sent
/// troops to protect", "wanted Russia to withdraw"). With other verbs the infinitive is
/// the subject's purpose: "Mordor is hosting Osgiliath to celebrate Tabaski" is Mordor
/// celebrating, "met Assad to discuss" the meeting's parties discussing.
const OBJECT_CONTROL: &[&str] = &[
    "ask", "urge", "call", "press", "persuade", "encourage", "invite", "tell", "order", "force", "allow", "request", "appeal", "implore", "beg", "advise", "instruct", "authorize", "authorise", "compel", "oblige", "push",
    "help", "want", "expect", "need", "send", "deploy", "dispatch", "mobilize", "mobilise", "train", "arm", "pay", "hire", "recruit", "lead", "cause", "get", "enable", "permit", "pressure", "pressurize", "prompt", "inspire", "challenge", "remind", "warn", "require", "forbid", "prohibit", "bar", "direct", "command", "convince", "lobby", "entice", "trick", "coerce", "drive", "move", "assign", "appoint", "elect", "choose", "nominate", "like", "prefer", "wish", "leave", "mandate", "empower", "commission", "task", "instigate", "incite", "provoke",
];

/// A parsed sentence built by hand from `(form, lemma, upos, head, deprel)` rows, heads
/// 1-based as in CoNLL-U (0 is the root): for tests and examples that need a tree without
/// running the parser.
pub fn sentence_from_rows(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
    Sentence {
        tokens: rows
            .iter()
            .map(|&(form, lemma, upos, head, rel)| dyad_model::Token {
                form: form.into(),
                lemma: Some(lemma.into()),
                upos: Some(upos.into()),
                head: Some(head),
                deprel: Some(rel.into()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        sentence_from_rows(rows)
    }

    /// A sentence whose words `xpos` names carry those Penn tags.
    fn with_xpos(rows: &[(&str, &str, &str, usize, &str)], xpos: &[(usize, &str)]) -> Sentence {
        let mut s = sentence(rows);
        for &(i, x) in xpos {
            s.tokens[i].xpos = Some(x.into());
        }
        s
    }

    #[test]
    fn v1_passive_by_phrase_becomes_an_agent() {
        // "Prisoners were handed over by Ukraine" in UD v1.
        let s = sentence(&[
            ("Prisoners", "prisoner", "NOUN", 3, "nsubjpass"),
            ("were", "be", "AUX", 3, "auxpass"),
            ("handed", "hand", "VERB", 0, "root"),
            ("over", "over", "ADP", 3, "compound:prt"),
            ("by", "by", "ADP", 6, "case"),
            ("Ukraine", "Ukraine", "PROPN", 3, "nmod"),
        ]);
        let t = Tree::new(&s);
        assert!(t.is_passive(2));
        assert_eq!(t.nodes[5].rel, Rel::Agent);
        assert_eq!(t.prep(5).as_deref(), Some("by"));
    }

    #[test]
    fn reduced_passives_and_controllers() {
        // "Soldiers killed in Ukraine": a participle on a noun is passive.
        let s = with_xpos(&[("Soldiers", "soldier", "NOUN", 0, "root"), ("killed", "kill", "VERB", 1, "acl"), ("in", "in", "ADP", 4, "case"), ("Ukraine", "Ukraine", "PROPN", 2, "nmod")], &[(1, "VBN")]);
        let t = Tree::new(&s);
        assert!(t.is_participle_on_noun(1) && t.is_passive(1));
        // "There were soldiers killed": the noun is the participle's patient.
        let s = with_xpos(
            &[("There", "there", "PRON", 2, "expl"), ("were", "be", "VERB", 0, "root"), ("soldiers", "soldier", "NOUN", 4, "nsubj"), ("killed", "kill", "VERB", 2, "csubj")],
            &[(3, "VBD")],
        );
        let t = Tree::new(&s);
        assert_eq!(t.nodes[2].rel, Rel::NsubjPass);
        assert!(t.is_passive(3));
        // "Gollum was seen to break in": the passive subject controls the complement.
        let s = sentence(&[("Gollum", "Gollum", "PROPN", 3, "nsubjpass"), ("was", "be", "AUX", 3, "auxpass"), ("seen", "see", "VERB", 0, "root"), ("to", "to", "PART", 5, "mark"), ("break", "break", "VERB", 3, "xcomp")]);
        assert_eq!(Tree::new(&s).subjects(4), vec![0]);
        // "Congress asks Obama to help": an object-control infinitive parsed as advcl.
        let s = sentence(&[("Congress", "Congress", "PROPN", 2, "nsubj"), ("asks", "ask", "VERB", 0, "root"), ("Obama", "Obama", "PROPN", 2, "dobj"), ("to", "to", "PART", 5, "mark"), ("help", "help", "VERB", 2, "advcl")]);
        let t = Tree::new(&s);
        assert_eq!(t.nodes[4].rel, Rel::Xcomp);
        assert_eq!(t.subjects(4), vec![2]);
        // "Mordor hosts Osgiliath to celebrate": the host's purpose, parsed as xcomp.
        let s = sentence(&[("Mordor", "Mordor", "PROPN", 2, "nsubj"), ("hosts", "host", "VERB", 0, "root"), ("Osgiliath", "Osgiliath", "PROPN", 2, "obj"), ("to", "to", "PART", 5, "mark"), ("celebrate", "celebrate", "VERB", 2, "xcomp")]);
        assert_eq!(Tree::new(&s).subjects(4), vec![0]);
    }

    #[test]
    fn negation_modality_and_inherited_subjects() {
        // "Kiev could not demand aid and agreed to talk"
        let s = sentence(&[
            ("Kiev", "Kiev", "PROPN", 4, "nsubj"),
            ("could", "could", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("demand", "demand", "VERB", 0, "root"),
            ("aid", "aid", "NOUN", 4, "obj"),
            ("and", "and", "CCONJ", 7, "cc"),
            ("agreed", "agree", "VERB", 4, "conj"),
            ("to", "to", "PART", 9, "mark"),
            ("talk", "talk", "VERB", 7, "xcomp"),
        ]);
        let t = Tree::new(&s);
        assert!(t.is_negated(3) && t.is_modal(3));
        assert!(!t.is_negated(6) && !t.is_modal(6));
        assert_eq!(t.subjects(6), [0]);
        assert_eq!(t.subjects(8), [0]);
        assert_eq!(t.conjuncts(3), [6]);
    }

    #[test]
    fn a_perfect_participle_is_active_even_when_tagged_passive() {
        // "Austin has spoken to Belousov", with the tagger's Voice=Pass on "spoken".
        let mut s = sentence(&[
            ("Austin", "Austin", "PROPN", 3, "nsubj"),
            ("has", "have", "AUX", 3, "aux"),
            ("spoken", "speak", "VERB", 0, "root"),
            ("to", "to", "ADP", 5, "case"),
            ("Belousov", "Belousov", "PROPN", 3, "obl"),
        ]);
        s.tokens[2].feats = Some("Tense=Past|VerbForm=Part|Voice=Pass".into());
        assert!(!Tree::new(&s).is_passive(2));
    }

    #[test]
    fn a_clause_headed_by_a_noun_gets_its_verb_back() {
        // "Troops rescued students, the army said", parsed with "troops" as the reported
        // clause and "rescued" a participle on it, "students" its agent.
        let s = with_xpos(
            &[
                ("Troops", "troop", "NOUN", 7, "ccomp"),
                ("rescued", "rescue", "VERB", 1, "acl"),
                ("students", "student", "NOUN", 2, "obl:agent"),
                (",", ",", "PUNCT", 1, "punct"),
                ("the", "the", "DET", 6, "det"),
                ("army", "army", "NOUN", 7, "nsubj"),
                ("said", "say", "VERB", 0, "root"),
            ],
            &[(1, "VBN"), (6, "VBD")],
        );
        let t = Tree::new(&s);
        assert_eq!((t.nodes[1].head, t.nodes[1].rel), (Some(6), Rel::Ccomp));
        assert_eq!((t.nodes[0].head, t.nodes[0].rel), (Some(1), Rel::Nsubj));
        assert_eq!(t.nodes[2].rel, Rel::Obj);
        assert!(!t.is_passive(1));
        // "Troops killed in attack": a headline's passive participle stays one.
        let s = with_xpos(&[("Troops", "troop", "NOUN", 0, "root"), ("killed", "kill", "VERB", 1, "acl"), ("in", "in", "ADP", 4, "case"), ("attack", "attack", "NOUN", 2, "obl")], &[(1, "VBN")]);
        let t = Tree::new(&s);
        assert_eq!(t.nodes[1].rel, Rel::Acl);
        assert!(t.is_passive(1));
    }

    #[test]
    fn a_reporting_clause_after_a_comma_is_its_own() {
        // "Forces captured the village, the ministry said", with "ministry" parsed as an
        // unmarked oblique of "captured" and "said" hung on it.
        let s = with_xpos(
            &[
                ("Forces", "force", "NOUN", 2, "nsubj"),
                ("captured", "capture", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("village", "village", "NOUN", 2, "obj"),
                (",", ",", "PUNCT", 7, "punct"),
                ("the", "the", "DET", 7, "det"),
                ("ministry", "ministry", "NOUN", 2, "obl:unmarked"),
                ("said", "say", "VERB", 7, "xcomp"),
            ],
            &[(7, "VBD")],
        );
        let t = Tree::new(&s);
        assert_eq!((t.nodes[7].head, t.nodes[7].rel), (Some(1), Rel::Parataxis));
        assert_eq!((t.nodes[6].head, t.nodes[6].rel), (Some(7), Rel::Nsubj));
        assert!(!t.nodes[1].children.contains(&6));
    }

    #[test]
    fn a_reduced_relative_taken_for_the_main_verb_is_mended() {
        // "The civilians imprisoned for acting were released by Putin", parsed with
        // "imprisoned" as the root and "released" inside "acting".
        let words = [
            ("The", "the", "DET", 2, "det"),
            ("civilians", "civilian", "NOUN", 3, "nsubj"),
            ("imprisoned", "imprison", "VERB", 0, "root"),
            ("for", "for", "SCONJ", 5, "mark"),
            ("acting", "act", "VERB", 3, "advcl"),
            ("were", "be", "AUX", 7, "aux:pass"),
            ("released", "release", "VERB", 5, "advmod"),
            ("by", "by", "ADP", 9, "case"),
            ("Putin", "Putin", "PROPN", 5, "obl"),
        ];
        let s = with_xpos(&words, &[(2, "VBN"), (6, "VBN")]);
        let t = Tree::new(&s);
        assert_eq!((t.nodes[6].head, t.nodes[6].rel), (None, Rel::Root));
        assert_eq!((t.nodes[1].head, t.nodes[1].rel), (Some(6), Rel::NsubjPass));
        assert_eq!((t.nodes[2].head, t.nodes[2].rel), (Some(1), Rel::Acl));
        assert_eq!(t.nodes[8].head, Some(6), "the agent after the verb is the verb's");
        assert_eq!(t.nodes[4].head, Some(2), "the relative clause keeps its own");
    }

    #[test]
    fn a_particle_after_its_verb_is_the_verbs() {
        // "Ukraine shot down 20 drones", with "down" hung on "20".
        let words = [
            ("Ukraine", "Ukraine", "PROPN", 2, "nsubj"),
            ("shot", "shoot", "VERB", 0, "root"),
            ("down", "down", "ADV", 4, "advmod"),
            ("20", "20", "NUM", 5, "nummod"),
            ("drones", "drone", "NOUN", 2, "obj"),
        ];
        let s = sentence(&words);
        let t = Tree::new(&s);
        assert_eq!((t.nodes[2].head, t.nodes[2].rel), (Some(1), Rel::Compound));
        assert!(t.nodes[1].children.contains(&2) && !t.nodes[3].children.contains(&2));
    }

    #[test]
    fn a_phrase_before_the_reported_subject_belongs_to_the_report() {
        // "Putin said on Monday he would meet Zelensky", "on Monday" hung on "meet".
        let words = [
            ("Putin", "Putin", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("on", "on", "ADP", 4, "case"),
            ("Monday", "Monday", "PROPN", 7, "obl"),
            ("he", "he", "PRON", 7, "nsubj"),
            ("would", "would", "AUX", 7, "aux"),
            ("meet", "meet", "VERB", 2, "ccomp"),
            ("Zelensky", "Zelensky", "PROPN", 7, "obj"),
        ];
        let s = sentence(&words);
        let t = Tree::new(&s);
        assert_eq!((t.nodes[3].head, t.nodes[3].rel), (Some(1), Rel::Obl));
        // After "that" it is the reported clause's: "said that on Monday he met Zelensky".
        let words = [
            ("Putin", "Putin", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("on", "on", "ADP", 5, "case"),
            ("Monday", "Monday", "PROPN", 7, "obl"),
            ("he", "he", "PRON", 7, "nsubj"),
            ("met", "meet", "VERB", 2, "ccomp"),
            ("Zelensky", "Zelensky", "PROPN", 7, "obj"),
        ];
        let s = sentence(&words);
        let t = Tree::new(&s);
        assert_eq!((t.nodes[4].head, t.nodes[4].rel), (Some(6), Rel::Obl));
    }

    #[test]
    fn a_reporting_clause_run_into_a_name_is_its_own() {
        // "captured the village of Krasnohorivka, Russia's defence ministry said", with
        // "defence ministry" parsed as part of the village's name and "said" hung on
        // "village".
        let words = [
            ("forces", "force", "NOUN", 2, "nsubj"),
            ("captured", "capture", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("village", "village", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("Krasnohorivka", "Krasnohorivka", "PROPN", 4, "nmod"),
            (",", ",", "PUNCT", 9, "punct"),
            ("Russia", "Russia", "PROPN", 9, "nmod:poss"),
            ("defence", "defence", "NOUN", 6, "flat"),
            ("ministry", "ministry", "NOUN", 6, "flat"),
            ("said", "say", "VERB", 4, "acl"),
        ];
        let s = with_xpos(&words, &[(10, "VBD")]);
        let t = Tree::new(&s);
        assert_eq!((t.nodes[10].head, t.nodes[10].rel), (Some(1), Rel::Parataxis));
        assert_eq!((t.nodes[9].head, t.nodes[9].rel), (Some(10), Rel::Nsubj));
        assert_eq!(t.nodes[8].head, Some(9), "the rest of the phrase hangs on its head");
        assert!(!t.nodes[5].children.contains(&9));
    }

    #[test]
    fn parse_errors_grammar_rules_out_are_mended() {
        // "The militia vowed on Thursday to wage war": a subject-control infinitive.
        let s = sentence(&[
            ("militia", "militia", "NOUN", 2, "nsubj"),
            ("vowed", "vow", "VERB", 0, "root"),
            ("on", "on", "ADP", 4, "case"),
            ("Thursday", "Thursday", "PROPN", 2, "obl"),
            ("to", "to", "PART", 6, "mark"),
            ("wage", "wage", "VERB", 2, "advcl"),
            ("war", "war", "NOUN", 6, "obj"),
        ]);
        let t = Tree::new(&s);
        assert_eq!(t.nodes[5].rel, Rel::Xcomp);
        assert_eq!(t.subjects(5), [0]);
        // "Soldiers tapped links leading into Mordor": the participle is the object's.
        let s = with_xpos(
            &[
                ("Soldiers", "soldier", "NOUN", 2, "nsubj"),
                ("tapped", "tap", "VERB", 0, "root"),
                ("links", "link", "NOUN", 2, "obj"),
                ("leading", "lead", "VERB", 2, "advcl"),
                ("into", "into", "ADP", 6, "case"),
                ("Mordor", "Mordor", "PROPN", 4, "obl"),
            ],
            &[(3, "VBG")],
        );
        let t = Tree::new(&s);
        assert_eq!((t.nodes[3].head, t.nodes[3].rel), (Some(2), Rel::Acl));
        assert!(t.nodes[2].children.contains(&3) && !t.nodes[1].children.contains(&3));
        // "claimed that ISIL had attacked Iraq and taken Mosul", "taken" hung on "claimed".
        let s = with_xpos(
            &[
                ("US", "US", "PROPN", 2, "nsubj"),
                ("claimed", "claim", "VERB", 0, "root"),
                ("ISIL", "ISIL", "PROPN", 5, "nsubj"),
                ("had", "have", "AUX", 5, "aux"),
                ("attacked", "attack", "VERB", 2, "ccomp"),
                ("Iraq", "Iraq", "PROPN", 5, "obj"),
                ("and", "and", "CCONJ", 8, "cc"),
                ("taken", "take", "VERB", 2, "conj"),
                ("Mosul", "Mosul", "PROPN", 8, "obj"),
            ],
            &[(1, "VBD"), (4, "VBN"), (7, "VBN")],
        );
        let t = Tree::new(&s);
        assert_eq!(t.nodes[7].head, Some(4));
        assert_eq!(t.conjuncts(4), [7]);
        assert_eq!(t.subjects(7), [2]);
        // "seeking to deepen ties, especially by promoting biofuels": no conjunct.
        let s = sentence(&[
            ("Brazil", "Brazil", "PROPN", 2, "nsubj"),
            ("seeking", "seek", "VERB", 0, "root"),
            ("by", "by", "SCONJ", 4, "mark"),
            ("promoting", "promote", "VERB", 2, "conj"),
            ("biofuels", "biofuel", "NOUN", 4, "obj"),
        ]);
        assert_eq!(Tree::new(&s).nodes[3].rel, Rel::Advcl);
        // "condemned an attack and promised aid", "promised" tagged as a passive participle.
        let mut s = with_xpos(
            &[
                ("government", "government", "NOUN", 2, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("attack", "attack", "NOUN", 2, "obj"),
                ("and", "and", "CCONJ", 5, "cc"),
                ("promised", "promise", "VERB", 2, "conj"),
                ("aid", "aid", "NOUN", 5, "obj"),
            ],
            &[(1, "VBD"), (4, "VBN")],
        );
        s.tokens[4].feats = Some("Tense=Past|VerbForm=Part|Voice=Pass".into());
        assert!(!Tree::new(&s).is_passive(4));
    }

    #[test]
    fn adjuncts_share_the_subject_only_where_the_clause_names_no_participant() {
        // "Arnor is inching nearer to accord with Gondor": the adjunct carries the event.
        let s = sentence(&[
            ("Arnor", "Arnor", "PROPN", 2, "nsubj"),
            ("inching", "inch", "VERB", 0, "root"),
            ("nearer", "near", "ADJ", 2, "xcomp"),
            ("to", "to", "PART", 5, "mark"),
            ("accord", "accord", "VERB", 2, "advcl"),
            ("with", "with", "ADP", 7, "case"),
            ("Gondor", "Gondor", "PROPN", 5, "obl"),
        ]);
        assert_eq!(Tree::new(&s).subjects(4), [0]);
        // "Insurgents bombarded Aleppo, killing eight people": one attack.
        let s = sentence(&[
            ("Insurgents", "insurgent", "NOUN", 2, "nsubj"),
            ("bombarded", "bombard", "VERB", 0, "root"),
            ("Aleppo", "Aleppo", "PROPN", 2, "obj"),
            (",", ",", "PUNCT", 5, "punct"),
            ("killing", "kill", "VERB", 2, "advcl"),
            ("people", "people", "NOUN", 5, "obj"),
        ]);
        assert!(Tree::new(&s).subjects(4).is_empty());
    }

    #[test]
    fn titles_and_outer_subjects() {
        assert_eq!(Rel::parse("nmod:desc"), Rel::Compound);
        assert_eq!(Rel::parse("nsubj:outer"), Rel::Nsubj);
    }

    #[test]
    fn cycles_and_bad_heads_do_not_hang() {
        let s = sentence(&[("a", "a", "X", 2, "dep"), ("b", "b", "X", 1, "dep"), ("c", "c", "X", 99, "dep")]);
        let t = Tree::new(&s);
        assert_eq!(t.len(), 3);
        assert!(t.nodes[2].head.is_none());
        assert!(t.subtree(0).len() <= 2);
    }
}
