//! Feature hashing and the model checksum.
//!
//! Features are never stored as strings: each is a 64-bit hash of a template id and
//! the values it combines. The mixing step is FxHash's (one rotate, xor and multiply),
//! which is enough for perceptron features and keeps feature extraction cheap in the
//! hot loop. `finish` spreads the bits before the value is used as a table key.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Combine a running hash with one more value.
#[inline(always)]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final avalanche (murmur3's fmix64), so that nearby inputs land far apart in
/// open-addressing tables.
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hash of a string's bytes (not its chars: callers normalise first).
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = mix(0x2545_f491_4f6c_dd1d, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    finish(h)
}

/// Checksum of a model payload: 64-bit, word-at-a-time, position-dependent. It is
/// there to catch truncated, corrupted or foreign files, not tampering.
pub fn checksum(b: &[u8]) -> u64 {
    let mut a: u64 = 0x9e37_79b9_7f4a_7c15 ^ b.len() as u64;
    let mut c: u64 = 0x632b_e59b_d9b4_e019;
    let mut chunks = b.chunks_exact(16);
    for ch in &mut chunks {
        let x = u64::from_le_bytes(ch[..8].try_into().unwrap());
        let y = u64::from_le_bytes(ch[8..].try_into().unwrap());
        a = (a ^ x).wrapping_mul(K).rotate_left(29);
        c = (c ^ y).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(31);
    }
    for &byte in chunks.remainder() {
        a = (a ^ byte as u64).wrapping_mul(K);
    }
    finish(a ^ c.rotate_left(17))
}

/// A small deterministic generator (SplitMix64) for shuffling and exploration:
/// training must give the same model for the same seed on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x853c_49e6_748f_ea9b)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `[0, n)`; `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as u128 * n as u128 >> 53) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// A `BuildHasher` for maps keyed by already-hashed `u64`s: no second hashing, and no
/// per-process random state, so iteration order (where it ever matters) is stable.
#[derive(Clone, Copy, Default)]
pub struct IdentityBuild;

#[derive(Default)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

impl std::hash::BuildHasher for IdentityBuild {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// A deterministic hasher for string-keyed maps used while training.
#[derive(Clone, Copy, Default)]
pub struct FxBuild;

#[derive(Default)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        finish(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = mix(self.0, u64::from_le_bytes(c.try_into().unwrap()));
        }
        for &b in chunks.remainder() {
            self.0 = mix(self.0, b as u64);
        }
    }
}

impl std::hash::BuildHasher for FxBuild {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_single_bit_flips() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let base = checksum(&data);
        for pos in [0, 15, 16, 500, 999] {
            let mut d = data.clone();
            d[pos] ^= 1;
            assert_ne!(checksum(&d), base, "flip at {pos}");
        }
        assert_ne!(checksum(&data[..999]), base);
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let mut r = Rng::new(7);
        let b: Vec<u64> = (0..5).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert!((0..1000).all(|_| r.below(3) < 3));
    }
}
