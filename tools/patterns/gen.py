#!/usr/bin/env python3
"""Writes dictionaries/verbs.txt, nouns.txt and synsets.txt from the sources in this folder.

    python3 tools/patterns/gen.py          # from the repository root

Sources:
  verbs.in, nouns.in  hand-written patterns, one `code | pattern  # note` a line, in any order;
                      `#` lines are comments of the source only (not copied)
  topics.py           the request/offer/demand/refusal topics, expanded over frames
                      (02 appeals, 03 intents, 10 demands, 12 rejections)
  synsets.py          the word classes
  names.py            short CAMEO names for the block headers

The output is sorted into one block per CAMEO code (in codebook order); inside a block the
hand-written patterns come first, then the generated ones. Edit the sources, not the output.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

from names import NAMES  # noqa: E402
from synsets import SYNSETS  # noqa: E402
import topics as T  # noqa: E402

ORDER = {code: i for i, code in enumerate(NAMES)}


def read_in(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.rstrip("\n")
            if not s.strip() or s.lstrip().startswith("#"):
                continue
            note = ""
            if "#" in s:
                s, note = s.split("#", 1)
                note = note.strip()
            if "|" not in s:
                raise SystemExit(f"{path}:{n}: no `|`")
            code, pat = (x.strip() for x in s.split("|", 1))
            if code not in NAMES:
                raise SystemExit(f"{path}:{n}: unknown code {code}")
            for p in expand(" ".join(pat.split())):
                out.append((code, p, note))
    return out


# Particles that end a multiword alternative of the anchor ("cancel;call off;scrap"):
# a token after the anchor that begins with one continues the alternative before it.
# ("over", "in", "on" are left out: after an anchor they are prepositions its
# alternatives share, "demonstrate;march over &POLICYISSUE".)
ANCHOR_PARTICLES = ("off", "out", "up", "down", "back", "away", "aside")


def anchor_split(pat):
    """Split a pattern whose anchor (first non-slot word) has alternatives into one pattern per
    alternative: a file indexed by anchor lemma reads better one verb a line. An alternative
    may be a phrasal verb ("cancel;postpone;call off;scrap visit"), whose particle the spaces
    of the line put in the next token."""
    words = pat.split()
    for i, w in enumerate(words):
        if w in ("SRC", "TGT"):
            continue
        if ";" in w and not w.startswith("("):
            group, j = w, i
            while j + 1 < len(words) and words[j + 1].split(";")[0] in ANCHOR_PARTICLES:
                group += " " + words[j + 1]
                j += 1
            return [" ".join(words[:i] + [alt] + words[j + 1:]) for alt in group.split(";")]
        return [pat]
    return [pat]


def synset_split(pat):
    """A position that mixes &NAME with other alternatives (`&PRISONER;&REMAINS`) is written
    one alternative a line."""
    words = pat.split()
    for i, w in enumerate(words):
        if ";" in w and "&" in w:
            out = []
            for alt in w.split(";"):
                out += synset_split(" ".join(words[:i] + [alt] + words[i + 1:]))
            return out
    return [pat]


def expand(pat):
    return [q for p in anchor_split(pat) for q in synset_split(p)]


def anchor_of(pat):
    for w in pat.split():
        if w not in ("SRC", "TGT"):
            return w
    return ""


def gen_topics():
    verbs, nouns = [], []

    def code_for(topic, fam, phrase, frame):
        over = phrase["code"]
        key = f"{fam}:{anchor_of(frame)}"
        return over.get(key) or over.get(fam) or topic[fam]

    def emit(dest, topic, fam, frames, phrases, note, only_no_tgt_phrase_in_tgt_frames=True):
        for frame in frames:
            frame_has_tgt = "TGT" in frame
            for ph in phrases:
                if ph["only"] and fam not in ph["only"]:
                    continue
                if frame_has_tgt and "TGT" in ph["text"]:
                    continue
                pat = frame.replace("{x}", ph["text"])
                for p in expand(pat):
                    dest.append((code_for(topic, fam, ph, p), p, note))

    for t in T.TOPICS:
        note = ""
        emit(verbs, t, "appeal", T.APPEAL_VP, t["vp"], note)
        emit(verbs, t, "appeal", T.APPEAL_NP, t["np"], note)
        if t.get("seek"):
            emit(verbs, t, "appeal", T.APPEAL_SEEK, t["np"], note)
        emit(verbs, t, "intent", T.INTENT_VP, t["vp"], note)
        if t.get("np_intent"):
            emit(verbs, t, "intent", T.INTENT_NP, t["np"], note)
        emit(verbs, t, "demand", T.DEMAND_VP, t["vp"], note)
        emit(verbs, t, "demand", T.DEMAND_NP, t["np"], note)
        emit(verbs, t, "reject", T.REJECT_VP, t["vp"], note)
        emit(verbs, t, "reject", T.REJECT_NP_ALWAYS, t["np"], note)
        if t.get("reject_np"):
            emit(verbs, t, "reject", T.REJECT_NP, t["np"], note)

        emit(nouns, t, "appeal", T.NOUN_APPEAL, t["np"], note)
        if t.get("np_intent"):
            emit(nouns, t, "intent", T.NOUN_INTENT_NP, t["np"], note)
        emit(nouns, t, "intent", T.NOUN_INTENT_VP, t["vp"], note)
        emit(nouns, t, "demand", T.NOUN_DEMAND, t["np"], note)
        emit(nouns, t, "reject", T.NOUN_REJECT_VP, t["vp"], note)
        if t.get("reject_np"):
            emit(nouns, t, "reject", T.NOUN_REJECT_NP, t["np"], note)
    return verbs, nouns


def norm(p):
    """Order-insensitive key: anchor, then the other positions sorted, each preposition kept
    with the word it binds to."""
    words = p.split()
    preps = {"to", "with", "on", "upon", "for", "of", "from", "against", "in", "into", "at",
             "by", "between", "and", "about", "over", "as", "toward", "towards", "near",
             "along", "off", "outside", "behind", "alongside", "under", "through", "within",
             "across", "around", "after", "before"}
    anchor = anchor_of(p)
    rest, i, seen_anchor = [], 0, False
    while i < len(words):
        w = words[i]
        if w == anchor and not seen_anchor:
            seen_anchor = True
            i += 1
            continue
        if any(x in preps for x in w.split(";")) and i + 1 < len(words):
            rest.append(w + " " + words[i + 1])
            i += 2
            continue
        rest.append(w)
        i += 1
    return anchor + " | " + " ".join(sorted(rest))


def merge(hand, gen, kind):
    seen = {}
    blocks = {}
    dropped = []
    conflicts = []
    for src, items in (("hand", hand), ("gen", gen)):
        for code, pat, note in items:
            k = norm(pat)
            if k in seen:
                if seen[k][0] != code:
                    if src == "hand":
                        conflicts.append(f"{kind}: `{pat}` is {code} and {seen[k][0]} (`{seen[k][1]}`)")
                    else:
                        dropped.append((code, pat, seen[k]))
                continue
            seen[k] = (code, pat)
            blocks.setdefault(code, []).append((pat, note, src))
    if conflicts:
        raise SystemExit("\n".join(conflicts))
    return blocks, dropped


HEAD = {
    "verbs": """\
# dyad verb patterns: which verbs and phrases code which CAMEO event.
# Format: docs/dictionaries.md (section verbs.txt). One pattern a line: `code | pattern  # note`.
# SRC is the verb's subject (or the by-agent of a passive), TGT its object or the object of the
# preposition written before it. The first word that is not a slot is the verb, as its lemma;
# the other words are matched as lemmas anywhere in the verb's subtree, a preposition bound to
# the word after it. `(word)` is optional, `a;b` either, `&NAME` a class from synsets.txt.
# A pattern that names more words wins over one that names fewer.
#
# Generated by tools/patterns/gen.py from tools/patterns/*.in and topics.py: edit those and
# run `python3 tools/patterns/gen.py`. Blocks follow the CAMEO 1.1b3 codebook order; inside a
# block hand-written patterns come first, then the requests, offers, demands and refusals
# expanded from topics.py. Patterns marked GENERIC are deliberately broad fall-backs.
""",
    "nouns": """\
# dyad noun patterns: nominal events ("talks with", "missile attack on", "release of").
# Format: docs/dictionaries.md (section nouns.txt); the same pattern language as verbs.txt,
# anchored on the head noun, written as its lemma (singular). Words that precede the head in
# text ("missile attack", "prisoner exchange") follow it here, since words after the anchor
# match anywhere in its subtree: `attack &ARTILLERY on TGT` is "a missile attack on TGT".
# SRC before the noun is its modifier or possessor ("a Ukrainian missile attack", "Russia's
# offer"); a nominal event codes when the noun is the object of a reporting or light verb or
# stands in a prepositional phrase that dates or places it.
#
# Generated by tools/patterns/gen.py from tools/patterns/nouns.in and topics.py.
""",
}


def write_patterns(path, kind, blocks):
    lines = [HEAD[kind]]
    n = 0
    for code in sorted(blocks, key=lambda c: ORDER[c]):
        lines.append("")
        lines.append(f"# --- {code} {NAMES[code]} ---")
        for pat, note, src in blocks[code]:
            left = f"{code:<6} | {pat}"
            if note:
                left = f"{left:<64} # {note}" if len(left) < 64 else f"{left}  # {note}"
            lines.append(left)
            n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return n


def write_synsets(path):
    lines = ["""\
# dyad word classes, used in verbs.txt and nouns.txt as &NAME.
# Format: docs/dictionaries.md (section synsets.txt): `&NAME | member ; member ; …`.
# Members are lemmas; a member may be a phrase ("prisoner of war"), matched as a unit.
# Generated by tools/patterns/gen.py from tools/patterns/synsets.py.
"""]
    for name, comment, members in SYNSETS:
        ms = [" ".join(m.split()) for m in members.split(";")]
        ms = [m for m in ms if m]
        if len(ms) != len(set(x.lower() for x in ms)):
            dup = [m for m in ms if [x.lower() for x in ms].count(m.lower()) > 1]
            raise SystemExit(f"&{name}: duplicate members {sorted(set(dup))}")
        lines.append("")
        lines.append(f"# {comment}")
        lines.append(f"&{name:<14} | " + " ; ".join(ms))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(SYNSETS)


def main():
    vh = read_in(os.path.join(HERE, "verbs.in"))
    nh = read_in(os.path.join(HERE, "nouns.in"))
    vg, ng = gen_topics()
    vb, vd = merge(vh, vg, "verbs")
    nb, nd = merge(nh, ng, "nouns")
    d = os.path.join(ROOT, "dictionaries")
    os.makedirs(d, exist_ok=True)
    nv = write_patterns(os.path.join(d, "verbs.txt"), "verbs", vb)
    nn = write_patterns(os.path.join(d, "nouns.txt"), "nouns", nb)
    ns = write_synsets(os.path.join(d, "synsets.txt"))
    for kind, dropped in (("verbs", vd), ("nouns", nd)):
        for code, pat, (c0, p0) in dropped:
            print(f"{kind}: generated `{pat}` {code} dropped: already `{p0}` {c0}", file=sys.stderr)
    print(f"verbs {nv}, nouns {nn}, synsets {ns}")


if __name__ == "__main__":
    main()
