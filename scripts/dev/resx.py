#!/usr/bin/env python3
"""Writes the .resx files from their .tsv sources: Ukrainian is the neutral language, English the .en file.

Each strings.tsv / Messages.tsv: key<TAB>uk<TAB>en, one string a line. Edit the TSV, run this, commit all.
"""
import pathlib
from xml.sax.saxutils import escape

repo = pathlib.Path(__file__).resolve().parents[2]
SOURCES = [
    (repo / "src/Kreminna1325.Web/Resources/strings.tsv", "SharedResource"),
    (repo / "src/Kreminna1325.Core/Resources/Messages.tsv", "Messages"),
]

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

for tsv, name in SOURCES:
    rows = []
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{tsv.name}: expected key, uk, en: {line!r}")
        rows.append(parts)
    keys = [k for k, _, _ in rows]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise SystemExit(f"{tsv.name}: duplicate keys: {dupes}")
    for suffix, column in (("", 1), (".en", 2)):
        body = "".join(
            f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[column])}</value></data>\n' for r in rows)
        (tsv.parent / f"{name}{suffix}.resx").write_text(HEADER + body + "</root>\n", encoding="utf-8")
    print(f"{tsv.relative_to(repo)}: {len(rows)} strings")
