#!/usr/bin/env sh
# Installs the unpacked Frontdesk bundle for the current user (no root needed):
# the program under ~/.local/opt, a menu entry and a `frontdesk` command in ~/.local/bin.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local/opt}"
mkdir -p "$prefix" "$HOME/.local/bin" "$HOME/.local/share/applications"
rm -rf "$prefix/frontdesk"
cp -a "$here/frontdesk" "$prefix/frontdesk"
ln -sf "$prefix/frontdesk/frontdesk" "$HOME/.local/bin/frontdesk"
sed "s|@PREFIX@|$prefix|g" "$here/frontdesk.desktop" > "$HOME/.local/share/applications/frontdesk.desktop"
echo "Frontdesk installed in $prefix/frontdesk; start it from the menu or with 'frontdesk'."
