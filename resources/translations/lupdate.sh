#!/bin/sh
# Refresh the translation sources from the code and the Designer forms, keeping existing
# translations. Run from the repository root, then translate the new entries in
# frontdesk_zh_CN.ts (Qt Linguist: .venv/bin/pyside6-linguist) and run `make translations`.
# The generated forms are skipped: lupdate reads the .ui files themselves.
set -e
cd "$(dirname "$0")/../.."
SOURCES=$(find desktop_app/qt -name '*.py' -not -path 'desktop_app/qt/forms/*' | sort)
for lang in en zh_CN; do
    .venv/bin/pyside6-lupdate -no-obsolete -locations relative $SOURCES ui/*.ui \
        -ts "resources/translations/frontdesk_${lang}.ts" "$@"
done
