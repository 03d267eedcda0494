"""The corpus in data/ as id arrays, and safetensors I/O (numpy only).

Every sequence is MAX_LEN = 50 ids, padded with PAD = 0:

    source        words + EOS            (src_ids)
    target input  BOS + words            (tgt_ids, teacher forcing)
    target output words + EOS            (what position t must predict)

Words missing from the vocabulary become UNK = 3. The corpus keeps at most
48 words a sentence, so every form fits. `safetensors_io` is the repository's
reader/writer (test/golden/safetensors_io.py), loaded by path.
"""

import importlib.util
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(HERE, "data")
PAD, BOS, EOS, UNK = 0, 1, 2, 3
MAX_LEN = 50


def _load_safetensors_io():
    path = os.path.join(HERE, "..", "..", "test", "golden", "safetensors_io.py")
    spec = importlib.util.spec_from_file_location("safetensors_io", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


safetensors_io = _load_safetensors_io()


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def load_vocab(lang, data_dir=DATA_DIR):
    """The word list of `lang` ('en' or 'es'); a word's id is its index."""
    return read_lines(os.path.join(data_dir, f"vocab.{lang}"))


def load_split(split, data_dir=DATA_DIR, limit=None):
    """(English sentences, Spanish sentences) of `split`, the first `limit`."""
    en = read_lines(os.path.join(data_dir, f"{split}.en"))[:limit]
    es = read_lines(os.path.join(data_dir, f"{split}.es"))[:limit]
    if len(en) != len(es):
        raise ValueError(f"{split}: {len(en)} English but {len(es)} Spanish lines")
    return en, es


def encode(sentences, vocab, bos=False, eos=False):
    """int64 [N, MAX_LEN]: each sentence's word ids, optionally after BOS
    and/or followed by EOS, padded with PAD."""
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.full((len(sentences), MAX_LEN), PAD, dtype=np.int64)
    for row, sentence in enumerate(sentences):
        words = [index.get(w, UNK) for w in sentence.split()]
        seq = [BOS] * bos + words + [EOS] * eos
        if not words or len(seq) > MAX_LEN:
            raise ValueError(f"sentence {row} has {len(words)} words: {sentence!r}")
        ids[row, :len(seq)] = seq
    return ids


def encode_pairs(en, es, src_vocab, tgt_vocab):
    """(src_ids, tgt_in, tgt_out) of parallel sentences, each int64 [N, MAX_LEN]."""
    return (encode(en, src_vocab, eos=True), encode(es, tgt_vocab, bos=True),
            encode(es, tgt_vocab, eos=True))


def decode(ids, vocab):
    """Words of one id sequence: BOS and PAD skipped, stops at EOS."""
    words = []
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if i not in (BOS, PAD):
            words.append(vocab[i])
    return words
