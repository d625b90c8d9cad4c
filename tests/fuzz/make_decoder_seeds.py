#!/usr/bin/env python3
"""Writes the seed corpus of decoders_fuzz (tests/fuzz/corpus/decoders/):
valid encodings of each record the store decodes, in cereal's binary format
(u32 class version, fields little-endian, strings as u64 length + bytes),
behind the selector byte decoders_fuzz.cc reads first. Run from anywhere."""
import os
import struct
import zlib

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "decoders")
os.makedirs(out, exist_ok=True)


def s(text):
    b = text.encode()
    return struct.pack("<Q", len(b)) + b


def entity(id_, name, kind, aliases, country):
    body = struct.pack("<IQ", 1, id_) + s(name) + struct.pack("<B", kind)
    body += struct.pack("<Q", len(aliases)) + b"".join(s(a) for a in aliases) + s(country)
    return body


def evidence(version, doc, trigger, text, date, modality, section, conf, role, date_source):
    body = struct.pack("<IQIII", version, doc, 3, 120, 180) + s(trigger) + s(text)
    body += struct.pack("<IBBf", date, modality, section, conf) + s(role)
    if version >= 2:
        body += struct.pack("<B", date_source)
    return body


def docmeta(version, date_source):
    body = struct.pack("<IQ", version, 0x1234) + s("corpus/a.txt") + s("Title") + s("https://x") + s("id-1")
    body += struct.pack("<IQII", 20200105, 1200, 14, 9)
    if version >= 2:
        body += struct.pack("<B", date_source)
    if version >= 3:
        body += struct.pack("<IQ", 7, 0xFEED)
    return body


def edit(name, kind, country, add, remove):
    body = struct.pack("<I", 1) + struct.pack("<B", name is not None) + s(name or "")
    body += struct.pack("<BB", kind is not None, kind or 0) + struct.pack("<B", country is not None) + s(country or "")
    body += struct.pack("<Q", len(add)) + b"".join(s(a) for a in add)
    body += struct.pack("<Q", len(remove)) + b"".join(s(a) for a in remove)
    return body


def summary(counts, first, last, conf, role):
    return struct.pack("<I5IIIf", 1, *counts, first, last, conf) + s(role)


def text(t):
    b = t.encode()
    return struct.pack(">I", len(b)) + zlib.compress(b)


seeds = {
    "entity-country": (0, entity(1, "Iraq", 0, ["IRQ", "Republic of Iraq"], "IRQ")),
    "entity-group": (0, entity(2, "protesters", 10, [], "")),
    "evidence-v2": (1, evidence(2, 5, "attacked", "Chad attacked Sudan.", 20200105, 0, 0, 0.8, "", 1)),
    "evidence-v1": (1, evidence(1, 5, "said", "Iran said Iraq attacked.", 20200105, 4, 1, 0.5, "", 0)),
    "evidence-role": (1, evidence(2, 9, "minister", "Defence Minister X.", 0, 0, 2, 0.3, "Defence Minister", 0)),
    "docmeta-v3": (2, docmeta(3, 2)),
    "docmeta-v1": (2, docmeta(1, 0)),
    "edit-rename": (3, edit("Republic of Chad", None, None, ["Tchad"], [])),
    "edit-all": (3, edit("X", 1, "USA", ["a", "b"], ["c"])),
    "summary": (4, summary([3, 1, 0, 0, 2], 20200101, 20200301, 0.9, "")),
    "summary-role": (4, summary([1, 0, 0, 0, 0], 0, 0, 0.5, "Defence Minister")),
    "relation-key": (5, struct.pack(">QBQ", 1, 7, 2)),
    "text": (6, text("Chad attacked Sudan on Tuesday, officials said.\n")),
}
for name, (selector, body) in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([selector]) + body)
print(f"wrote {len(seeds)} seeds to {out}")
