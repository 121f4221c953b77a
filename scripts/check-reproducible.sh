#!/bin/sh
# Reproducible release: builds the release archives twice from the same sources (the second time
# from a clean tree) and fails unless both builds are byte-identical (.tar.gz, .zip and the jar).
# usage: scripts/check-reproducible.sh   (after `mvn -B verify` it reuses that build as the first)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
if ! ls dist/target/ferry-*.tar.gz >/dev/null 2>&1; then
  mvn -B -q -DskipTests package
fi
mkdir "$W/first"
cp dist/target/ferry-*.tar.gz dist/target/ferry-*.zip cli/target/ferry.jar "$W/first/"
mvn -B -q -DskipTests clean package
status=0
for f in "$W"/first/*; do
  n=$(basename "$f")
  case $n in ferry.jar) again=cli/target/ferry.jar ;; *) again=dist/target/$n ;; esac
  if cmp -s "$f" "$again"; then
    echo "reproducible: $n ($(sha256sum "$again" | cut -c1-16))"
  else
    echo "NOT reproducible: $n differs between two builds of the same sources" >&2
    status=1
  fi
done
exit $status
