#!/usr/bin/env bash
# The analysis layer (server/analysis, server/index) and the workspace layer (server/corpus,
# server/scheduler) must not know LSP: no protocol/ or server/lsp|features includes there.
root=${1:-.}
bad=$(grep -rnE '#include "(protocol/|server/(lsp|features)/)' \
  "$root/server/analysis" "$root/server/index" "$root/server/corpus" "$root/server/scheduler" 2>/dev/null)
if [ -n "$bad" ]; then
  echo "layering violation (analysis/workspace code includes the LSP layer):"
  echo "$bad"
  exit 1
fi
echo "layers ok"
