#!/usr/bin/env python3
"""Compile the annotated sample sources (samples/src/*.ann) into the plain corpus and its annotations.

    python3 samples/tools/compile.py           # (re)write samples/corpus/ and samples/annotations/
    python3 samples/tools/compile.py --check   # exit 1 if the checked-in artefacts are stale

Standard library only. See samples/ANNOTATING.md for the source format. Output is deterministic.
Errors are reported as `file:line: message` and make the script exit with status 1.
"""

import argparse
import filecmp
import json
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
SRC = os.path.join(SAMPLES, "src")
CORPUS = os.path.join(SAMPLES, "corpus")
ANNOTATIONS = os.path.join(SAMPLES, "annotations")

TYPES = {"PERSON", "ORG", "PLACE", "NORP", "OTHER"}
KINDS = {"news", "wire", "oped", "blog", "thread", "summary", "crawl", "notes"}
SPLITS = {"dev", "heldout"}
SINGLE_LINE_PASSAGE_KINDS = {"thread", "summary"}

# The diagnostic codes of ANNOTATING.md (keep in sync with that file).
DIAGNOSTIC_CODES = {
    "sourcing/anonymous", "sourcing/vague",
    "hedge/epistemic", "hedge/unverified",
    "rumour/hearsay", "rumour/unconfirmed",
    "propaganda/loaded-language", "propaganda/name-calling", "propaganda/repetition",
    "propaganda/exaggeration", "propaganda/doubt", "propaganda/fear", "propaganda/flag-waving",
    "propaganda/causal-oversimplification", "propaganda/slogan", "propaganda/appeal-to-authority",
    "propaganda/black-and-white", "propaganda/thought-terminating-cliche", "propaganda/whataboutism",
    "propaganda/bandwagon", "propaganda/reductio-ad-hitlerum",
    "profanity/plain", "profanity/obfuscated",
    "debris/cookie-banner", "debris/subscribe", "debris/share", "debris/navigation",
    "debris/comment-chrome", "debris/email-placeholder", "debris/tracking", "debris/disclaimer",
    "debris/encoding",
    "names/inconsistent", "names/ambiguous",
    "quotes/no-speaker", "numbers/disagree",
}

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
GROUP_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CUE_RE = re.compile(r"^[a-z][a-z -]*[a-z]$")
HEADER_RE = re.compile(r"^%%\s*([a-z_]+)\s*:\s*(.*?)\s*$")
OUTNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(txt|md)$")


class CompileError(Exception):
    pass


class Errors:
    def __init__(self):
        self.items = []

    def add(self, where, line, msg):
        self.items.append("%s:%s: %s" % (where, line, msg))


def rel(path):
    return os.path.relpath(path, os.getcwd())


# ---------------------------------------------------------------------------------------------
# registry

def load_registry(errors):
    registry = {}  # id -> {"type", "name", "where"}
    for name in sorted(os.listdir(SRC)):
        if not (name.startswith("entities-") and name.endswith(".tsv")):
            continue
        path = os.path.join(SRC, name)
        with open(path, encoding="utf-8", newline=None) as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3 or not all(p.strip() for p in parts):
                    errors.add(rel(path), lineno, "expected `id<TAB>TYPE<TAB>canonical name`, got %r" % line)
                    continue
                eid, etype, ename = (p.strip() for p in parts)
                if not ID_RE.match(eid):
                    errors.add(rel(path), lineno, "malformed entity id %r" % eid)
                    continue
                if etype not in TYPES:
                    errors.add(rel(path), lineno, "unknown entity type %r (one of %s)" % (etype, ", ".join(sorted(TYPES))))
                    continue
                where = "%s:%d" % (rel(path), lineno)
                if eid in registry:
                    prev = registry[eid]
                    if prev["type"] != etype:
                        errors.add(rel(path), lineno, "entity %r registered twice with different types: %s (%s) and %s"
                                   % (eid, prev["type"], prev["where"], etype))
                    continue
                registry[eid] = {"type": etype, "name": ename, "where": where}
    return registry


# ---------------------------------------------------------------------------------------------
# one document

def parse_headers(lines, path, errors):
    headers = {}
    i = 0
    while i < len(lines) and lines[i].startswith("%%"):
        m = HEADER_RE.match(lines[i])
        if not m:
            errors.add(rel(path), i + 1, "malformed header line %r" % lines[i])
        else:
            key, value = m.group(1), m.group(2)
            if key in headers:
                errors.add(rel(path), i + 1, "header %r given twice" % key)
            headers[key] = (value, i + 1)
        i += 1
    # blank lines between headers and text are not part of the document
    while i < len(lines) and not lines[i].strip():
        i += 1
    return headers, i


def check_headers(headers, path, errors):
    ok = True
    for key in headers:
        if key not in ("file", "split", "kind", "crlf"):
            errors.add(rel(path), headers[key][1], "unknown header %r" % key)
            ok = False
    for key in ("file", "split", "kind"):
        if key not in headers:
            errors.add(rel(path), 1, "missing header `%%%% %s:`" % key)
            ok = False
    if not ok:
        return None
    out = headers["file"][0]
    if not OUTNAME_RE.match(out):
        errors.add(rel(path), headers["file"][1], "output file name %r must be a plain name ending in .txt or .md" % out)
        ok = False
    split = headers["split"][0]
    if split not in SPLITS:
        errors.add(rel(path), headers["split"][1], "split must be dev or heldout, got %r" % split)
        ok = False
    kind = headers["kind"][0]
    if kind not in KINDS:
        errors.add(rel(path), headers["kind"][1], "unknown kind %r (one of %s)" % (kind, ", ".join(sorted(KINDS))))
        ok = False
    crlf = False
    if "crlf" in headers:
        v = headers["crlf"][0].lower()
        if v not in ("true", "false"):
            errors.add(rel(path), headers["crlf"][1], "crlf must be true or false, got %r" % v)
            ok = False
        crlf = v == "true"
    if not ok:
        return None
    return {"file": out, "split": split, "kind": kind, "crlf": crlf}


def parse_body(body, first_line, path, registry, errors):
    """Parse the marked-up body. Returns (plain_text, items) with character offsets into plain_text."""
    out = []          # pieces of plain text
    pos = 0           # length of plain text so far (characters)
    stack = []        # open frames
    items = {"mentions": [], "diagnostics": [], "roles": [], "statements": [], "related": []}
    line = first_line
    i = 0
    n = len(body)
    fname = rel(path)
    failed = False

    def err(msg, at_line=None):
        nonlocal failed
        failed = True
        errors.add(fname, at_line if at_line is not None else line, msg)

    def text_of(start):
        return "".join(out)[start:]

    while i < n:
        c = body[i]
        two = body[i:i + 2]
        if two == "[[":
            if any(f["kind"] == "mention" for f in stack):
                err("`[[` nested inside another `[[ ]]`")
                return None, None
            stack.append({"kind": "mention", "start": pos, "line": line})
            i += 2
            continue
        if two == "{{":
            j = i + 2
            # header runs to the first `|` (content follows) or `}}` (zero-width marker)
            k_bar = body.find("|", j)
            k_end = body.find("}}", j)
            k_nl = body.find("\n", j)
            if k_end != -1 and (k_bar == -1 or k_end < k_bar) and (k_nl == -1 or k_end < k_nl):
                head = body[j:k_end]
                if not head.startswith("rel:"):
                    err("`{{%s}}` has no `|text`; only `{{rel:GROUP}}` is zero-width" % head)
                    return None, None
                group = head[4:]
                if not GROUP_RE.match(group):
                    err("malformed related group id %r" % group)
                    return None, None
                items["related"].append({"marker": pos, "group": group, "line": line})
                i = k_end + 2
                continue
            if k_bar == -1 or (k_nl != -1 and k_nl < k_bar):
                err("malformed `{{` markup: no `|` on the same line")
                return None, None
            head = body[j:k_bar]
            frame = {"kind": None, "start": pos, "line": line, "head": head}
            if head.startswith("rel:"):
                err("`{{rel:...}}` is zero-width and takes no text")
                return None, None
            elif head.startswith("role:"):
                eid = head[5:]
                if not ID_RE.match(eid):
                    err("malformed entity id %r in role" % eid)
                elif eid not in registry:
                    err("unknown entity id %r in role" % eid)
                frame.update(kind="role", entity=eid)
            elif head.startswith("said:"):
                parts = head.split(":")
                if len(parts) != 3:
                    err("malformed statement markup %r (expected said:ID:cue)" % head)
                    return None, None
                eid, cue = parts[1], parts[2]
                if not ID_RE.match(eid):
                    err("malformed speaker id %r" % eid)
                elif eid not in registry:
                    err("unknown speaker id %r" % eid)
                if not CUE_RE.match(cue):
                    err("malformed cue verb %r" % cue)
                frame.update(kind="said", entity=eid, cue=cue)
            else:
                if head not in DIAGNOSTIC_CODES:
                    err("unknown diagnostic code %r" % head)
                frame.update(kind="diag", code=head)
            stack.append(frame)
            i = k_bar + 1
            continue
        if two == "]]":
            err("`]]` without an open `[[` (a mention needs `[[text|id]]`)")
            return None, None
        if two == "}}":
            if not stack or stack[-1]["kind"] == "mention":
                err("`}}` without an open `{{`" if not stack else "`}}` closes `{{` while a `[[` is still open")
                return None, None
            frame = stack.pop()
            start, end = frame["start"], pos
            text = text_of(start)
            if start == end:
                err("empty span in `{{%s|...}}`" % frame["head"], frame["line"])
            elif text != text.strip():
                err("span %r of `{{%s|...}}` starts or ends with whitespace" % (text, frame["head"]), frame["line"])
            rec = {"start": start, "end": end, "text": text, "line": frame["line"]}
            if frame["kind"] == "diag":
                rec["code"] = frame["code"]
                items["diagnostics"].append(rec)
            elif frame["kind"] == "role":
                rec["entity"] = frame["entity"]
                items["roles"].append(rec)
            else:
                rec["speaker"] = frame["entity"]
                rec["cue"] = frame["cue"]
                items["statements"].append(rec)
            i += 2
            continue
        if c == "|" and stack and stack[-1]["kind"] == "mention":
            k = body.find("]]", i + 1)
            k_nl = body.find("\n", i + 1)
            if k == -1 or (k_nl != -1 and k_nl < k):
                err("mention `[[...|` not closed by `]]` on the same line")
                return None, None
            eid = body[i + 1:k]
            frame = stack.pop()
            start, end = frame["start"], pos
            text = text_of(start)
            if not ID_RE.match(eid):
                err("malformed entity id %r" % eid)
            elif eid not in registry:
                err("unknown entity id %r" % eid)
            if start == end:
                err("empty mention text")
            elif text != text.strip():
                err("mention %r starts or ends with whitespace" % text)
            if "\n" in text:
                err("mention %r spans a line break" % text, frame["line"])
            items["mentions"].append({"start": start, "end": end, "text": text, "entity": eid,
                                      "type": registry.get(eid, {}).get("type"), "line": frame["line"]})
            i = k + 2
            continue
        if c == "\n":
            if stack and stack[-1]["kind"] == "mention":
                err("mention opened with `[[` is not closed on its line", stack[-1]["line"])
                return None, None
            line += 1
        out.append(c)
        pos += 1
        i += 1

    if stack:
        f = stack[-1]
        err("unclosed `%s` opened here" % ("[[" if f["kind"] == "mention" else "{{" + f["head"] + "|"), f["line"])
        return None, None
    if failed:
        return None, None
    return "".join(out), items


def passage_range(text, marker, single_line):
    """Character range of the passage holding `marker`: its line, or its paragraph (between blank lines)."""
    line_start = text.rfind("\n", 0, marker) + 1
    line_end = text.find("\n", marker)
    if line_end == -1:
        line_end = len(text)
    if single_line:
        return line_start, line_end
    start, end = line_start, line_end
    while start > 0:
        prev_start = text.rfind("\n", 0, start - 1) + 1
        if not text[prev_start:start - 1].strip():
            break
        start = prev_start
    while end < len(text):
        next_end = text.find("\n", end + 1)
        if next_end == -1:
            next_end = len(text)
        if not text[end + 1:next_end].strip():
            break
        end = next_end
    return start, end


def byte_offsets(text, crlf):
    """Prefix table: character index -> UTF-8 byte offset in the written file."""
    table = [0] * (len(text) + 1)
    b = 0
    for idx, ch in enumerate(text):
        table[idx] = b
        if ch == "\n" and crlf:
            b += 2
        else:
            b += len(ch.encode("utf-8"))
    table[len(text)] = b
    return table


def compile_document(path, registry, errors):
    with open(path, encoding="utf-8", newline=None) as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    lines = raw.split("\n")
    headers, body_line = parse_headers(lines, path, errors)
    meta = check_headers(headers, path, errors)
    body = "\n".join(lines[body_line:])
    text, items = parse_body(body, body_line + 1, path, registry, errors)
    if meta is None or text is None:
        return None
    text = text.rstrip() + "\n"
    for k, ln in enumerate(text.split("\n")):
        if ln != ln.rstrip():
            errors.add(rel(path), body_line + 1 + k, "output line ends with whitespace (a `{{rel:...}}` marker after a space?)")
            return None
    for bad in ("[[", "]]", "{{", "}}"):
        if bad in text:
            errors.add(rel(path), 1, "output contains %r" % bad)
            return None
    single = meta["kind"] in SINGLE_LINE_PASSAGE_KINDS
    for r in items["related"]:
        s, e = passage_range(text, r["marker"], single)
        if not text[s:e].strip():
            errors.add(rel(path), r["line"], "`{{rel:%s}}` is not inside a passage" % r["group"])
            return None
        r["start"], r["end"] = s, e
    table = byte_offsets(text, meta["crlf"])
    for key in ("mentions", "diagnostics", "roles", "statements"):
        for rec in items[key]:
            rec["start"], rec["end"] = table[rec["start"]], table[rec["end"]]
    for r in items["related"]:
        r["marker"], r["start"], r["end"] = table[r["marker"]], table[r["start"]], table[r["end"]]
    data = text.replace("\n", "\r\n") if meta["crlf"] else text
    return {"meta": meta, "text": text, "bytes": data.encode("utf-8"), "items": items, "path": path}


# ---------------------------------------------------------------------------------------------
# whole corpus

def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def strip_lines(recs, keys):
    return [{k: r[k] for k in keys} for r in recs]


def build(outdir_corpus, outdir_ann):
    errors = Errors()
    if not os.path.isdir(SRC):
        errors.add(rel(SRC), 0, "source directory missing")
        return errors, None
    registry = load_registry(errors)
    docs = []
    for name in sorted(os.listdir(SRC)):
        if name.endswith(".ann"):
            d = compile_document(os.path.join(SRC, name), registry, errors)
            if d is not None:
                docs.append(d)
    # unique output names and stems
    seen_file, seen_stem = {}, {}
    for d in docs:
        f = d["meta"]["file"]
        stem = os.path.splitext(f)[0]
        if f in seen_file:
            errors.add(rel(d["path"]), 1, "output file %r also produced by %s" % (f, rel(seen_file[f])))
        elif stem in seen_stem or stem in ("entities", "splits"):
            errors.add(rel(d["path"]), 1, "annotation name %r.json clashes (%s)" % (stem, rel(seen_stem.get(stem, "reserved name"))))
        seen_file[f] = d["path"]
        seen_stem[stem] = d["path"]
    # related groups must span at least two documents
    group_docs, group_first = {}, {}
    for d in docs:
        for r in d["items"]["related"]:
            group_docs.setdefault(r["group"], set()).add(d["meta"]["file"])
            group_first.setdefault(r["group"], (d["path"], r["line"]))
    for g in sorted(group_docs):
        if len(group_docs[g]) < 2:
            p, ln = group_first[g]
            errors.add(rel(p), ln, "related group %r appears in only one document" % g)
    if errors.items:
        return errors, None

    os.makedirs(outdir_corpus, exist_ok=True)
    os.makedirs(outdir_ann, exist_ok=True)
    written_corpus, written_ann = set(), set()
    entity_docs, entity_count = {}, {}
    splits = {"dev": [], "heldout": []}
    stats = {"documents": 0, "words": 0, "mentions": 0, "diagnostics": 0, "roles": 0, "statements": 0}
    groups = set()
    for d in sorted(docs, key=lambda x: x["meta"]["file"]):
        meta, items = d["meta"], d["items"]
        f = meta["file"]
        stem = os.path.splitext(f)[0]
        order = lambda r: (r["start"], r["end"])
        ann = {
            "file": f,
            "split": meta["split"],
            "kind": meta["kind"],
            "mentions": strip_lines(sorted(items["mentions"], key=lambda r: (r["start"], r["end"], r["entity"])),
                                    ("start", "end", "text", "entity", "type")),
            "diagnostics": strip_lines(sorted(items["diagnostics"], key=lambda r: (r["start"], r["end"], r["code"])),
                                       ("start", "end", "text", "code")),
            "roles": strip_lines(sorted(items["roles"], key=lambda r: (r["start"], r["end"], r["entity"])),
                                 ("start", "end", "text", "entity")),
            "statements": strip_lines(sorted(items["statements"], key=order), ("start", "end", "text", "speaker", "cue")),
            "related": strip_lines(sorted(items["related"], key=lambda r: (r["marker"], r["group"])),
                                   ("marker", "start", "end", "group")),
        }
        with open(os.path.join(outdir_corpus, f), "wb") as fh:
            fh.write(d["bytes"])
        with open(os.path.join(outdir_ann, stem + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(dumps(ann))
        written_corpus.add(f)
        written_ann.add(stem + ".json")
        splits[meta["split"]].append(f)
        for m in items["mentions"]:
            entity_docs.setdefault(m["entity"], set()).add(f)
            entity_count[m["entity"]] = entity_count.get(m["entity"], 0) + 1
        stats["documents"] += 1
        stats["words"] += len(d["text"].split())
        for key in ("mentions", "diagnostics", "roles", "statements"):
            stats[key] += len(items[key])
        groups.update(r["group"] for r in items["related"])
    entities = {eid: {"type": e["type"], "name": e["name"], "documents": sorted(entity_docs.get(eid, ())),
                      "mention_count": entity_count.get(eid, 0)} for eid, e in registry.items()}
    with open(os.path.join(outdir_ann, "entities.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(dumps(entities))
    with open(os.path.join(outdir_ann, "splits.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(dumps({k: sorted(v) for k, v in splits.items()}))
    written_ann.update(("entities.json", "splits.json"))
    # stale outputs whose source is gone
    for outdir, keep in ((outdir_corpus, written_corpus), (outdir_ann, written_ann)):
        for name in sorted(os.listdir(outdir)):
            p = os.path.join(outdir, name)
            if name not in keep and name != ".gitkeep":
                if os.path.isdir(p):
                    shutil.rmtree(p)
                else:
                    os.remove(p)
    stats["groups"] = len(groups)
    return errors, stats


def summary(stats):
    return ("%(documents)d documents, %(words)d words, %(mentions)d mentions, %(diagnostics)d diagnostics, "
            "%(roles)d roles, %(statements)d statements, %(groups)d related groups" % stats)


def same_tree(a, b):
    names_a = sorted(n for n in os.listdir(a) if n != ".gitkeep") if os.path.isdir(a) else []
    names_b = sorted(n for n in os.listdir(b) if n != ".gitkeep") if os.path.isdir(b) else []
    diffs = sorted(set(names_a) ^ set(names_b))
    for n in sorted(set(names_a) & set(names_b)):
        if not filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False):
            diffs.append(n)
    return sorted(diffs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="compile to a temporary directory and fail if corpus/ or annotations/ are stale")
    args = ap.parse_args(argv)
    if args.check:
        tmp = tempfile.mkdtemp(prefix="dossier-samples-")
        try:
            tc, ta = os.path.join(tmp, "corpus"), os.path.join(tmp, "annotations")
            errors, stats = build(tc, ta)
            if errors.items:
                print("\n".join(errors.items), file=sys.stderr)
                return 1
            stale = ["corpus/" + n for n in same_tree(tc, CORPUS)] + ["annotations/" + n for n in same_tree(ta, ANNOTATIONS)]
            print(summary(stats))
            if stale:
                print("stale generated files (run python3 samples/tools/compile.py):", file=sys.stderr)
                for s in stale:
                    print("  samples/" + s, file=sys.stderr)
                return 1
            return 0
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    errors, stats = build(CORPUS, ANNOTATIONS)
    if errors.items:
        print("\n".join(errors.items), file=sys.stderr)
        print("compile failed: %d error(s); nothing written" % len(errors.items), file=sys.stderr)
        return 1
    print(summary(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
