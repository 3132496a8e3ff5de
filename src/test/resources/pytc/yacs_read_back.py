"""Reads a saved config as PyTorch Connectomics does and compares it, key by key, with what Java expects.

PyTC loads YAML with yacs: yaml.safe_load, strings decoded with ast.literal_eval where they are literals, then each
value merged over its default, which must have the same type (None may replace or be replaced by any value, and a
tuple and a list may replace each other; an int does not replace a float). A key that PyTC does not have is an error.

usage: yacs_read_back.py DEFAULT_KEYS SAVED_YAML EXPECTED_YAML
  DEFAULT_KEYS   PyTC's keys and defaults (pytc-default-keys.txt)
  SAVED_YAML     the config as saved by Synapse Workbench
  EXPECTED_YAML  flat KEY: value pairs of what the saved config must hold after merging (the defaults otherwise)
Prints one line per difference and exits 1 when there is one; prints "N keys identical" otherwise.
"""
import ast
import sys

import yaml


def defaults(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        if value.startswith("section"):
            if "ENABLED:" in value:
                out[key + ".ENABLED"] = value.split("ENABLED:")[1].strip(" )") == "True"
            continue
        out[key] = eval(value, {"__builtins__": {}})  # trusted reference text; "1.0 / 1000" needs arithmetic
    return out


def flatten(tree, prefix=""):
    out = {}
    for key, value in tree.items():
        name = prefix + str(key)
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def decode(value):
    """yacs' _decode_cfg_value for values read from YAML."""
    if isinstance(value, str):
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def coerce(replacement, original, key):
    """yacs' _check_and_coerce_cfg_value_type."""
    if type(replacement) is type(original) or replacement is None or original is None:
        return replacement
    if isinstance(original, list) and isinstance(replacement, tuple):
        return list(replacement)
    if isinstance(original, tuple) and isinstance(replacement, list):
        return tuple(replacement)
    raise ValueError("type mismatch (%s vs %s) for %s" % (type(original).__name__, type(replacement).__name__, key))


def same(a, b):
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def main():
    base = defaults(sys.argv[1])
    saved = flatten(yaml.safe_load(open(sys.argv[2], encoding="utf-8")) or {})
    expected = dict(base)
    for key, value in (yaml.safe_load(open(sys.argv[3], encoding="utf-8")) or {}).items():
        expected[key] = decode(value)
    problems = []
    merged = dict(base)
    for key, value in saved.items():
        if key not in base:
            problems.append("%s: PyTC has no such key" % key)
            continue
        try:
            merged[key] = coerce(decode(value), base[key], key)
        except ValueError as e:
            problems.append(str(e))
    for key in base:
        if not same(merged[key], expected[key]):
            problems.append("%s: PyTC reads %r, expected %r" % (key, merged[key], expected[key]))
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("%d keys identical" % len(base))


main()
