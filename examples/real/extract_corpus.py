#!/usr/bin/python3
"""Builds the English->Spanish corpus and vocabularies from gettext catalogs.

Reads every Spanish message catalog installed on this machine
(/usr/share/locale/es/LC_MESSAGES/*.mo, in file-name order), turns each
msgid/msgstr pair into a pair of tokenised, lowercased sentences and writes

    data/{train,valid,test}.{en,es}   one sentence a line, tokens split by ' '
    data/vocab.{en,es}                one word a line, line number = id
    data/SOURCES.txt                  pairs contributed by each catalog

This is only for regenerating the committed data: the installed catalogs
differ between machines, so everything else reads the files above.

Per entry: the header (empty msgid) is skipped; plural entries give the
singular msgid with msgstr[0]; a message context (`ctxt\\x04msgid`) is dropped;
empty translations are skipped (msgfmt already leaves out fuzzy ones). Then:
accelerator markers are removed (`_File`, `Ay_uda`, `&Open`), multi-line
messages are split into lines when both sides have the same number of lines
(dropped otherwise), whitespace is collapsed, each line is tokenised (words
incl. accented letters and digits, printf placeholders such as %s, %lu, %1$s
as one token, any other non-space character as a token) and lowercased
(placeholders keep their case). A pair is kept when both sides have 1..48
tokens, both contain a letter outside placeholders and they differ. Pairs are
deduplicated on the source (first one wins) and split by the md5 of the
source: 5% test, 5% valid, the rest train. The train text is capped at
--max-train-bytes (4 MB; the current catalogs stay below it) by keeping the
pairs with the smallest md5.

Vocabularies come from the train split only: 0 <pad>, 1 <bos>, 2 <eos>,
3 <unk>, then words seen at least twice by decreasing count (ties by word),
at most 8000 entries in all.

Usage: /usr/bin/python3 examples/real/extract_corpus.py [--catalogs DIR] [--out DIR]
"""

import argparse
import collections
import glob
import hashlib
import os
import re
import struct
import sys
import unicodedata

MAX_TOKENS = 48           # BOS/EOS + 48 words fit the model's 50 positions
SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]
VOCAB_MIN_COUNT = 2
VOCAB_MAX_SIZE = 8000

# printf conversions (%s, %-10s, %1$s, %lu, %.*s, %%), glibc's %m, binutils'
# %pA/%pB and %B/%P/%V..., gettext's system-dependent %<PRIu64>, Python's
# %(name)s. No space flag: "50% done".
PLACEHOLDER = (r"%p[A-Z]"
               r"|%(?:\d+\$)?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
               r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcCsSpnm%]"
               r"|%[A-Z]|%<\w+>|%\(\w+\)l{0,2}[a-zA-Z]")
TOKEN_RE = re.compile(rf"{PLACEHOLDER}|\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
PLACEHOLDER_RE = re.compile(rf"(?:{PLACEHOLDER})\Z")
# An accelerator marker: '_' or '&' directly before a letter.
ACCEL_RE = re.compile(r"[_&](?=[^\W\d_])")
MARKED_WORD_RE = re.compile(r"[\w&]+")


def read_mo(path):
    """Yields (msgid, msgstr) of a GNU .mo file in file order (sorted msgids)."""
    with open(path, "rb") as f:
        data = f.read()
    order = {b"\xde\x12\x04\x95": "<", b"\x95\x04\x12\xde": ">"}.get(data[:4])
    if order is None:
        raise ValueError(f"{path}: not a .mo file")
    _, count, ids_at, strs_at = struct.unpack(order + "4I", data[4:20])

    def string(table, i):
        length, offset = struct.unpack(order + "2I", data[table + 8 * i:table + 8 * i + 8])
        return data[offset:offset + length]

    entries = [(string(ids_at, i), string(strs_at, i)) for i in range(count)]
    header = dict(entries).get(b"", b"").decode("ascii", "replace")
    charset = re.search(r"charset=([-\w]+)", header)
    charset = charset.group(1) if charset else "utf-8"
    for msgid, msgstr in entries:
        msgid, msgstr = msgid.decode(charset), msgstr.decode(charset)
        msgid = msgid.split("\x04", 1)[-1]       # message context
        yield msgid.split("\x00")[0], msgstr.split("\x00")[0]  # singular, msgstr[0]


def strip_accelerators(text, other):
    """Removes the accelerator marker of `text` if it has exactly one and the
    word holding it does not occur in `other` (so LC_ALL, foo_bar, a&b kept
    verbatim in the translation are left alone)."""
    marks = list(ACCEL_RE.finditer(text))
    if len(marks) != 1:
        return text
    at = marks[0].start()
    word = next(m.group() for m in MARKED_WORD_RE.finditer(text) if m.start() <= at < m.end())
    return text if word in other else text[:at] + text[at + 1:]


def tokenise(line):
    """Tokens of one line: placeholders keep their case, the rest is lowercased."""
    return [t if PLACEHOLDER_RE.match(t) else t.lower() for t in TOKEN_RE.findall(line)]


def has_letter(tokens):
    return any(not PLACEHOLDER_RE.match(t) and any(c.isalpha() for c in t) for t in tokens)


def entry_pairs(msgid, msgstr):
    """The kept (source tokens, target tokens) pairs of one catalog entry."""
    if not msgid or not msgstr:
        return []
    src = unicodedata.normalize("NFC", msgid)
    tgt = unicodedata.normalize("NFC", msgstr)
    src, tgt = strip_accelerators(src, tgt), strip_accelerators(tgt, src)
    src_lines, tgt_lines = src.strip().split("\n"), tgt.strip().split("\n")
    if len(src_lines) != len(tgt_lines):
        return []
    pairs = []
    for s, t in zip(src_lines, tgt_lines):
        s, t = tokenise(s), tokenise(t)
        if (1 <= len(s) <= MAX_TOKENS and 1 <= len(t) <= MAX_TOKENS
                and has_letter(s) and has_letter(t) and s != t):
            pairs.append((" ".join(s), " ".join(t)))
    return pairs


def split_of(source):
    """'test', 'valid' or 'train', from the md5 of the source sentence."""
    bucket = int(hashlib.md5(source.encode("utf-8")).hexdigest(), 16) % 100
    return "test" if bucket < 5 else "valid" if bucket < 10 else "train"


def make_vocab(sentences):
    """Word list (id = index) of the tokenised `sentences`."""
    counts = collections.Counter(w for s in sentences for w in s.split())
    words = sorted((w for w, c in counts.items() if c >= VOCAB_MIN_COUNT),
                   key=lambda w: (-counts[w], w))
    return SPECIALS + words[:VOCAB_MAX_SIZE - len(SPECIALS)]


def cap_train(pairs, max_bytes):
    """At most `max_bytes` of UTF-8 train text (both sides, with newlines):
    the pairs with the smallest md5 of the source, in the original order."""
    sizes = [len(s.encode("utf-8")) + len(t.encode("utf-8")) + 2 for s, t in pairs]
    if sum(sizes) <= max_bytes:
        return pairs
    ranked = sorted(range(len(pairs)),
                    key=lambda i: hashlib.md5(pairs[i][0].encode("utf-8")).hexdigest())
    kept, total = set(), 0
    for i in ranked:
        total += sizes[i]
        if total > max_bytes:
            break
        kept.add(i)
    return [p for i, p in enumerate(pairs) if i in kept]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalogs", default="/usr/share/locale/es/LC_MESSAGES")
    ap.add_argument("--out", default=os.path.join(here, "data"))
    ap.add_argument("--max-train-bytes", type=int, default=4_000_000)
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.catalogs, "*.mo")))
    if not files:
        sys.exit(f"no .mo files in {args.catalogs}")
    seen, splits, contributed = set(), {"train": [], "valid": [], "test": []}, []
    for path in files:
        n = 0
        for msgid, msgstr in read_mo(path):
            for src, tgt in entry_pairs(msgid, msgstr):
                if src not in seen:
                    seen.add(src)
                    splits[split_of(src)].append((src, tgt))
                    n += 1
        contributed.append((os.path.basename(path), n))
    splits["train"] = cap_train(splits["train"], args.max_train_bytes)

    os.makedirs(args.out, exist_ok=True)
    for name, pairs in splits.items():
        for side, lang in ((0, "en"), (1, "es")):
            with open(os.path.join(args.out, f"{name}.{lang}"), "w", encoding="utf-8") as f:
                f.writelines(p[side] + "\n" for p in pairs)
        print(f"{name}: {len(pairs)} pairs")
    for side, lang in ((0, "en"), (1, "es")):
        vocab = make_vocab(p[side] for p in splits["train"])
        with open(os.path.join(args.out, f"vocab.{lang}"), "w", encoding="utf-8") as f:
            f.writelines(w + "\n" for w in vocab)
        print(f"vocab.{lang}: {len(vocab)} words")
    with open(os.path.join(args.out, "SOURCES.txt"), "w", encoding="utf-8") as f:
        f.write(f"# pairs (after filtering and deduplication) per catalog in "
                f"{args.catalogs}, before the train cap\n")
        f.writelines(f"{name} {n}\n" for name, n in contributed)


if __name__ == "__main__":
    main()
