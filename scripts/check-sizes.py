#!/usr/bin/env python3
"""Reports C++ files and function bodies that are too long.

Scans lib/, runtime/, include/ and tools/ (or the paths given) for
.cpp and .h files (and .td files, for their length only) and prints one
line per file over --max-file-lines and per function body over
--max-function-lines:

    path: file is N lines (max M)
    path:line: function NAME is N lines (max M)

A function's length counts the lines from its opening brace to its closing
brace, both included; `line` is where its name stands. Exit status: 1 if
anything is over (an --allow'ed function aside), else 0.

Functions are found with a brace-matching heuristic, not a C++ parser:
comments, string, character and raw string literals and preprocessor lines
are blanked first; the bodies of namespaces, extern "C" blocks, classes,
structs, unions and enums are containers whose members are looked at in turn;
any other brace at container level opens a function if what precedes it ends
like a declarator (`... name(params) const {`, a constructor's initializer
list, a trailing return type) and is skipped otherwise (initializers such as
`x = {...}`). Everything inside a function (lambdas, local classes, blocks)
counts as part of it. Members are named Class::member.

Usage: scripts/check-sizes.py [--max-file-lines N] [--max-function-lines N]
           [--allow FILE:FUNCTION ...] [--root DIR] [--self-test] [PATH ...]
"""

import argparse
import os
import re
import sys

DEFAULT_DIRS = ["lib", "runtime", "include", "tools"]
EXTENSIONS = (".cpp", ".h", ".td")  # .td (ODS): file length only

# Justified exceptions, always allowed (--allow adds more):
#   buildLsra: the LSRA algorithm reads best as one function (allowed by the
#   issue that set these limits).
DEFAULT_ALLOW = ["lib/Lowering/Lsra.cpp:buildLsra"]

IDENT = re.compile(r"\w")
NOT_NAMES = {"if", "for", "while", "switch", "catch", "return", "sizeof",
             "alignof", "decltype", "noexcept", "static_assert", "do", "else"}


# ----------------------------------------------------------------------------
# Blanking: comments, literals and preprocessor lines become spaces.
# ----------------------------------------------------------------------------

def _blank_span(out, text, begin, end):
    """Replaces text[begin:end] in `out` by spaces, newlines kept."""
    for k in range(begin, end):
        if text[k] != "\n":
            out[k] = " "


def _raw_string_start(text, i):
    """The length of the raw string prefix ending before the quote at i
    (R, u8R, uR, UR, LR), or 0."""
    for prefix in ("u8R", "uR", "UR", "LR", "R"):
        start = i - len(prefix)
        if start >= 0 and text[start:i] == prefix and (
                start == 0 or not IDENT.match(text[start - 1])):
            return len(prefix)
    return 0


def blank(text):
    """`text` with the same length and line breaks, where comments, the
    insides of string and character literals and preprocessor directives are
    spaces (a literal keeps its quotes)."""
    out = list(text)
    n = len(text)
    i = 0
    line_start = True  # only whitespace so far on this line
    while i < n:
        c = text[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n and text[j + 1] == "\n":
                    j += 2
                    continue
                j += 1
            _blank_span(out, text, i, j)
            i = j
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            _blank_span(out, text, i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            _blank_span(out, text, i, j)
            i = j
        elif c == '"' and _raw_string_start(text, i):
            paren = text.find("(", i + 1)
            delim = text[i + 1:paren] if paren >= 0 else ""
            end = text.find(")" + delim + '"', max(paren, i))
            j = n if paren < 0 or end < 0 else end + len(delim) + 2
            _blank_span(out, text, i + 1, j - 1)
            i = j
        elif c == '"' or (c == "'" and not _is_digit_separator(text, i)):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            _blank_span(out, text, i + 1, min(j, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def _is_digit_separator(text, i):
    """Whether the ' at i separates digits (1'000) rather than opening a
    character literal."""
    j = i
    while j > 0 and (IDENT.match(text[j - 1]) or text[j - 1] == "'"):
        j -= 1
    return j < i and text[j].isdigit()


# ----------------------------------------------------------------------------
# Classifying what precedes a brace at container level.
# ----------------------------------------------------------------------------

def _match(text, pos, open_ch="(", close_ch=")"):
    """The index of the bracket matching the one at `pos`: forwards from an
    opening one, backwards from a closing one; -1 if there is none."""
    step = 1 if text[pos] == open_ch else -1
    depth = 0
    k = pos
    while 0 <= k < len(text):
        if text[k] == open_ch:
            depth += step
        elif text[k] == close_ch:
            depth -= step
        if depth == 0:
            return k
        k += step
    return -1


def _top_level(text):
    """Yields (index, char) of the characters outside (), [] and {}."""
    depth = 0
    for k, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0:
            yield k, ch


SPACES = re.compile(r"\s*")
ACCESS = re.compile(r"(public|private|protected)\s*:(?!:)")
TEMPLATE = re.compile(r"template\s*<")


def _skip_prefixes(head):
    """The offset in `head` after leading access specifiers, template
    parameter lists and attributes."""
    pos = 0
    while True:
        pos = SPACES.match(head, pos).end()
        m = ACCESS.match(head, pos)
        if m:
            pos = m.end()
            continue
        m = TEMPLATE.match(head, pos)
        if m:
            close = _match(head, m.end() - 1, "<", ">")
            if close < 0:
                return pos
            pos = close + 1
            continue
        if head.startswith("[[", pos):
            close = head.find("]]", pos)
            if close < 0:
                return pos
            pos = close + 2
            continue
        return pos


def _ctor_init_colon(head):
    """The index of the ':' that starts a constructor's initializer list."""
    for k, ch in _top_level(head):
        if ch != ":" or head[k - 1:k] == ":" or head[k + 1:k + 2] == ":":
            continue
        before = head[:k].rstrip()
        if before.endswith(")") or re.search(r"\bnoexcept$", before):
            return k
    return -1


def _top_level_assign(head):
    """The index of a top-level '=' (an initializer), or -1."""
    for k, ch in _top_level(head):
        if ch != "=" or head[k + 1:k + 2] == "=":
            continue
        if head[k - 1:k] in ("=", "!", "<", ">"):
            continue
        if re.search(r"\boperator\s*[^\w\s]*$", head[:k]):
            continue
        return k
    return -1


def _strip_trailers(h):
    """`h` without what may follow a parameter list: cv- and ref-qualifiers,
    override, final, noexcept(...), a trailing return type."""
    while True:
        h = h.rstrip()
        m = re.search(r"(\b(const|volatile|override|final|mutable|noexcept|try)"
                      r"|&&|&)$", h)
        if m:
            h = h[:m.start()]
            continue
        arrow = -1
        for k, ch in _top_level(h):
            if ch == "-" and h[k + 1:k + 2] == ">":
                arrow = k
        if arrow >= 0 and h[:arrow].rstrip().endswith(
                (")", "const", "noexcept", "&", "mutable")):
            h = h[:arrow]
            continue
        if h.endswith(")"):
            open_pos = _match(h, len(h) - 1)
            if open_pos > 0 and re.search(r"\b(noexcept|__attribute__|alignas)\s*$",
                                          h[:open_pos]):
                h = h[:open_pos]
                h = re.sub(r"\b(noexcept|__attribute__|alignas)\s*$", "", h)
                continue
        return h


NAME_AT_END = re.compile(
    r"((?:~?\w+(?:<[^<>()]*>)?\s*::\s*)*"
    r"(?:operator\s*(?:\(\s*\)|\[\s*\]|\"\s*\"\s*\w+|new(?:\s*\[\s*\])?"
    r"|delete(?:\s*\[\s*\])?|[^\w\s()]+|\w[\w\s:*&<>]*?)"
    r"|~?\w+(?:<[^<>()]*>)?))\s*$")


def classify(head):
    """What a '{' at container level opens, from the text before it:
    ("container", name) for namespaces, extern "C", classes, structs, unions
    and enums; ("function", name, offset of the name in head); ("other",
    None)."""
    start = _skip_prefixes(head)
    h = head[start:]
    if re.search(r"\bnamespace\b[\w:\s]*$", h):
        return ("container", None)
    if re.search(r"\bextern\s*\"\s*\"\s*$", h):
        return ("container", None)
    keys = list(re.finditer(r"\b(class|struct|union|enum)\b", h))
    if keys:
        tail = re.sub(r"__attribute__\s*\(\(.*?\)\)|alignas\s*\(.*?\)|\[\[.*?\]\]",
                      "", h[keys[-1].end():], flags=re.S)
        if not re.search(r"[()=]", tail):
            m = re.match(r"\s*(?:class\s+)?(\w+)", tail)
            return ("container", m.group(1) if m else None)
    assign = _top_level_assign(h)
    if assign >= 0:
        if h[assign + 1:].lstrip().startswith("["):  # a lambda
            m = re.search(r"(\w+)\s*$", h[:assign])
            if m:
                return ("function", m.group(1), start + m.start(1))
        return ("other", None)
    colon = _ctor_init_colon(h)
    if colon >= 0:
        h = h[:colon]
    h = _strip_trailers(h)
    if not h.endswith(")"):
        return ("other", None)
    open_pos = _match(h, len(h) - 1)
    if open_pos < 0:
        return ("other", None)
    m = NAME_AT_END.search(h[:open_pos])
    if not m:
        return ("other", None)
    name = re.sub(r"\s*::\s*", "::", re.sub(r"\s+", " ", m.group(1)))
    name = re.sub(r"operator (?=[^\w\s])", "operator", name)
    if name in NOT_NAMES:
        return ("other", None)
    return ("function", name, start + m.start(1))


def _is_init_brace(text, head, brace):
    """Whether the '{' at `brace` initializes a member in a constructor's
    initializer list (`: a_{1}, b_(2) {`) rather than opening the body."""
    if _ctor_init_colon(head[_skip_prefixes(head):]) < 0:
        return False
    before = head.rstrip()
    if not before or not (IDENT.match(before[-1]) or before[-1] == ">"):
        return False
    close = _match(text, brace, "{", "}")
    if close < 0:
        return False
    after = text[close + 1:].lstrip()
    return after.startswith((",", "{"))


# ----------------------------------------------------------------------------
# Scanning a file.
# ----------------------------------------------------------------------------

def find_functions(text):
    """Returns [(name, line of the name, body lines)] for every function
    defined in C++ source `text`."""
    code = blank(text)
    line_of = _line_index(code)
    functions = []
    stack = []  # (kind, name or None, brace pos, name pos)
    head_start = 0
    i = 0
    n = len(code)
    while i < n:
        c = code[i]
        at_container = not stack or stack[-1][0] == "container"
        if c == "{":
            if at_container:
                head = code[head_start:i]
                if _is_init_brace(code, head, i):
                    i = _match(code, i, "{", "}") + 1
                    continue
                kind = classify(head)
                if kind[0] == "function":
                    stack.append(("function", kind[1], i, head_start + kind[2]))
                else:
                    stack.append((kind[0], kind[1], i, None))
            else:
                stack.append(("nested", None, i, None))
            head_start = i + 1
        elif c == "}":
            if stack:
                kind, name, brace, name_pos = stack.pop()
                if kind == "function":
                    classes = [s[1] for s in stack
                               if s[0] == "container" and s[1]]
                    qualified = "::".join(classes + [name])
                    functions.append((qualified, line_of(name_pos),
                                      line_of(i) - line_of(brace) + 1))
            head_start = i + 1
        elif c == ";" and at_container:
            head_start = i + 1
        i += 1
    return functions


def _line_index(text):
    starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]

    def line_of(pos):
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1
    return line_of


def count_lines(text):
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def is_allowed(path, name, allow):
    for entry in allow:
        file_part, _, func = entry.partition(":")
        if file_part == path and (name == func or name.endswith("::" + func)):
            return entry
    return None


def check_text(path, text, max_file, max_func, allow, used=None):
    """The violation lines for one file's text."""
    problems = []
    lines = count_lines(text)
    if lines > max_file:
        problems.append("%s: file is %d lines (max %d)" % (path, lines, max_file))
    for name, line, length in ([] if path.endswith(".td") else find_functions(text)):
        if length <= max_func:
            continue
        entry = is_allowed(path, name, allow)
        if entry:
            if used is not None:
                used.add(entry)
            continue
        problems.append("%s:%d: function %s is %d lines (max %d)"
                        % (path, line, name, length, max_func))
    return problems


def source_files(root, paths):
    for top in paths:
        full = os.path.join(root, top)
        if os.path.isfile(full):
            yield os.path.relpath(full, root)
            continue
        for dirpath, dirnames, filenames in os.walk(full):
            dirnames.sort()
            for f in sorted(filenames):
                if f.endswith(EXTENSIONS):
                    yield os.path.relpath(os.path.join(dirpath, f), root)


# ----------------------------------------------------------------------------
# Self-test.
# ----------------------------------------------------------------------------

SAMPLE = r'''// Braces in comments { { { do not count.
#define WRAP(x) do { x; } while (0)
#include <string>

namespace sample {
namespace {

const char *kText = "a string with { braces";
const char kOpen = '{';
const char *kRaw = R"x(raw { string } with " quotes)x";
const int kTable[] = {1, 2, 3};
int kMillion = 1'000'000;

int shortFunction(int x) {
  return x + kOpen; // }
}

} // namespace

struct Point {
  int x = 0, y{0};
  Point() : x(1), y{2} {}
  int sum() const { return x + y; }
  /* } */
  void move(int dx) {
    x += dx;
    y += '}';
  }
  enum class Axis { X, Y };
};

extern "C" {
int cFunction(void) { return 0; }
}

template <typename T = int>
T longFunction(T v) {
  auto lambda = [&](int k) {
    return v + k;
  };
@FILLER@
  return lambda(1);
}

auto trailing(int a) -> int { return a; }

int Point::outOfLine(const std::string &s) const noexcept {
  return s == "}" ? 1 : 2;
}

} // namespace sample
'''


def self_test():
    filler = "\n".join("  v += %d;" % k for k in range(20))
    text = SAMPLE.replace("@FILLER@", filler)
    found = find_functions(text)
    expected = [
        ("shortFunction", 14, 3),
        ("Point::Point", 22, 1),
        ("Point::sum", 23, 1),
        ("Point::move", 25, 4),
        ("cFunction", 33, 1),
        ("longFunction", 37, 26),
        ("trailing", 64, 1),
        ("Point::outOfLine", 66, 3),
    ]
    assert found == expected, "found %r, expected %r" % (found, expected)
    problems = check_text("s.cpp", text, 50, 10, [])
    assert problems == [
        "s.cpp: file is 70 lines (max 50)",
        "s.cpp:37: function longFunction is 26 lines (max 10)",
    ], problems
    assert check_text("s.cpp", text, 100, 10, ["s.cpp:longFunction"]) == []
    assert check_text("s.cpp", text, 100, 2, ["s.cpp:Point::move"]) == [
        "s.cpp:14: function shortFunction is 3 lines (max 2)",
        "s.cpp:37: function longFunction is 26 lines (max 2)",
        "s.cpp:66: function Point::outOfLine is 3 lines (max 2)",
    ]
    assert check_text("s.cpp", text, 100, 30, []) == []
    # Blanking keeps lengths and line breaks.
    assert len(blank(text)) == len(text)
    assert blank(text).count("\n") == text.count("\n")
    print("check-sizes self-test: ok")
    return 0


# ----------------------------------------------------------------------------

def main(argv):
    parser = argparse.ArgumentParser(
        description="Reports .cpp/.h files and function bodies over the "
                    "size limits.")
    parser.add_argument("paths", nargs="*", default=DEFAULT_DIRS,
                        help="files or directories relative to --root "
                             "(default: %s)" % " ".join(DEFAULT_DIRS))
    parser.add_argument("--root", default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))),
        help="the repository root (default: this script's ..)")
    parser.add_argument("--max-file-lines", type=int, default=500)
    parser.add_argument("--max-function-lines", type=int, default=120)
    parser.add_argument("--allow", action="append", default=[],
                        metavar="FILE:FUNCTION",
                        help="a function allowed to be long (FILE relative "
                             "to --root; repeatable; %s always allowed)"
                             % ", ".join(DEFAULT_ALLOW))
    parser.add_argument("--self-test", action="store_true",
                        help="check the checker on embedded samples")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    for entry in args.allow:
        if ":" not in entry:
            parser.error("--allow wants FILE:FUNCTION, got '%s'" % entry)
    allow = DEFAULT_ALLOW + args.allow
    used = set()
    problems = []
    for path in source_files(args.root, args.paths):
        with open(os.path.join(args.root, path), encoding="utf-8",
                  errors="replace") as f:
            text = f.read()
        problems += check_text(path, text, args.max_file_lines,
                               args.max_function_lines, allow, used)
    for line in problems:
        print(line)
    for entry in args.allow:
        if entry not in used:
            print("check-sizes: note: --allow %s matched nothing over the "
                  "limit" % entry, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
