#!/usr/bin/env bash
# Runs lupdate over the interface's sources (ui/, app/studio/, core/services/) into
# translations/stllava_{de,es,zh_CN}.ts (every string) and stllava_en.ts (plural forms only:
# English is the source language). Entries no longer in the code are dropped (-no-obsolete); new
# ones come in as type="unfinished" until translated (see translations/README.md), and
# translations/check_translations.py lists them.
#   scripts/update-translations.sh            (LUPDATE=... picks another lupdate)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)}
[[ -x $lupdate ]] || { echo "update-translations.sh: lupdate not found (Debian: qt6-l10n-tools)" >&2; exit 1; }
cd "$here"
common=(-recursive ui app/studio core/services -I ui -I core -locations absolute -no-obsolete -silent)
"$lupdate" "${common[@]}" -ts translations/stllava_de.ts translations/stllava_es.ts translations/stllava_zh_CN.ts
"$lupdate" "${common[@]}" -pluralonly -ts translations/stllava_en.ts
python3 translations/check_translations.py translations || {
  echo "update-translations.sh: the entries above need translating (translations/README.md)" >&2
  exit 1
}
