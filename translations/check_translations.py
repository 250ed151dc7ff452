#!/usr/bin/env python3
"""Checks the interface's Qt Linguist catalogues (translations/stllava_*.ts): every entry is
translated (no type="unfinished", no empty translation or plural form), keeps the source's
%1..%9 / %n placeholders and, where the source has a keyboard accelerator (&), has one too.
Prints the entries that fail, grouped per file, with context, source and location; exits 1 if any.
    translations/check_translations.py [TRANSLATIONS_DIR]
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")
ACCELERATOR = re.compile(r"&(?!&)\S")


def problems(message):
    """What is wrong with one <message>, as a list of short phrases."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation is None:
        return ["no <translation> element"]
    kind = translation.get("type", "")
    if kind in ("vanished", "obsolete"):
        return []
    out = []
    if kind == "unfinished":
        out.append('type="unfinished"')
    forms = [f.text or "" for f in translation.findall("numerusform")] if message.get("numerus") == "yes" \
        else [translation.text or ""]
    if not forms or any(not f.strip() for f in forms):
        out.append("empty translation")
        return out
    wanted = set(PLACEHOLDER.findall(source))
    for form in forms:
        missing = wanted - set(PLACEHOLDER.findall(form))
        # A singular plural form may spell the number out ("one file"); %n is then optional.
        if message.get("numerus") == "yes" and form is forms[0] and len(forms) > 1:
            missing.discard("%n")
        if missing:
            out.append("placeholder(s) %s missing in %r" % (", ".join(sorted(missing)), form))
        if ACCELERATOR.search(source) and not ACCELERATOR.search(form):
            out.append("keyboard accelerator (&) missing in %r" % form)
    return out


def check(ts):
    root = ET.parse(ts).getroot()
    failures = []
    count = 0
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            count += 1
            found = problems(message)
            if found:
                location = message.find("location")
                where = "%s:%s" % (location.get("filename"), location.get("line")) if location is not None else "?"
                failures.append((name, message.findtext("source") or "", where, found))
    return count, failures


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    files = sorted(folder.glob("stllava_*.ts"))
    if not files:
        print("check_translations: no stllava_*.ts in %s" % folder)
        return 1
    bad = 0
    for ts in files:
        try:
            count, failures = check(ts)
        except ET.ParseError as e:
            print("%s: not a readable .ts file: %s" % (ts, e))
            bad += 1
            continue
        language = ET.parse(ts).getroot().get("language", "?")
        if not failures:
            print("%s (%s): %d entries, all translated" % (ts.name, language, count))
            continue
        bad += len(failures)
        print("%s (%s): %d of %d entries need work:" % (ts.name, language, len(failures), count))
        for context, source, where, found in failures:
            print("  [%s] %r (%s): %s" % (context, source, where, "; ".join(found)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
