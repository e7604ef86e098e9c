#!/usr/bin/env python3
"""After lupdate: give every unfinished message the translation the same English text had
before (in any context), so that moving a text to another context (e.g. into core/domain's
registries) keeps its Chinese. The file is edited as text, so lupdate's formatting stays.

usage: carry_translations.py BEFORE.ts AFTER.ts   (AFTER.ts is rewritten in place)
Prints the texts that are still unfinished.
"""
import html
import re
import sys

MESSAGE = re.compile(r"<message( [^>]*)?>.*?</message>", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
FINISHED = re.compile(r"<translation>(.*?)</translation>", re.S)
UNFINISHED = re.compile(r'<translation type="unfinished"(?: />|>(.*?)</translation>)', re.S)

def messages(text):
    for m in MESSAGE.finditer(text):
        src = SOURCE.search(m.group(0))
        if src:
            yield m, src.group(1)

before = open(sys.argv[1], encoding="utf-8").read()
known = {}
for m, src in messages(before):
    tr = FINISHED.search(m.group(0))
    if tr and tr.group(1):
        known.setdefault(src, tr.group(1))

after = open(sys.argv[2], encoding="utf-8").read()
out, last, missing = [], 0, []
for m, src in messages(after):
    block = m.group(0)
    if UNFINISHED.search(block):
        if src in known:
            block = UNFINISHED.sub(lambda _: "<translation>" + known[src] + "</translation>", block)
        else:
            missing.append(html.unescape(src))
    out.append(after[last:m.start()] + block)
    last = m.end()
out.append(after[last:])
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
for text in missing:
    print("unfinished:", text)
