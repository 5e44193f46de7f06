# Reads an Atom feed from standard input with two standard parsers: Python's XML parser
# (ElementTree: well-formed XML, the Atom namespace, the elements RFC 4287 requires of a feed and
# of each entry) and feedparser (the usual feed reader; `bozo` when it finds the feed broken).
# Prints what a test asserts on as JSON.

import json
import sys
import xml.etree.ElementTree as ET

import feedparser

raw = sys.stdin.buffer.read()
ATOM = "{http://www.w3.org/2005/Atom}"
root = ET.fromstring(raw)
problems = []
if root.tag != f"{ATOM}feed":
    problems.append(f"root is {root.tag}")
for required in ("id", "title", "updated"):
    if root.find(f"{ATOM}{required}") is None:
        problems.append(f"feed without {required}")
if root.find(f"{ATOM}author") is None:
    problems.append("feed without author")
entries = []
for entry in root.findall(f"{ATOM}entry"):
    for required in ("id", "title", "updated"):
        if entry.find(f"{ATOM}{required}") is None:
            problems.append(f"entry without {required}")
    link = entry.find(f"{ATOM}link[@rel='alternate']")
    entries.append(
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "link": link.get("href") if link is not None else None,
            "terms": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
    )
parsed = feedparser.parse(raw)
print(
    json.dumps(
        {
            "problems": problems,
            "entries": entries,
            "feedparser_bozo": bool(parsed.bozo),
            "feedparser_version": parsed.version,
            "feedparser_entries": len(parsed.entries),
        }
    )
)
