#!/usr/bin/env python3
"""Writes the hostile and careless inputs of issue 17 into DIR, one sub-directory per case.

Each case directory holds a compose.yaml (and, where the case needs them, an env file or a
.ferry.yaml) plus a file `args` with the ferry command line to run in that directory. The
names are the case ids used by bench/hostile.sh, docs/performance.md and the CLI harness test
(HostileInputTest). Deterministic: same bytes every time.
usage: gen-hostile.py DIR
"""
import os
import sys

out = sys.argv[1]
cases = {}


def case(name, compose, args, extra=None):
    cases[name] = (compose, args, extra or {})


svc = "services:\n  web:\n    image: nginx:1.27\n"

case("merge-cycle", "x-a: &a {<<: *a, k: 1}\n" + svc, "config")
case("merge-cycle-two-anchors",
     "x-a: &a\n  k: 1\n  <<: &b\n    j: 2\n    <<: *a\n" + svc, "config")
case("env-value-1mb", svc + "    environment:\n      BIG: \"" + "z" * (1 << 20) + "\"\n", "convert")
case("env-100k-entries", svc + "    environment:\n"
     + "".join(f"      K{i}: \"0x{i:08x}deadbeef\"\n" for i in range(100_000)), "convert")
case("scalar-7mb", svc + "    command: \"" + "a" * (7 * 1024 * 1024) + "\"\n", "config")
case("long-line-2000", svc + "    " + "k" * 2000 + " x\n", "config")
bomb = "x-0: &l0 v\n" + "".join(f"x-{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 7))
case("alias-bomb-1e6", bomb + svc, "config")
wide = "x-0: &w0 [" + ",".join(["v"] * 400) + "]\n" + "".join(
    f"x-{i}: &w{i} [*w{i - 1}, *w{i - 1}]\n" for i in range(1, 1900)) + svc
case("alias-bomb-1900x400", wide, "config")
case("interpolation-multiplies",
     svc + "    environment:\n      A: \"" + "${B}" * 4096 + "\"\n", "config",
     {".env": "C=" + "x" * 4096 + "\nB=" + "${C}" * 64 + "\n"})
case("interpolation-multiplies-env-file",
     svc + "    env_file: vars.env\n", "config",
     {"vars.env": "B=" + "y" * 65536 + "\nA=" + "${B}" * 4096 + "\n"})
case("nested-keys-50k", svc + "x-deep:\n  " + "? " * 50_000 + "x\n", "config")
case("nested-seqs-50k", svc + "x-deep:\n  " + "- " * 50_000 + "x\n", "config")
case("nested-keys-block-3k", "x-deep:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3_000)) + svc, "config")
case("duplicate-keys-deep", svc + "x-deep: " + "{k: " * 50_000 + "1, k: 2" + "}" * 50_000 + "\n", "config")
case("duplicate-keys-150", svc + "x-deep: " + "{k: " * 150 + "1, k: 2" + "}" * 150 + "\n", "config")
case("port-range-full", svc + "    ports: [\"1-65535:1-65535\"]\n", "convert")
case("port-ranges-many", "services:\n" + "".join(
    f"  s{i}:\n    image: nginx:1.27\n    ports: [\"1-65535:1-65535\", \"1-65535:1-65535/udp\"]\n" for i in range(20)), "convert")
case("expose-range", svc + "    expose: [\"1000-2000\"]\n", "convert")
case("ferry-yaml-bad-glob", svc, "lint", {".ferry.yaml": "ignore: [\"[\"]\n"})
case("ferry-yaml-deep", svc, "lint",
     {".ferry.yaml": "rules: " + "[" * 50_000 + "]" * 50_000 + "\n"})
case("ferry-yaml-deep-keys", svc, "lint", {".ferry.yaml": "rules: " + "? " * 50_000 + "x\n"})
case("explain-width-max", svc, "explain --width 2147483647")
case("explain-columns-huge", svc, "explain", {"@COLUMNS": "2147483647"})
case("billion-laughs", "x-0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"x-{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9)) + svc, "config")
case("flow-nesting-100k", "x: " + "[" * 100_000 + "]" * 100_000 + "\n" + svc, "config")
case("block-nesting-3k", "x:\n" + "".join(" " * i + "-\n" for i in range(3_000)) + svc, "config")
case("recursive-alias", "x-a: &a [*a]\n" + svc, "config")
case("tags", "x-a: !%A 1\nx-b: !!python/object:os.system x\n" + svc, "config")

os.makedirs(out, exist_ok=True)
for name, (compose, args, extra) in cases.items():
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "compose.yaml"), "w") as f:
        f.write(compose)
    envs = {k[1:]: v for k, v in extra.items() if k.startswith("@")}
    for fname, text in extra.items():
        if fname.startswith("@"):
            continue
        with open(os.path.join(d, fname), "w") as f:
            f.write(text)
    with open(os.path.join(d, "args"), "w") as f:
        f.write(args + "\n")
    with open(os.path.join(d, "env"), "w") as f:
        f.write("".join(f"{k}={v}\n" for k, v in envs.items()))
