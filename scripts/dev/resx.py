#!/usr/bin/env python3
"""Writes Resources/SharedResource.resx (Ukrainian, neutral) and SharedResource.en.resx from strings.tsv.

strings.tsv: key<TAB>uk<TAB>en, one string a line. Edit the TSV, run this, commit both.
"""
import pathlib
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parents[2] / "src" / "Kreminna1325.Web" / "Resources"
rows = []
for line in (root / "strings.tsv").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    key, uk, en = line.split("\t")
    rows.append((key, uk, en))

keys = [k for k, _, _ in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes:
    raise SystemExit(f"duplicate keys: {sorted(dupes)}")

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def write(name, column):
    body = "".join(
        f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(v[column])}</value></data>\n'
        for k, *v in rows)
    (root / name).write_text(HEADER + body + "</root>\n", encoding="utf-8")

write("SharedResource.resx", 0)
write("SharedResource.en.resx", 1)
print(f"{len(rows)} strings")
