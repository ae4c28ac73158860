#!/usr/bin/env python3
"""Differential test of KubeSim's YAML parser against PyYAML.

Usage: compare_yaml.py KUBESIM_BINARY [FILE...]

Runs `KUBESIM_BINARY parse FILE` (one compact JSON line per document) on a corpus and compares
each document with PyYAML's `yaml.safe_load_all` of the same file. Without FILE arguments the
corpus is every .yaml/.yml under Scenarios/, Tests/Fixtures/kubectl/, and the Kubernetes
documentation examples in shared/reference/k8s-examples (beside the clone, or beside an ancestor
of it, when present).

Prints `compared N files, N documents: N passed, N failed` and exits 1 on a mismatch, naming the
file and the first differing path. Exits 0 with a message when PyYAML is not installed.

Both sides read YAML 1.1 style, but KubeSim follows go-yaml v2 (what Kubernetes uses, see
YAMLResolver) and PyYAML has its own rules. The known differences, accepted explicitly below:
  K1. go-yaml types plain scalars PyYAML leaves as strings: `y`/`n` (booleans), `0o17` (octal),
      `08`/`09` (floats), `1e3` (PyYAML floats need a dot), `0b...` variants.
  K2. PyYAML types plain scalars go-yaml leaves as strings: sexagesimal `1:20` (int 80),
      timestamps `2001-12-14` (date/datetime), `=` (the YAML 1.1 value key).
  K3. Integers beyond int64: PyYAML keeps them exact, KubeSim reads them as floats.
  K4. JSON has no infinities or NaN: KubeSim prints them as the strings ".inf", "-.inf", ".nan".
  K5. Duplicate keys: PyYAML keeps the last value, KubeSim (like Kubernetes' strict decoding)
      rejects the file; accepted only when PyYAML's own node tree has the duplicate.
  K6. Mapping keys: KubeSim prints a key's source text; PyYAML resolves keys (`yes:` -> True).
"""

import datetime
import json
import math
import os
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("compare_yaml: skipped (PyYAML is not installed: python3 -c 'import yaml' fails)")
    sys.exit(0)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def corpus():
    files = []
    for root in ("Scenarios", "Tests/Fixtures/kubectl"):
        base = os.path.join(REPO, root)
        for dirpath, _, names in os.walk(base):
            files += [os.path.join(dirpath, n) for n in names if n.endswith((".yaml", ".yml"))]
    parent = REPO
    for _ in range(3):
        parent = os.path.dirname(parent)
        examples = os.path.join(parent, "shared", "reference", "k8s-examples")
        if os.path.isdir(examples):
            files += [os.path.join(examples, n) for n in os.listdir(examples)
                      if n.endswith((".yaml", ".yml"))]
            break
    return sorted(files)


# go-yaml v2's resolve (resolve.go), as KubeSim's YAMLResolver implements it.
BOOL_TRUE = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}
BOOL_FALSE = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}
NULLS = {"", "~", "null", "Null", "NULL"}
YAML_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
GO_INT = re.compile(r"^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$")


def resolve11(s):
    """The value go-yaml v2 gives the plain scalar `s` (ints beyond int64 as floats)."""
    if s in BOOL_TRUE:
        return True
    if s in BOOL_FALSE:
        return False
    if s in NULLS:
        return None
    if s in (".nan", ".NaN", ".NAN"):
        return float("nan")
    if s in (".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"):
        return float("inf")
    if s in ("-.inf", "-.Inf", "-.INF"):
        return float("-inf")
    if not s or s[0] not in "+-0123456789.":
        return s
    plain = s.replace("_", "") if s[0] != "." else s
    if GO_INT.match(plain):
        sign = -1 if plain[0] == "-" else 1
        body = plain.lstrip("+-")
        if body[:2].lower() == "0x":
            v = int(body[2:], 16)
        elif body[:2].lower() == "0o":
            v = int(body[2:], 8)
        elif body[:2].lower() == "0b":
            v = int(body[2:], 2)
        elif len(body) > 1 and body[0] == "0":
            v = int(body, 8)
        else:
            v = int(body)
        v *= sign
        if -2**63 <= v < 2**63:
            return v
        if v < 2**64:
            return float(v)
    if YAML_FLOAT.match(plain):
        f = float(plain)
        if not math.isinf(f):
            return f
    return s


def same_scalar(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            return True
        return a == b
    return type(a) is type(b) and a == b


class Comparison:
    def __init__(self):
        self.known = {}

    def note(self, code):
        self.known[code] = self.known.get(code, 0) + 1

    def scalar(self, py, mine, path):
        if same_scalar(py, mine):
            return None
        # K1: PyYAML kept a string that go-yaml types.
        if isinstance(py, str) and not isinstance(mine, str) and same_scalar(resolve11(py), mine):
            self.note("K1")
            return None
        if isinstance(mine, str):
            # K2: PyYAML-only resolutions.
            if isinstance(py, int) and not isinstance(py, bool) and ":" in mine:
                self.note("K2")
                return None
            if isinstance(py, (datetime.date, datetime.datetime)):
                self.note("K2")
                return None
            # K4: infinities and NaN printed as strings.
            if isinstance(py, float) and (math.isinf(py) or math.isnan(py)) and \
                    mine in (".inf", "-.inf", ".nan") and same_scalar(resolve11(mine), py):
                self.note("K4")
                return None
        # K3: integers beyond int64.
        if isinstance(py, int) and not isinstance(py, bool) and isinstance(mine, float) and \
                not (-2**63 <= py < 2**63) and float(py) == mine:
            self.note("K3")
            return None
        return f"{path}: kubesim {json.dumps(mine)}, PyYAML {py!r}"

    def key_matches(self, pykey, text):
        if isinstance(pykey, str):
            return pykey == text
        # K6: PyYAML resolved the key; KubeSim kept its text.
        if isinstance(pykey, (datetime.date, datetime.datetime)):
            return str(pykey) == text or pykey.isoformat() == text
        return same_scalar(yaml.safe_load(text), pykey) or same_scalar(resolve11(text), pykey)

    def value(self, py, mine, path):
        if isinstance(py, dict):
            if not isinstance(mine, list) or not all(isinstance(p, list) for p in mine):
                return f"{path}: kubesim {json.dumps(mine)[:80]}, PyYAML a mapping"
            if len(py) != len(mine):
                return f"{path}: kubesim {len(mine)} keys, PyYAML {len(py)}"
            for pykey, pyval in py.items():
                match = [p for p in mine if self.key_matches(pykey, p[0])]
                if not match:
                    return f"{path}: key {pykey!r} missing in kubesim"
                if not isinstance(pykey, str):
                    self.note("K6")
                diff = self.value(pyval, match[0][1], f"{path}.{match[0][0]}")
                if diff:
                    return diff
            return None
        if isinstance(py, list):
            if not isinstance(mine, dict) or "seq" not in mine:
                return f"{path}: kubesim {json.dumps(mine)[:80]}, PyYAML a sequence"
            items = mine["seq"]
            if len(items) != len(py):
                return f"{path}: kubesim {len(items)} items, PyYAML {len(py)}"
            for i, (a, b) in enumerate(zip(py, items)):
                diff = self.value(a, b, f"{path}[{i}]")
                if diff:
                    return diff
            return None
        if isinstance(mine, (list, dict)):
            return f"{path}: kubesim a collection, PyYAML {py!r}"
        return self.scalar(py, mine, path)


class Pairs(list):
    """A JSON object as its [key, value] pairs, in kubesim's order."""


def tag_collections(value):
    """JSON objects as lists of [key, value] pairs (keeping order), arrays as {"seq": [...]}."""
    if isinstance(value, Pairs):
        return [[k, tag_collections(v)] for k, v in value]
    if isinstance(value, list):
        return {"seq": [tag_collections(v) for v in value]}
    return value


def load_json_line(line):
    return tag_collections(json.loads(line, object_pairs_hook=Pairs))


def has_duplicate_key(text):
    try:
        for node in yaml.compose_all(text, Loader=yaml.SafeLoader):
            stack = [node]
            while stack:
                n = stack.pop()
                if isinstance(n, yaml.MappingNode):
                    keys = [k.value for k, _ in n.value if isinstance(k, yaml.ScalarNode)]
                    if len(keys) != len(set(keys)):
                        return True
                    stack += [v for _, v in n.value] + [k for k, _ in n.value]
                elif isinstance(n, yaml.SequenceNode):
                    stack += n.value
    except yaml.YAMLError:
        return False
    return False


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2])
        return 2
    binary = sys.argv[1]
    files = sys.argv[2:] or corpus()
    cmp = Comparison()
    documents = passed = failed = 0
    failures = []
    for path in files:
        rel = os.path.relpath(path, REPO) if path.startswith(REPO) else path
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        run = subprocess.run([binary, "parse", path], capture_output=True, text=True)
        try:
            py_docs = list(yaml.safe_load_all(text))
            py_error = None
        except yaml.YAMLError as e:
            py_docs, py_error = [], str(e).replace("\n", " ")
        if run.returncode != 0 or py_error:
            documents += 1
            if run.returncode != 0 and py_error:
                passed += 1  # both reject the file
            elif run.returncode != 0 and "duplicate key" in run.stderr + run.stdout \
                    and has_duplicate_key(text):
                cmp.note("K5")
                passed += 1
            elif py_error and "tag:yaml.org,2002:value" in py_error:
                cmp.note("K2")
                passed += 1
            else:
                failed += 1
                why = (run.stderr or run.stdout).strip() if run.returncode != 0 else \
                    f"kubesim accepts it, PyYAML rejects it: {py_error}"
                failures.append(f"{rel}: {why}")
            continue
        mine_docs = [load_json_line(l) for l in run.stdout.splitlines() if l.strip()]
        if len(mine_docs) != len(py_docs):
            documents += max(1, len(py_docs))
            failed += 1
            failures.append(f"{rel}: kubesim {len(mine_docs)} documents, PyYAML {len(py_docs)}")
            continue
        for i, (py, mine) in enumerate(zip(py_docs, mine_docs)):
            documents += 1
            diff = cmp.value(py, mine, f"doc{i}")
            if diff:
                failed += 1
                failures.append(f"{rel}: {diff}")
            else:
                passed += 1
    for f in failures:
        print("MISMATCH " + f)
    known = ", ".join(f"{k}: {cmp.known[k]}" for k in sorted(cmp.known))
    print(f"compared {len(files)} files, {documents} documents: {passed} passed, {failed} failed"
          + (f" (known differences accepted: {known})" if known else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
