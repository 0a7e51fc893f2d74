//! Averaged multi-class perceptron over hashed sparse features.
//!
//! Training keeps, per feature, a short list of the classes it has ever been updated
//! for (most features only ever meet two or three), with the running weight and the
//! sum needed for averaging (Daumé's trick: avg = w - u / c, no per-update
//! timestamps). Freezing turns that into [`Weights`]: a compact CSR of
//! (class, weight) lists behind an open-addressing table, which is both what the
//! model file stores and what the hot loop reads.

use std::collections::HashMap;

use crate::hash::IdentityBuild;
use crate::io::{ByteReader, ByteWriter, FormatError};

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    u: f64,
}

/// Mutable weights while training.
pub struct Trainer {
    n_classes: usize,
    index: HashMap<u64, u32, IdentityBuild>,
    rows: Vec<Vec<Entry>>,
    /// Instance counter for averaging; starts at 1.
    c: f64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        assert!(n_classes <= u16::MAX as usize);
        Trainer { n_classes, index: HashMap::with_hasher(IdentityBuild), rows: Vec::new(), c: 1.0 }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Add the current (unaveraged) weights of `feats` into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Standard perceptron update: reward `gold`, penalise `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let c = self.c;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            for (class, d) in [(gold, 1.0f32), (pred, -1.0f32)] {
                match row.iter_mut().find(|e| e.class as usize == class) {
                    Some(e) => {
                        e.w += d;
                        e.u += c * d as f64;
                    }
                    None => row.push(Entry { class: class as u16, w: d, u: c * d as f64 }),
                }
            }
        }
    }

    /// Count one training instance (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// Averaged weights, dropping those whose magnitude is below `min_abs` and
    /// features left with none.
    pub fn freeze(&self, min_abs: f32) -> Weights {
        let mut feats: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        feats.sort_unstable_by_key(|&(k, _)| k);
        let mut keys = Vec::with_capacity(feats.len());
        let mut starts = vec![0u32];
        let mut classes = Vec::new();
        let mut values = Vec::new();
        for (k, r) in feats {
            let mut row: Vec<(u16, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| (e.class, (e.w as f64 - e.u / self.c) as f32))
                .filter(|&(_, w)| w.abs() >= min_abs && w != 0.0)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|&(c, _)| c);
            keys.push(k);
            for (c, w) in row {
                classes.push(c);
                values.push(w);
            }
            starts.push(classes.len() as u32);
        }
        Weights::from_parts(self.n_classes, keys, starts, classes, values)
    }
}

/// Frozen weights: what is saved and what predicts.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    n_classes: usize,
    /// Sorted feature keys; `starts[i]..starts[i+1]` are feature i's entries.
    keys: Vec<u64>,
    starts: Vec<u32>,
    classes: Vec<u16>,
    values: Vec<f32>,
    /// Open-addressing table: slot -> index into `keys` + 1 (0 = empty).
    table: Vec<u32>,
    mask: usize,
}

impl Weights {
    fn from_parts(n_classes: usize, keys: Vec<u64>, starts: Vec<u32>, classes: Vec<u16>, values: Vec<f32>) -> Self {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut table = vec![0u32; size];
        for (i, &k) in keys.iter().enumerate() {
            let mut slot = (k as usize) & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = i as u32 + 1;
        }
        Weights { n_classes, keys, starts, classes, values, table, mask }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    pub fn n_weights(&self) -> usize {
        self.values.len()
    }

    #[inline]
    fn find(&self, key: u64) -> Option<usize> {
        let mut slot = (key as usize) & self.mask;
        loop {
            let v = self.table[slot];
            if v == 0 {
                return None;
            }
            let i = v as usize - 1;
            if self.keys[i] == key {
                return Some(i);
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Scores of every class for a feature vector (`scores` is overwritten).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            if let Some(i) = self.find(f) {
                let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
                for (c, w) in self.classes[a..b].iter().zip(&self.values[a..b]) {
                    scores[*c as usize] += *w;
                }
            }
        }
    }

    /// Weights are stored quantized to 16 bits against one scale: perceptron weights
    /// are sums of small integers divided by the instance count, and 16 bits keep
    /// the argmax unchanged in practice while halving the file.
    pub fn write(&self, w: &mut ByteWriter) {
        w.u32(self.n_classes as u32);
        w.varint(self.keys.len() as u64);
        for &k in &self.keys {
            w.u64(k);
        }
        // Row lengths instead of offsets: small numbers.
        for i in 0..self.keys.len() {
            w.varint((self.starts[i + 1] - self.starts[i]) as u64);
        }
        w.varint(self.values.len() as u64);
        let wide = self.n_classes > 255;
        for &c in &self.classes {
            if wide {
                w.u16(c)
            } else {
                w.u8(c as u8)
            }
        }
        let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        w.f32(scale);
        for &v in &self.values {
            w.i16((v / scale).round() as i16);
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Self, FormatError> {
        let n_classes = r.u32()? as usize;
        let n = r.len_prefix(8)?;
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u64()?);
        }
        if keys.windows(2).any(|p| p[0] >= p[1]) {
            return Err(r.invalid("feature keys out of order"));
        }
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0u32);
        let mut total = 0u64;
        for _ in 0..n {
            total += r.varint()?;
            if total > u32::MAX as u64 {
                return Err(r.invalid("feature rows too long"));
            }
            starts.push(total as u32);
        }
        let m = r.len_prefix(3)?;
        if m as u64 != total {
            return Err(r.invalid("weight count does not match the feature rows"));
        }
        let wide = n_classes > 255;
        let mut classes = Vec::with_capacity(m);
        for _ in 0..m {
            let c = if wide { r.u16()? } else { r.u8()? as u16 };
            if c as usize >= n_classes {
                return Err(r.invalid("class index out of range"));
            }
            classes.push(c);
        }
        let scale = r.f32()?;
        let mut values = Vec::with_capacity(m);
        for _ in 0..m {
            values.push(r.i16()? as f32 * scale);
        }
        Ok(Weights::from_parts(n_classes, keys, starts, classes, values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_survives_serialisation() {
        // Class = which of features 1, 2, 3 is present; feature 9 is noise.
        let data: Vec<(Vec<u64>, usize)> = vec![(vec![1, 9], 0), (vec![2, 9], 1), (vec![3], 2), (vec![1], 0), (vec![2], 1)];
        let mut t = Trainer::new(3);
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, gold) in &data {
                t.score(f, &mut scores);
                let pred = crate::argmax(&scores);
                t.update(f, *gold, pred);
                t.tick();
            }
        }
        let w = t.freeze(0.0);
        for (f, gold) in &data {
            w.score(f, &mut scores);
            assert_eq!(crate::argmax(&scores), *gold);
        }
        let mut bw = ByteWriter::default();
        w.write(&mut bw);
        let bytes = bw.into_inner();
        let back = Weights::read(&mut ByteReader::new(&bytes)).unwrap();
        for (f, gold) in &data {
            back.score(f, &mut scores);
            assert_eq!(crate::argmax(&scores), *gold);
        }
        assert!(Weights::read(&mut ByteReader::new(&bytes[..bytes.len() - 1])).is_err());
    }
}
