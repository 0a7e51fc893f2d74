//! Consistency checks across entries, for `dyad dict check`: things no single line can
//! show wrong.
//!
//! - the same name (up to spelling variants) naming two actors with different codes at
//!   overlapping dates — the coder could not tell which one a sentence means;
//! - one person holding the same role with different codes over overlapping dates.

use rustc_hash::FxHashMap;

use crate::date::DateRange;
use crate::dictionaries::Dictionaries;
use crate::diag::Origin;
use crate::model::{Actor, ActorCode, ActorId, Fallback};
use crate::variants::{normalize, skeleton};

/// Two entries that contradict each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The line that makes the conflict (the later of the two).
    pub origin: Origin,
    /// The other line.
    pub other: Origin,
    pub message: String,
}

/// Pairwise comparison is quadratic; a name shared by more actors than this (in PETRARCH
/// files, generic names like "MINISTER") is reported once instead.
const MAX_GROUP: usize = 40;

fn coded_ranges(a: &Actor) -> Vec<(&ActorCode, DateRange, Origin)> {
    let mut v: Vec<(&ActorCode, DateRange, Origin)> = a.codes.iter().map(|d| (&d.code, d.dates, d.origin)).collect();
    if let Fallback::Code(c) = &a.fallback {
        v.push((c, DateRange::ALWAYS, a.origin));
    }
    v
}

impl Dictionaries {
    /// Conflicts between entries (see the module documentation), in file order.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        // skeleton → (actor, the alias as written)
        let mut by_name: FxHashMap<String, Vec<(ActorId, &str)>> = FxHashMap::default();
        for (i, a) in self.actors.iter().enumerate() {
            let mut keys: Vec<(String, &str)> =
                a.aliases.iter().map(|s| (skeleton(s), s.as_str())).filter(|k| !k.0.is_empty()).collect();
            keys.sort();
            keys.dedup_by(|x, y| x.0 == y.0);
            for (k, alias) in keys {
                by_name.entry(k).or_default().push((ActorId(i as u32), alias));
            }
        }
        let mut groups: Vec<&Vec<(ActorId, &str)>> = by_name.values().filter(|v| v.len() > 1).collect();
        // One report per pair of actors, however many names they share.
        let mut reported: rustc_hash::FxHashSet<(ActorId, ActorId)> = Default::default();
        groups.sort_by_key(|v| self.actor(v[1].0).origin);
        for ids in groups {
            if ids.len() > MAX_GROUP {
                let a = self.actor(ids[0].0);
                out.push(Conflict {
                    origin: self.actor(ids[1].0).origin,
                    other: a.origin,
                    message: format!("the name {:?} is given to {} actors", ids[0].1, ids.len()),
                });
                continue;
            }
            'pairs: for (x, &(ia, na)) in ids.iter().enumerate() {
                for &(ib, nb) in &ids[x + 1..] {
                    if reported.contains(&(ia.min(ib), ia.max(ib))) {
                        continue;
                    }
                    let (a, b) = (self.actor(ia), self.actor(ib));
                    let names = if normalize(na) == normalize(nb) { format!("{na:?}") } else { format!("{na:?} / {nb:?}") };
                    for (ca, ra, oa) in coded_ranges(a) {
                        for (cb, rb, ob) in coded_ranges(b) {
                            if ca != cb && ra.overlaps_beyond_handover(&rb) {
                                reported.insert((ia.min(ib), ia.max(ib)));
                                out.push(Conflict {
                                    origin: ob,
                                    other: oa,
                                    message: format!(
                                        "the name {names} names {} ({ca}, {ra}) and {} ({cb}, {rb}) at overlapping dates",
                                        a.name, b.name
                                    ),
                                });
                                continue 'pairs;
                            }
                        }
                    }
                }
            }
        }
        for a in &self.actors {
            for (i, x) in a.codes.iter().enumerate() {
                for y in &a.codes[i + 1..] {
                    if x.role.is_some() && x.role == y.role && x.code != y.code && x.dates.overlaps_beyond_handover(&y.dates) {
                        out.push(Conflict {
                            origin: y.origin,
                            other: x.origin,
                            message: format!(
                                "{} holds {} as {} ({}) and as {} ({}) at overlapping dates",
                                a.name,
                                x.role.map(|r| r.as_str()).unwrap_or(""),
                                x.code,
                                x.dates,
                                y.code,
                                y.dates
                            ),
                        });
                    }
                }
            }
        }
        out.sort_by_key(|c| (c.origin, c.other));
        out
    }
}
