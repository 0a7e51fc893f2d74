//! Part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts UPOS
//! and XPOS together as one joint tag (EWT has about 50 XPOS x 17 UPOS pairs that
//! actually occur), so the two never disagree.
//!
//! Features are the classic ones (word, affixes, shape, two words either side, the
//! two previous predicted tags) plus each word's "ambiguity class": the set of tags
//! it was seen with in training. The ambiguity class of the *next* words stands in for
//! right-context tags, which a left-to-right tagger cannot see.
//!
//! A second model runs the same features right to left (on the reversed sentence),
//! and each word takes the tag with the best sum of both directions' scores: the
//! right-to-left pass knows the following tags ("attacked" before "the army" is a
//! past tense, not a participle).

use std::collections::HashMap;

use crate::hash::{finish, mix, IdentityBuild, Rng};
use crate::io::{ByteReader, ByteWriter, FormatError};
use crate::perceptron::{Trainer, Weights};
use crate::tokinfo::{TokInfo, NONE};

/// One training or evaluation sentence for the tagger.
pub struct TagExample {
    pub info: Vec<TokInfo>,
    pub gold: Vec<u16>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    pub(crate) weights: Weights,
    /// The right-to-left model, when trained.
    pub(crate) rev: Option<Weights>,
    /// Joint tags as (UPOS, XPOS).
    pub(crate) tags: Vec<(String, String)>,
    /// Lowercased-form hash -> ambiguity-class hash.
    pub(crate) amb: HashMap<u64, u64, IdentityBuild>,
}

/// Reusable buffers so tagging allocates nothing per sentence once warmed up.
#[derive(Default)]
pub struct TagScratch {
    feats: Vec<u64>,
    scores: Vec<f32>,
    amb: Vec<u64>,
    rinfo: Vec<TokInfo>,
    /// Scaled scores per word and tag, left to right then right to left (n x tags).
    fwd: Vec<f32>,
    bwd: Vec<f32>,
    dir_tags: Vec<u16>,
    alts: Vec<u32>,
}

const START: u64 = 0xffff_fff0;

#[inline(always)]
fn f1(t: u64, a: u64) -> u64 {
    finish(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a))
}
#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b))
}

fn features(info: &[TokInfo], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let get = |k: isize| -> &TokInfo {
        let j = i as isize + k;
        if j < 0 || j as usize >= info.len() {
            &TokInfo::PAD
        } else {
            &info[j as usize]
        }
    };
    let a = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= info.len() {
            NONE
        } else {
            amb[j as usize]
        }
    };
    let w = &info[i];
    let (wm1, wm2, wp1, wp2) = (get(-1), get(-2), get(1), get(2));
    out.push(f1(0, 1));
    out.push(f1(1, w.lower));
    out.push(f1(2, w.suf[0]));
    out.push(f1(3, w.suf[1]));
    out.push(f1(4, w.suf[2]));
    out.push(f1(5, w.suf[3]));
    out.push(f1(6, w.pre[0]));
    out.push(f1(7, w.pre[1]));
    out.push(f1(8, w.pre[2]));
    out.push(f1(9, w.shape));
    out.push(f2(10, w.flags, (i == 0) as u64));
    out.push(f1(11, wm1.lower));
    out.push(f1(12, wm2.lower));
    out.push(f1(13, wp1.lower));
    out.push(f1(14, wp2.lower));
    out.push(f1(15, wm1.suf[2]));
    out.push(f1(16, wp1.suf[2]));
    out.push(f1(17, p1));
    out.push(f1(18, p2));
    out.push(f2(19, p1, p2));
    out.push(f2(20, p1, w.lower));
    out.push(f2(21, wm1.lower, w.lower));
    out.push(f2(22, w.lower, wp1.lower));
    out.push(f1(23, wm1.shape));
    out.push(f1(24, wp1.shape));
    out.push(f1(25, a(0)));
    out.push(f1(26, a(1)));
    out.push(f1(27, a(2)));
    out.push(f2(28, a(0), p1));
    out.push(f1(29, w.form));
    out.push(f2(30, p1, w.suf[2]));
    out.push(f2(31, a(0), a(1)));
    out.push(f2(32, wp1.lower, wp2.lower));
    out.push(f2(33, p1, a(1)));
    out.push(f1(34, wp1.suf[1]));
    out.push(f2(35, a(-1), a(0)));
}

fn fill_amb(amb_map: &HashMap<u64, u64, IdentityBuild>, info: &[TokInfo], out: &mut Vec<u64>) {
    out.clear();
    out.extend(info.iter().map(|t| amb_map.get(&t.lower).copied().unwrap_or(NONE)));
}

impl Tagger {
    pub fn n_tags(&self) -> usize {
        self.tags.len()
    }

    /// Tag one sentence; `out` receives joint-tag indices.
    pub fn tag(&self, info: &[TokInfo], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        let mut alts = std::mem::take(&mut scratch.alts);
        self.tag_with_alternatives(info, scratch, out, &mut alts);
        scratch.alts = alts;
    }

    /// [`Tagger::tag`], and for each word the runner-up and how sure the tagger is,
    /// packed as `second << 2 | agree`: bit 0 set when the left-to-right pass alone
    /// chose the same tag, bit 1 when the right-to-left pass did. The parser reads
    /// them so that it can hedge where the tagger was torn.
    pub fn tag_with_alternatives(&self, info: &[TokInfo], scratch: &mut TagScratch, out: &mut Vec<u16>, alts: &mut Vec<u32>) {
        let nt = self.tags.len();
        alts.clear();
        let Some(rev) = &self.rev else {
            tag_with(&self.amb, info, scratch, out, &self.weights, nt, None, false);
            alts.extend(out.iter().map(|&t| ((t as u32) << 2) | 3));
            return;
        };
        let mut fwd = std::mem::take(&mut scratch.fwd);
        let mut bwd = std::mem::take(&mut scratch.bwd);
        let mut dir_tags = std::mem::take(&mut scratch.dir_tags);
        tag_with(&self.amb, info, scratch, &mut dir_tags, &self.weights, nt, Some(&mut fwd), false);
        let mut rinfo = std::mem::take(&mut scratch.rinfo);
        rinfo.clear();
        rinfo.extend(info.iter().rev().copied());
        // The reversed sentence's ambiguity classes are the same ones, reversed.
        scratch.amb.reverse();
        tag_with(&self.amb, &rinfo, scratch, &mut dir_tags, rev, nt, Some(&mut bwd), true);
        out.clear();
        let n = info.len();
        for i in 0..n {
            let f = &fwd[i * nt..(i + 1) * nt];
            let b = &bwd[(n - 1 - i) * nt..(n - i) * nt];
            let (mut best, mut second) = (0, usize::MAX);
            let (mut bs, mut ss) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
            for t in 0..nt {
                let v = f[t] + b[t];
                if v > bs {
                    second = best;
                    ss = bs;
                    bs = v;
                    best = t;
                } else if v > ss {
                    ss = v;
                    second = t;
                }
            }
            if second == usize::MAX || second == best {
                second = best;
            }
            let agree = (crate::argmax(f) == best) as u32 | (((crate::argmax(b) == best) as u32) << 1);
            out.push(best as u16);
            alts.push(((second as u32) << 2) | agree);
        }
        scratch.fwd = fwd;
        scratch.bwd = bwd;
        scratch.dir_tags = dir_tags;
        scratch.rinfo = rinfo;
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.varint(self.tags.len() as u64);
        for (u, x) in &self.tags {
            w.str(u);
            w.str(x);
        }
        let mut amb: Vec<(u64, u64)> = self.amb.iter().map(|(&k, &v)| (k, v)).collect();
        amb.sort_unstable();
        w.varint(amb.len() as u64);
        for (k, v) in amb {
            w.u64(k);
            w.u64(v);
        }
        self.weights.write(w);
        match &self.rev {
            Some(r) => {
                w.u8(1);
                r.write(w);
            }
            None => w.u8(0),
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Self, FormatError> {
        let n = r.len_prefix(2)?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let m = r.len_prefix(16)?;
        let mut amb = HashMap::with_capacity_and_hasher(m, IdentityBuild);
        for _ in 0..m {
            let k = r.u64()?;
            amb.insert(k, r.u64()?);
        }
        let weights = Weights::read(r)?;
        let rev = match r.u8()? {
            0 => None,
            1 => Some(Weights::read(r)?),
            _ => return Err(r.invalid("bad tagger direction flag")),
        };
        if weights.n_classes() != tags.len() || rev.as_ref().is_some_and(|w| w.n_classes() != tags.len()) {
            return Err(r.invalid("tagger weights do not match its tag set"));
        }
        Ok(Tagger { weights, rev, tags, amb })
    }
}

/// One greedy pass; with `keep`, also the scaled scores of every word. With
/// `amb_ready`, `scratch.amb` already holds the words' ambiguity classes.
#[allow(clippy::too_many_arguments)]
fn tag_with(
    amb_map: &HashMap<u64, u64, IdentityBuild>,
    info: &[TokInfo],
    scratch: &mut TagScratch,
    out: &mut Vec<u16>,
    weights: &Weights,
    n_tags: usize,
    mut keep: Option<&mut Vec<f32>>,
    amb_ready: bool,
) {
    if !amb_ready {
        fill_amb(amb_map, info, &mut scratch.amb);
    }
    scratch.scores.resize(n_tags, 0.0);
    out.clear();
    if let Some(k) = keep.as_deref_mut() {
        k.clear();
    }
    let scale = weights.scale();
    let (mut p1, mut p2) = (START, START + 1);
    for i in 0..info.len() {
        features(info, &scratch.amb, i, p1, p2, &mut scratch.feats);
        weights.score(&scratch.feats, &mut scratch.scores);
        if let Some(k) = keep.as_deref_mut() {
            k.extend(scratch.scores.iter().map(|s| s * scale));
        }
        let t = crate::argmax(&scratch.scores);
        out.push(t as u16);
        p2 = p1;
        p1 = t as u64;
    }
}

/// Ambiguity classes from training data: for each word seen at least twice, the
/// sorted set of tags that make up at least 1% of its occurrences.
fn build_amb(train: &[TagExample], n_tags: usize) -> HashMap<u64, u64, IdentityBuild> {
    let mut counts: HashMap<u64, Vec<u32>, IdentityBuild> = HashMap::with_hasher(IdentityBuild);
    for ex in train {
        for (t, &g) in ex.info.iter().zip(&ex.gold) {
            counts.entry(t.lower).or_insert_with(|| vec![0; n_tags])[g as usize] += 1;
        }
    }
    let mut amb = HashMap::with_hasher(IdentityBuild);
    for (k, c) in counts {
        let total: u32 = c.iter().sum();
        if total < 2 {
            continue;
        }
        let mut h = 0x616d_6263u64;
        for (tag, &n) in c.iter().enumerate() {
            if n as f64 >= 0.01 * total as f64 {
                h = mix(h, tag as u64 + 1);
            }
        }
        amb.insert(k, finish(h));
    }
    amb
}

/// Accuracy of joint tags, and of the UPOS/XPOS halves.
pub fn accuracy(tagger: &Tagger, data: &[TagExample]) -> (f64, f64, f64) {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let (mut n, mut joint, mut up, mut xp) = (0usize, 0usize, 0usize, 0usize);
    for ex in data {
        tagger.tag(&ex.info, &mut scratch, &mut out);
        for (&p, &g) in out.iter().zip(&ex.gold) {
            n += 1;
            let pt = &tagger.tags[p as usize];
            let Some(gt) = tagger.tags.get(g as usize) else { continue };
            joint += (p == g) as usize;
            up += (pt.0 == gt.0) as usize;
            xp += (pt.1 == gt.1) as usize;
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    (pct(joint), pct(up), pct(xp))
}

/// Train with early stopping on `dev` (when given): the averaged weights of the best
/// epoch are kept. Deterministic for a given `seed`. Returns the tagger and the
/// epoch it comes from.
pub fn train(
    train: &[TagExample],
    dev: Option<&[TagExample]>,
    tags: &[(String, String)],
    epochs: [usize; 2],
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Tagger, [usize; 2]) {
    let amb = build_amb(train, tags.len());
    let (fwd, e1) = train_direction(train, dev, tags, &amb, epochs[0], seed, log, "left-to-right");
    let rev_train: Vec<TagExample> = train.iter().map(reversed).collect();
    let rev_dev: Option<Vec<TagExample>> = dev.map(|d| d.iter().map(reversed).collect());
    let (bwd, e2) = train_direction(&rev_train, rev_dev.as_deref(), tags, &amb, epochs[1], seed ^ 0x7265_7665, log, "right-to-left");
    let tagger = Tagger { weights: fwd.weights, rev: Some(bwd.weights), tags: tags.to_vec(), amb };
    if let Some(dev) = dev {
        let (j, u, x) = accuracy(&tagger, dev);
        log(&format!("tagger, both directions: dev joint {j:.2} upos {u:.2} xpos {x:.2}"));
    }
    (tagger, [e1, e2])
}

fn reversed(e: &TagExample) -> TagExample {
    TagExample { info: e.info.iter().rev().copied().collect(), gold: e.gold.iter().rev().copied().collect() }
}

#[allow(clippy::too_many_arguments)]
fn train_direction(
    train: &[TagExample],
    dev: Option<&[TagExample]>,
    tags: &[(String, String)],
    amb: &HashMap<u64, u64, IdentityBuild>,
    epochs: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
    name: &str,
) -> (Tagger, usize) {
    let n_tags = tags.len();
    let amb = amb.clone();
    let mut t = Trainer::new(n_tags);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut scratch = TagScratch::default();
    let mut amb_buf = Vec::new();
    let mut scores = vec![0f32; n_tags];
    let mut best: Option<(f64, Tagger, usize)> = None;
    let mut since_best = 0;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut n, mut correct) = (0usize, 0usize);
        for &si in &order {
            let ex = &train[si];
            fill_amb(&amb, &ex.info, &mut amb_buf);
            let (mut p1, mut p2) = (START, START + 1);
            for i in 0..ex.info.len() {
                features(&ex.info, &amb_buf, i, p1, p2, &mut scratch.feats);
                t.score(&scratch.feats, &mut scores);
                let pred = crate::argmax(&scores);
                let gold = ex.gold[i] as usize;
                t.update(&scratch.feats, gold, pred);
                t.tick();
                n += 1;
                correct += (pred == gold) as usize;
                // Condition on the model's own history, as at run time.
                p2 = p1;
                p1 = pred as u64;
            }
        }
        let tagger = Tagger { weights: t.freeze(0.0), rev: None, tags: tags.to_vec(), amb: amb.clone() };
        let train_acc = 100.0 * correct as f64 / n.max(1) as f64;
        match dev {
            Some(dev) => {
                let (j, u, x) = accuracy(&tagger, dev);
                log(&format!("tagger {name} epoch {epoch}: train {train_acc:.2}  dev joint {j:.2} upos {u:.2} xpos {x:.2}  ({} features)", tagger.weights.n_features()));
                if best.as_ref().is_none_or(|(b, _, _)| j > *b) {
                    best = Some((j, tagger, epoch));
                    since_best = 0;
                } else {
                    since_best += 1;
                    if since_best >= 3 {
                        break;
                    }
                }
            }
            None => {
                log(&format!("tagger {name} epoch {epoch}: train {train_acc:.2}"));
                best = Some((0.0, tagger, epoch));
            }
        }
    }
    let (_, t, e) = best.expect("at least one epoch");
    (t, e)
}
