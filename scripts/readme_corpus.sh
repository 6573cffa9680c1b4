#!/usr/bin/env bash
# Puts the corpus table (per document type, and the total) printed by the corpus test into README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo test --release --test corpus -- --nocapture 2>/dev/null | grep '^|' | awk '/^\| province/{exit} {print}')
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1].strip()
s = open('README.md', encoding='utf-8').read()
s = re.sub(r'<!-- corpus-table -->.*?<!-- /corpus-table -->', '<!-- corpus-table -->\n' + table + '\n<!-- /corpus-table -->', s, flags=re.S)
open('README.md', 'w', encoding='utf-8').write(s)
PY
