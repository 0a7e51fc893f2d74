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

    /// Add `delta` to the weights of `class` for every feature (structured updates).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let c = self.c;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            match row.iter_mut().find(|e| e.class as usize == class) {
                Some(e) => {
                    e.w += delta;
                    e.u += c * delta as f64;
                }
                None => row.push(Entry { class: class as u16, w: delta, u: c * delta as f64 }),
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
        let rows = feats
            .into_iter()
            .map(|(k, r)| {
                let mut row: Vec<(u16, f32)> = self.rows[r as usize]
                    .iter()
                    .map(|e| (e.class, (e.w as f64 - e.u / self.c) as f32))
                    .filter(|&(_, w)| w.abs() >= min_abs && w != 0.0)
                    .collect();
                row.sort_unstable_by_key(|&(c, _)| c);
                (k, row)
            })
            .collect();
        Weights::from_float(self.n_classes, rows)
    }
}

/// Frozen weights: what is saved and what predicts.
///
/// Weights are 16-bit integers against one shared scale (the argmax does not care
/// about a common factor), stored with their class in 4 bytes. Feature keys are cut
/// to 32-bit fingerprints (a rare shared fingerprint merges two rows; an unseen
/// feature matching a stored one is as rare, and both only add noise of one
/// feature's size), which shrinks the file by a third. A key's home slot in the
/// open-addressing table grows with the key, so keys read in sorted order fill the
/// table front to back and loading stays fast. Scoring prefetches every slot, then every
/// row, before summing, so the cache misses overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    n_classes: usize,
    /// Size of one quantization step, to compare scores of two weight sets.
    scale: f32,
    table: Vec<Slot>,
    /// (start, length) in `entries` of each long row, by long-row number; the same
    /// number gives the row's dense copy (at `number * width` in `dense`).
    long: Vec<(u32, u32)>,
    /// Number of home slots: a key's home is `key * homes >> 32`, which keeps home
    /// order equal to key order at any table size (here 1.25 slots per feature).
    homes: u64,
    n_features: usize,
    entries: Vec<QEntry>,
    /// Long rows (frequent features such as "stack top is a noun" carry a weight for
    /// most classes) are also kept dense, `width` weights each, so they are added with
    /// vector instructions instead of one scattered add per class.
    dense: Vec<i16>,
    width: usize,
    /// Whether this CPU has AVX2 (checked once, when the weights are built).
    avx2: bool,
}

/// One open-addressing slot: 8 bytes, so that the table (read once per feature
/// lookup, mostly a cache miss) is half the memory it would be with a full
/// (start, length, dense offset) record.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
#[repr(C)]
struct Slot {
    key: u32,
    /// `LONG | n` for the n-th long row (see `Weights::long`), else a short row's
    /// start in `entries` (low 27 bits) and length (high 4 bits, below `DENSE_MIN`).
    row: u32,
}

const LONG: u32 = 1 << 31;
const SHORT_START_BITS: u32 = 27;
const SHORT_START_MASK: u32 = (1 << SHORT_START_BITS) - 1;
/// Rows at least this long are long rows, with a dense copy (fast path).
const DENSE_MIN: u32 = 16;
/// The fast scoring path accumulates in a fixed stack array of this many classes.
const MAX_FAST: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct QEntry {
    class: u16,
    w: i16,
}

#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, even on a bad address, and SSE
    // is part of the x86_64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Most feature vectors are shorter than this; longer ones are scored in chunks.
const CHUNK: usize = 128;

/// The 32-bit fingerprint of a 64-bit feature hash; never 0 (0 marks empty slots).
#[inline(always)]
fn fingerprint(k: u64) -> u32 {
    let f = (k >> 32) as u32;
    if f == 0 {
        1
    } else {
        f
    }
}

impl Weights {
    /// `keys` strictly increasing, `lens[i]` entries per key, in order.
    fn build(n_classes: usize, scale: f32, keys: &[u32], lens: &[u32], entries: Vec<QEntry>) -> Self {
        let n = keys.len();
        let homes = (n + n / 4 + 16) as u64;
        let size = homes as usize;
        // One spare region past the end so probing never wraps: keys are inserted
        // in home-slot order, so the overflow is at most n slots.
        let mut table = vec![Slot::default(); size + n + 1];
        let mut start = 0u32;
        let mut pos = 0usize;
        let width = n_classes.next_multiple_of(8);
        let fast = n_classes <= MAX_FAST;
        let n_long = lens.iter().filter(|&&l| l >= DENSE_MIN).count();
        let mut dense = Vec::with_capacity(if fast { n_long * width } else { 0 });
        let mut long = Vec::with_capacity(n_long);
        for (&key, &len) in keys.iter().zip(lens) {
            let home = ((key as u64 * homes) >> 32) as usize;
            pos = pos.max(home);
            let row = if len >= DENSE_MIN || start > SHORT_START_MASK {
                if fast {
                    let d = dense.len();
                    dense.resize(d + width, 0);
                    for e in &entries[start as usize..(start + len) as usize] {
                        dense[d + e.class as usize] = e.w;
                    }
                }
                long.push((start, len));
                LONG | (long.len() as u32 - 1)
            } else {
                start | (len << SHORT_START_BITS)
            };
            table[pos] = Slot { key, row };
            pos += 1;
            start += len;
        }
        table.truncate(pos.max(size) + 1);
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        Weights { n_classes, scale, table, long, homes, n_features: n, entries, dense, width, avx2 }
    }

    fn from_float(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let max = rows.iter().flat_map(|r| r.1.iter()).fold(0f32, |m, e| m.max(e.1.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = rows.into_iter().map(|(k, r)| (fingerprint(k), r)).collect();
        rows.sort_by_key(|r| r.0);
        let (mut keys, mut lens, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        let mut i = 0;
        while i < rows.len() {
            // Merge rows whose fingerprints collide.
            let key = rows[i].0;
            let mut merged: Vec<(u16, f32)> = Vec::new();
            while i < rows.len() && rows[i].0 == key {
                for &(c, w) in &rows[i].1 {
                    match merged.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 += w,
                        None => merged.push((c, w)),
                    }
                }
                i += 1;
            }
            merged.sort_by_key(|e| e.0);
            let q: Vec<QEntry> =
                merged.into_iter().map(|(c, w)| QEntry { class: c, w: (w / scale).round().clamp(-32767.0, 32767.0) as i16 }).filter(|e| e.w != 0).collect();
            if !q.is_empty() {
                keys.push(key);
                lens.push(q.len() as u32);
                entries.extend(q);
            }
        }
        Weights::build(n_classes, scale, &keys, &lens, entries)
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    #[inline(always)]
    fn find(&self, key: u32) -> Option<&Slot> {
        let mut slot = ((key as u64 * self.homes) >> 32) as usize;
        loop {
            let s = self.table.get(slot)?;
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            slot += 1;
        }
    }

    /// Scores of every class for a feature vector (`scores` is overwritten). Scores
    /// are in units of the quantization step: comparable with each other, not with
    /// another model's.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_inner(feats, scores, true, &[], &[])
    }

    /// [`Weights::score`] for features whose slots were already passed to
    /// [`Weights::prefetch`]: asking again only clogs the memory queue.
    #[inline]
    pub fn score_prefetched(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_inner(feats, scores, false, &[], &[])
    }

    /// Length of a partial sum (see [`Weights::partial`]): the class count rounded
    /// up to a multiple of 8, or 0 when this weight set has too many classes for
    /// partial sums.
    pub fn partial_width(&self) -> usize {
        if self.n_classes <= MAX_FAST {
            self.width
        } else {
            0
        }
    }

    /// The summed weights of `feats`, per class, exactly as [`Weights::score`] would
    /// add them (`out` has [`Weights::partial_width`] entries and is overwritten).
    /// Integer sums, so a score assembled from partial sums of any split of a feature
    /// vector is the score of the whole vector, to the bit.
    pub fn partial(&self, feats: &[u64], out: &mut [i32]) {
        let width = self.width;
        let mut acc = [0i32; MAX_FAST];
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is set only when the CPU reported AVX2 at load time.
            unsafe { self.accumulate_avx2(feats, &mut acc, true) };
            out[..width].copy_from_slice(&acc[..width]);
            return;
        }
        self.accumulate(feats, &mut acc, true);
        out[..width].copy_from_slice(&acc[..width]);
    }

    /// [`Weights::score_prefetched`] of `feats` plus two partial sums of other
    /// features of the same vector.
    #[inline]
    pub fn score_prefetched_with(&self, a: &[i32], b: &[i32], feats: &[u64], scores: &mut [f32]) {
        self.score_inner(feats, scores, false, a, b)
    }

    #[inline(always)]
    fn score_inner(&self, feats: &[u64], scores: &mut [f32], fetch_slots: bool, a: &[i32], b: &[i32]) {
        if self.n_classes > MAX_FAST {
            return self.score_slow(feats, scores);
        }
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is set only when the CPU reported AVX2 at load time.
            return unsafe { self.score_avx2(feats, scores, fetch_slots, a, b) };
        }
        self.score_body(feats, scores, fetch_slots, a, b)
    }

    /// The same loop compiled for AVX2: the dense-row adds are twice as wide.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [f32], fetch_slots: bool, a: &[i32], b: &[i32]) {
        self.score_body(feats, scores, fetch_slots, a, b)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn accumulate_avx2(&self, feats: &[u64], acc: &mut [i32; MAX_FAST], fetch_slots: bool) {
        self.accumulate(feats, acc, fetch_slots)
    }

    #[inline(always)]
    fn score_body(&self, feats: &[u64], scores: &mut [f32], fetch_slots: bool, a: &[i32], b: &[i32]) {
        let mut acc = [0i32; MAX_FAST];
        let width = self.width;
        if a.len() == width && b.len() == width {
            for ((x, &y), &z) in acc[..width].iter_mut().zip(a).zip(b) {
                *x = y + z;
            }
        }
        self.accumulate(feats, &mut acc, fetch_slots);
        for (s, &a) in scores.iter_mut().zip(&acc[..self.n_classes]) {
            *s = a as f32;
        }
    }

    #[inline(always)]
    fn accumulate(&self, feats: &[u64], acc: &mut [i32; MAX_FAST], fetch_slots: bool) {
        let width = self.width;
        for chunk in feats.chunks(CHUNK) {
            if fetch_slots {
                for &f in chunk {
                    prefetch(self.table.as_ptr().wrapping_add(((fingerprint(f) as u64 * self.homes) >> 32) as usize));
                }
            }
            let mut rows = [0u32; CHUNK];
            let mut n = 0;
            for &f in chunk {
                if let Some(s) = self.find(fingerprint(f)) {
                    if s.row & LONG != 0 {
                        prefetch(self.dense.as_ptr().wrapping_add((s.row & !LONG) as usize * width));
                    } else {
                        prefetch(self.entries.as_ptr().wrapping_add((s.row & SHORT_START_MASK) as usize));
                    }
                    rows[n] = s.row;
                    n += 1;
                }
            }
            for &r in &rows[..n] {
                if r & LONG != 0 {
                    let d = (r & !LONG) as usize * width;
                    let row = &self.dense[d..d + width];
                    for (a, &w) in acc[..width].iter_mut().zip(row) {
                        *a += w as i32;
                    }
                } else {
                    let start = (r & SHORT_START_MASK) as usize;
                    let len = (r >> SHORT_START_BITS) as usize;
                    for e in &self.entries[start..start + len] {
                        acc[(e.class as usize) & (MAX_FAST - 1)] += e.w as i32;
                    }
                }
            }
        }
    }

    /// Start loading the table slots of `feats` into cache.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            prefetch(self.table.as_ptr().wrapping_add(((fingerprint(f) as u64 * self.homes) >> 32) as usize));
        }
    }

    fn score_slow(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            if let Some(s) = self.find(fingerprint(f)) {
                for e in self.row_entries(s.row) {
                    scores[e.class as usize] += e.w as f32;
                }
            }
        }
    }

    /// The (class, weight) list of a slot's row.
    fn row_entries(&self, row: u32) -> &[QEntry] {
        let (start, len) = if row & LONG != 0 {
            self.long[(row & !LONG) as usize]
        } else {
            (row & SHORT_START_MASK, row >> SHORT_START_BITS)
        };
        &self.entries[start as usize..(start + len) as usize]
    }

    fn rows(&self) -> impl Iterator<Item = (u32, &[QEntry])> {
        self.table.iter().filter(|s| s.key != 0).map(|s| (s.key, self.row_entries(s.row)))
    }

    /// Drop weights whose magnitude is below `min` quantization steps.
    pub fn prune(&self, min: i16) -> Weights {
        let (mut keys, mut lens, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        for (key, row) in self.rows() {
            let before = entries.len();
            entries.extend(row.iter().filter(|e| e.w.unsigned_abs() >= min as u16));
            if entries.len() > before {
                keys.push(key);
                lens.push((entries.len() - before) as u32);
            }
        }
        Weights::build(self.n_classes, self.scale, &keys, &lens, entries)
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.varint(self.n_features as u64);
        let mut prev = 0u32;
        // Table order is key order (see `build`), so deltas are small and positive.
        for (key, row) in self.rows() {
            w.varint((key - prev) as u64);
            prev = key;
            w.varint(row.len() as u64);
        }
        let wide = self.n_classes > 255;
        for (_, row) in self.rows() {
            for e in row {
                if wide {
                    w.u16(e.class)
                } else {
                    w.u8(e.class as u8)
                }
                w.i16(e.w);
            }
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Self, FormatError> {
        let n_classes = r.u32()? as usize;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(r.invalid("bad class count"));
        }
        let scale = r.f32()?;
        if scale <= 0.0 {
            return Err(r.invalid("bad weight scale"));
        }
        let n = r.len_prefix(2)?;
        let (mut keys, mut lens) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut key = 0u64;
        let mut total = 0u64;
        for _ in 0..n {
            let d = r.varint()?;
            key += d;
            if d == 0 || key > u32::MAX as u64 {
                return Err(r.invalid("feature keys out of order"));
            }
            let len = r.varint()?;
            if len == 0 || len > n_classes as u64 {
                return Err(r.invalid("bad feature row length"));
            }
            keys.push(key as u32);
            lens.push(len as u32);
            total += len;
        }
        let wide = n_classes > 255;
        let per = if wide { 4 } else { 3 };
        if total.saturating_mul(per) > r.remaining() as u64 {
            return Err(r.invalid("weight rows longer than the data"));
        }
        let block = r.take(total as usize * per as usize)?;
        let mut entries = Vec::with_capacity(total as usize);
        let mut bad = false;
        if wide {
            entries.extend(block.chunks_exact(4).map(|b| {
                let c = u16::from_le_bytes([b[0], b[1]]);
                bad |= c as usize >= n_classes;
                QEntry { class: c, w: i16::from_le_bytes([b[2], b[3]]) }
            }));
        } else {
            entries.extend(block.chunks_exact(3).map(|b| {
                bad |= b[0] as usize >= n_classes;
                QEntry { class: b[0] as u16, w: i16::from_le_bytes([b[1], b[2]]) }
            }));
        }
        if bad {
            return Err(r.invalid("class index out of range"));
        }
        Ok(Weights::build(n_classes, scale, &keys, &lens, entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_survives_serialisation() {
        // Class = which of features 1, 2, 3 is present; feature 9 is noise.
        let h = crate::hash::finish;
        let data: Vec<(Vec<u64>, usize)> =
            vec![(vec![h(1), h(9)], 0), (vec![h(2), h(9)], 1), (vec![h(3)], 2), (vec![h(1)], 0), (vec![h(2)], 1)];
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
