#!/usr/bin/env bash
# Compares what two revisions produce from the bundled content: the built
# site, the export and the validator's messages, byte for byte, with the
# clock pinned.  For refactorings that must not change public behaviour.
#   scripts/same-output.sh BASE [HEAD]     (HEAD defaults to the work tree)
set -euo pipefail
base=${1:?usage: scripts/same-output.sh BASE [HEAD]}
head=${2:-}
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$top" worktree remove --force "$work/base" >/dev/null 2>&1 || true; \
      [ -z "$head" ] || git -C "$top" worktree remove --force "$work/head" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export SUKIEN_NOW=${SUKIEN_NOW:-2026-11-20T09:00:00+07:00}

produce() {  # $1: checkout, $2: output folder
  mkdir -p "$2"
  (cd "$1" && python -m generator build -d "$2/site" >/dev/null 2>&1 \
     && python -m generator export "$2/export" >/dev/null 2>&1 \
     && { python -m generator validate --format json >"$2/validate.json" 2>&1 || true; })
}

git -C "$top" worktree add --detach "$work/base" "$base" >/dev/null 2>&1
produce "$work/base" "$work/out-base"
if [ -n "$head" ]; then
  git -C "$top" worktree add --detach "$work/head" "$head" >/dev/null 2>&1
  produce "$work/head" "$work/out-head"
else
  produce "$top" "$work/out-head"
fi
if diff -r "$work/out-base" "$work/out-head" >"$work/diff.txt"; then
  echo "identical: $(find "$work/out-head" -type f | wc -l) files"
else
  diff -rq "$work/out-base" "$work/out-head" | sed "s|$work/||g"  # every file that differs
  head -200 "$work/diff.txt"
  exit 1
fi
