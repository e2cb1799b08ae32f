#!/usr/bin/env python3
"""Rewrites a negative example that is a whole scenario (a copy of a base with a change) as a short patch
on the closest base of scenarios/invalid/bases/: {"extends": "../bases/<base>.json", <what differs>}.

    python3 scenarios/tools/invalid_rebase.py [--linksim build/linksim] [--dry-run] scenarios/invalid/<section>/<file>.json ...

For each file that has no "extends", it tries every base, computes the patch that gives back the file's
document (a JSON merge patch, RFC 7386, with the arrays of KEYED_ARRAYS in harness/scenario/Extends.cpp
patched element by element by their key, "$delete" and "$replace"), keeps the shortest, and checks that
the base merged with the patch is the file's document exactly (number types included). With --linksim,
it also checks that `linksim validate` says the same messages before and after (the file and the pointer
a message names may move: a value the base wrote is the base's); run it from the repository root.
The keyed arrays are read from Extends.cpp, so the patch follows the code. Files it cannot rewrite
(not an object, a duplicate key, null inside an object) are left as they are, with the reason.
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import unicodedata


class NotExpressible(Exception):
    """The target cannot be written as a patch of the base (e.g. a null value inside an object)."""


class ParseProblem(Exception):
    pass


def read_keyed_arrays(extends_cpp):
    text = open(extends_cpp, encoding="utf-8").read()
    block = text[text.index("KEYED_ARRAYS[] = {"):]
    block = block[:block.index("};")]
    rows = re.findall(r'\{"([^"]+)",\s*"([^"]+)",\s*(true|false)\}', block)
    if not rows:
        raise SystemExit("no KEYED_ARRAYS found in " + extends_cpp)
    return [(p.split("/")[1:], k, o == "true") for p, k, o in rows]


class Model:
    def __init__(self, extends_cpp):
        self.keyed = read_keyed_arrays(extends_cpp)

    # ---------- parsing ----------
    @staticmethod
    def parse(text):
        """JSON as linksim reads it; refuses what a rewrite could not keep (duplicates, non-finite numbers)."""
        def pairs(ps):
            seen = set()
            for k, _ in ps:
                if k in seen:
                    raise ParseProblem("duplicate key " + k)
                seen.add(k)
            return dict(ps)

        def bad_const(c):
            raise ParseProblem("constant " + c)

        if text.startswith("\ufeff"):
            raise ParseProblem("BOM")
        doc = json.loads(text, object_pairs_hook=pairs, parse_constant=bad_const)

        def finite(v):
            if isinstance(v, float) and not math.isfinite(v):
                raise ParseProblem("non-finite number")
            if isinstance(v, dict):
                for x in v.values():
                    finite(x)
            if isinstance(v, list):
                for x in v:
                    finite(x)

        finite(doc)
        return doc

    def keyed_array(self, path):
        for pattern, key, opt in self.keyed:
            if len(pattern) == len(path) and all(p == "*" or p == q for p, q in zip(pattern, path)):
                return key, opt
        return None

    # ---------- merging (Extends.cpp's PatchApplier) ----------
    def merge(self, target, patch, path=()):
        path = list(path)
        if isinstance(patch, dict):
            if not isinstance(target, dict):
                return without_nulls(patch)
            out = dict(target)
            for k, v in patch.items():
                if v is None:
                    out.pop(k, None)
                elif k in out:
                    out[k] = self.merge(out[k], v, path + [k])
                else:
                    out[k] = without_nulls(v)
            return out
        if isinstance(patch, list) and isinstance(target, list):
            ka = self.keyed_array(path)
            if ka:
                return self.merge_by_key(target, patch, path, ka)
        return patch

    def merge_by_key(self, target, patch, path, ka):
        key, opt = ka
        if patch and isinstance(patch[0], dict) and "$replace" in patch[0]:
            if patch[0] != {"$replace": True} or patch[0]["$replace"] is not True:
                raise NotExpressible("bad $replace")
            return list(patch[1:])
        out = list(target)
        seen = []
        for e in patch:
            if not isinstance(e, dict) or "$replace" in e:
                raise NotExpressible("element not an object or $replace not first")
            remove = "$delete" in e
            idv = e.get(key)
            if idv is None:
                if opt and not remove:
                    out.append(e)
                    continue
                raise NotExpressible("element without key")
            if any(json_eq(idv, s) for s in seen):
                raise NotExpressible("duplicate key in patch")
            seen.append(idv)
            j = next((j for j, t in enumerate(out) if isinstance(t, dict) and key in t and json_eq(t[key], idv)), None)
            if remove:
                if len(e) != 2 or e["$delete"] is not True or j is None:
                    raise NotExpressible("bad $delete")
                del out[j]
                continue
            if j is not None:
                out[j] = self.merge(out[j], e, path + [str(j)])
            else:
                out.append(e)
        return out

    def resolve(self, path):
        """The merged document of a file and its extends chain (no error checking beyond the model's)."""
        doc = self.parse(open(path, encoding="utf-8").read())
        if isinstance(doc, dict) and "extends" in doc:
            base_path = os.path.normpath(os.path.join(os.path.dirname(path), doc["extends"]))
            patch = dict(doc)
            del patch["extends"]
            return self.merge(self.resolve(base_path), patch)
        return doc

    # ---------- diffing: a patch p with merge(base, p) == target ----------
    def diff(self, base, target, path=()):
        path = list(path)
        if isinstance(target, dict):
            if isinstance(base, dict):
                return self.diff_object(base, target, path)
            check_no_object_nulls(target)
            return target
        if isinstance(target, list) and isinstance(base, list) and self.keyed_array(path):
            return self.diff_keyed(base, target, path)
        if target is None:
            raise NotExpressible("null value where a patch deletes")
        return target

    def diff_object(self, base, target, path):
        patch = {}
        for k, v in target.items():
            if k in base:
                if json_strict_eq(base[k], v):
                    continue
                if v is None:
                    raise NotExpressible("null value inside an object")
                patch[k] = self.diff(base[k], v, path + [k])
            else:
                if v is None:
                    raise NotExpressible("null value inside an object")
                check_no_object_nulls(v)
                patch[k] = v
        for k in base:
            if k not in target:
                patch[k] = None
        return patch

    def diff_keyed(self, base, target, path):
        key, opt = self.keyed_array(path)
        replace = [{"$replace": True}] + list(target)
        candidates = [replace]
        try:
            candidates.append(self.keyed_patch(base, target, path, key, opt))
        except NotExpressible:
            pass
        good = []
        for c in candidates:
            try:
                if json_strict_eq(self.merge(base, c, path), target):
                    good.append(c)
            except NotExpressible:
                pass
        if not good:
            raise NotExpressible("keyed array")
        return min(good, key=lambda c: (len(format_json(c, 4).splitlines()), len(format_json(c, 4))))

    def keyed_patch(self, base, target, path, key, opt):
        def key_of(e):
            return e.get(key) if isinstance(e, dict) else None

        patch = []
        matched = set()
        for e in target:
            k = key_of(e)
            j = None
            if k is not None:
                j = next((j for j, b in enumerate(base) if j not in matched and json_eq(key_of(b), k)), None)
            if j is None:
                if not isinstance(e, dict) or (k is None and not opt) or "$delete" in e or "$replace" in e:
                    raise NotExpressible("new element")
                patch.append(e)
                continue
            matched.add(j)
            if isinstance(e, dict) and isinstance(base[j], dict):
                d = self.diff_object(base[j], e, path + [str(j)])
            else:
                raise NotExpressible("element")
            if d:
                patch.append({key: k, **d})
        deletes = [{key: key_of(b), "$delete": True} for j, b in enumerate(base)
                   if j not in matched and key_of(b) is not None]
        return deletes + patch


def without_nulls(p):
    if not isinstance(p, dict):
        return p
    return {k: without_nulls(v) for k, v in p.items() if v is not None}


def check_no_object_nulls(v):
    """A value written whole into an object loses its objects' nulls (RFC 7386): refuse those."""
    if isinstance(v, dict):
        for x in v.values():
            if x is None:
                raise NotExpressible("null inside a new object")
            check_no_object_nulls(x)
    # inside arrays values are kept as they are


def json_eq(a, b):
    """Equality as nlohmann's operator== (numbers compare by value; a boolean is not a number)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_eq(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(json_eq(x, y) for x, y in zip(a, b))
    return a == b


def json_strict_eq(a, b):
    """Same JSON value and same number types (1 and 1.0 differ: the readers tell them apart)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_strict_eq(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(json_strict_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


def dump_string(s):
    out = json.dumps(s, ensure_ascii=False)
    # Keep the file readable and unambiguous: escape what a terminal or an editor would not show.
    return "".join(c if not (unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") and c not in '"\\')
                   else escape_char(c) for c in out)


def escape_char(c):
    n = ord(c)
    if n <= 0xFFFF:
        return "\\u%04x" % n
    n -= 0x10000
    return "\\u%04x\\u%04x" % (0xD800 + (n >> 10), 0xDC00 + (n & 0x3FF))


def dump_compact(v):
    if isinstance(v, str):
        return dump_string(v)
    if isinstance(v, dict):
        return "{" + ", ".join(dump_string(k) + ": " + dump_compact(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump_compact(x) for x in v) + "]"
    return json.dumps(v)


def format_json(v, indent=0, width=140, first=0):
    """Readable and short: a value on one line if it fits in `width` (after `first` characters already on the
    line); else an object's members packed on lines (continuation lines one column in), or one member or
    element per line where a member does not fit on a line of its own."""
    one = dump_compact(v)
    if indent + first + len(one) <= width or not isinstance(v, (dict, list)) or not v:
        return one
    if isinstance(v, dict):
        members = [dump_string(k) + ": " + dump_compact(x) for k, x in v.items()]
        if all(indent + 1 + len(mb) + 1 <= width for mb in members):  # pack: {"a": 1, "b": 2,\n "c": 3}
            lines, cur, col = [], "{", indent + first
            for i, mb in enumerate(members):
                piece = mb + ("," if i + 1 < len(members) else "}")
                if cur not in ("{",) and col + len(cur) + 1 + len(piece) > width:
                    lines.append(cur)
                    cur, col = " " * (indent + 1) + piece, 0
                else:
                    cur = cur + ("" if cur == "{" else " ") + piece
            lines.append(cur)
            return "\n".join(lines)
        pad = " " * (indent + 2)
        lines = []
        for k, x in v.items():
            head = dump_string(k) + ": "
            lines.append(pad + head + format_json(x, indent + 2, width, len(head)))
        return "{\n" + ",\n".join(lines) + "\n" + " " * indent + "}"
    pad = " " * (indent + 2)
    if all(len(dump_compact(x)) <= 40 for x in v):  # short elements: packed, [\n  1, 2, 3,\n  4\n]
        items = [dump_compact(x) for x in v]
        lines, cur = [], pad
        for i, it in enumerate(items):
            piece = it + ("," if i + 1 < len(items) else "")
            if cur.strip() and len(cur) + 1 + len(piece) > width:
                lines.append(cur)
                cur = pad + piece
            else:
                cur = cur + (" " if cur.strip() else "") + piece
        lines.append(cur)
        return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
    lines = [pad + format_json(x, indent + 2, width) for x in v]
    return "[\n" + ",\n".join(lines) + "\n" + " " * indent + "]"




def messages(linksim, path):
    """The messages of `linksim validate`, without the file and pointer they name."""
    p = subprocess.run([linksim, "validate", path], capture_output=True, text=True, errors="replace")
    return p.returncode, [re.sub(r"^error: .*?: (/[^:]*|/): ", "error: ", l) for l in p.stderr.splitlines()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--linksim", help="check that linksim validate gives the same messages after the rewrite")
    ap.add_argument("--dry-run", action="store_true", help="print the patches, write nothing")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    model = Model(os.path.join(here, "..", "..", "harness", "scenario", "Extends.cpp"))
    bases_dir = os.path.join(here, "..", "invalid", "bases")
    bases = {}
    for p in sorted(glob.glob(os.path.join(bases_dir, "*.json"))):
        if not os.path.basename(p).startswith("broken-"):  # broken on purpose
            bases[p] = model.resolve(p)
    status = 0
    for f in args.files:
        text = open(f, encoding="utf-8").read()
        try:
            doc = model.parse(text)
        except (ParseProblem, ValueError) as e:
            print("%s: left as it is (%s)" % (f, e))
            continue
        if not isinstance(doc, dict) or "extends" in doc:
            print("%s: left as it is (%s)" % (f, "already a patch" if isinstance(doc, dict) else "not an object"))
            continue
        best = None
        for b, bd in bases.items():
            try:
                d = model.diff(bd, doc)
            except NotExpressible:
                continue
            out = format_json({"extends": os.path.relpath(b, os.path.dirname(os.path.abspath(f))), **d}) + "\n"
            if best is None or (len(out.splitlines()), len(out)) < (len(best.splitlines()), len(best)):
                best = out
        if best is None:
            print("%s: left as it is (no base gives it back)" % f)
            continue
        merged = model.merge(model.resolve(os.path.join(os.path.dirname(os.path.abspath(f)),
                                                        json.loads(best)["extends"])),
                             {k: v for k, v in model.parse(best).items() if k != "extends"})
        if not json_strict_eq(merged, doc):
            print("%s: the patch does not give the document back (a bug in this tool): left as it is" % f)
            status = 1
            continue
        if args.dry_run:
            print("== %s (%d lines, was %d)\n%s" % (f, len(best.splitlines()), len(text.splitlines()), best))
            continue
        before = messages(args.linksim, f) if args.linksim else None
        with open(f, "w", encoding="utf-8") as out:
            out.write(best)
        if args.linksim and messages(args.linksim, f) != before:
            with open(f, "w", encoding="utf-8") as out:
                out.write(text)
            print("%s: linksim validate says something else after the rewrite: left as it is" % f)
            status = 1
            continue
        print("%s: %d lines, was %d" % (f, len(best.splitlines()), len(text.splitlines())))
    return status


if __name__ == "__main__":
    sys.exit(main())
