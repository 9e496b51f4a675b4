#!/usr/bin/env python3
"""Writes src/Kreminna1325.Core/Communities/katottg-hromadas.tsv from the KATOTTG codifier as JSON.

The codifier is Мінрегіон's КАТОТТГ (наказ від 26.11.2020 № 290, republished as it changes); the
JSON copy used is github.com/suprun/katottg.json, file katottg_normalized_minimal.json
({"valid_on": ..., "admin_units": [{i: code, p: parent, n: name, c: category, l: level}]}).

    python3 scripts/dev/katottg.py path/to/katottg_normalized_minimal.json --commit <that repository's commit>

(the file: https://raw.githubusercontent.com/suprun/katottg.json/<commit>/katottg_normalized_minimal.json).

Written: the first-level units (categories O and K, the oblast column is the unit itself) and every
territorial community (category H) with the first-level unit it lies in, found by walking parents.
The Autonomous Republic of Crimea's 303 H units are left out: they are the councils of before 2014,
which the 2020 reform did not form as communities, so no community can be hosted there; the other
1,469 are Ukraine's territorial communities.
"""
import argparse
import json
import pathlib

CRIMEA = "UA01000000000013043"

parser = argparse.ArgumentParser()
parser.add_argument("json", type=pathlib.Path)
parser.add_argument("--commit", required=True, help="the suprun/katottg.json commit the file comes from")
args = parser.parse_args()

data = json.loads(args.json.read_text(encoding="utf-8"))
units = {u["i"]: u for u in data["admin_units"]}


def first_level(unit):
    while "p" in unit:
        unit = units[unit["p"]]
    return unit


rows = []
for unit in data["admin_units"]:
    if unit["c"] in ("O", "K"):
        rows.append((unit["i"], unit["n"], unit["i"], unit["n"]))
    elif unit["c"] == "H":
        top = first_level(unit)
        if top["i"] != CRIMEA:
            rows.append((unit["i"], unit["n"], top["i"], top["n"]))

for row in rows:
    if any(not field or "\t" in field or "\n" in field for field in row):
        raise SystemExit(f"unexpected field in {row!r}")

repo = pathlib.Path(__file__).resolve().parents[2]
out = repo / "src/Kreminna1325.Core/Communities/katottg-hromadas.tsv"
header = (
    f"# KATOTTG (Мінрегіон, наказ від 26.11.2020 № 290), valid_on {data['valid_on']}: "
    f"github.com/suprun/katottg.json@{args.commit}, katottg_normalized_minimal.json; written by scripts/dev/katottg.py\n"
    "# code\tname\toblast code\toblast name (first-level units O and K, then territorial communities H outside Crimea)\n"
)
rows.sort(key=lambda r: (r[0] != r[2], r[0]))
out.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
hromadas = sum(1 for r in rows if r[0] != r[2])
print(f"{out.relative_to(repo)}: {len(rows) - hromadas} first-level units, {hromadas} communities")
