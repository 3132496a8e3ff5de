#!/usr/bin/env bash
# Checks a .deb made by installer/build.sh without installing it: its metadata (dpkg-deb -I: name, version from the
# pom, the dependencies a clean Debian needs, installed size against its contents), the files it puts outside
# /opt/synapse-workbench (none but what postinst makes), then unpacks it and runs installer/check.sh on its launcher.
#   installer/check-deb.sh [DEB]      (default: target/installer/synapse-workbench_*.deb)
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-$(ls target/installer/synapse-workbench_*.deb 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "error: no .deb found; run installer/build.sh first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
  echo "check failed: $*" >&2
  exit 1
}
field() {
  dpkg-deb -f "$deb" "$1"
}

[ "$(field Package)" = synapse-workbench ] || fail "package name $(field Package)"
pom_version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
[ "$(field Version)" = "${pom_version%%-*}-1" ] || fail "version $(field Version), the pom says $pom_version"
depends="$(field Depends)"
for package in libgtk-3-0 libgl1 libxxf86vm1 libc6 libstdc++6 xdg-utils; do
  [[ ", $depends," == *", $package,"* || ", $depends," == *" $package,"* ]] || fail "Depends lacks $package: $depends"
done
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] || fail "no maintainer or description"
echo "ok: $(field Package) $(field Version), depends on $(echo "$depends" | tr ',' '\n' | wc -l) packages incl. libgtk-3-0"

dpkg-deb -x "$deb" "$work/root"
outside="$(cd "$work/root" && find . -mindepth 1 -not -path './opt' -not -path './opt/synapse-workbench*')"
[ -z "$outside" ] || fail "files outside /opt/synapse-workbench: $outside"
app="$work/root/opt/synapse-workbench"
for f in bin/synapse-workbench lib/app/libtorch/libtorch.so lib/app/libtorch/libdjl_torch.so lib/synapse-workbench.png \
    lib/synapse-workbench-synapse-workbench.desktop lib/app/configs/Demo/Demo-Cleft.yaml share/doc/copyright; do
  [ -e "$app/$f" ] || fail "the package has no $f"
done
! ls "$app"/lib/app/lib/pytorch-native-* > /dev/null 2>&1 || fail "the package carries the native jar as well as libtorch"
grep -q "^Exec=/opt/synapse-workbench/bin/synapse-workbench workbench %f$" "$app"/lib/*.desktop || fail "desktop entry: $(grep Exec "$app"/lib/*.desktop)"
grep -q "^MimeType=application/x-hdf$" "$app"/lib/*.desktop || fail "no 'Open with' for HDF5 files"
installed_kib="$(field Installed-Size)"
content_kib="$(du -sk "$app" | cut -f1)"
[ $((installed_kib * 100 / content_kib)) -ge 95 ] && [ $((installed_kib * 100 / content_kib)) -le 105 ] \
  || fail "Installed-Size $installed_kib KiB, contents $content_kib KiB"
echo "ok: contents under /opt/synapse-workbench only, $((content_kib / 1024)) MiB as Installed-Size says; desktop entry opens .h5"

dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$work" ./postinst ./prerm
for script in postinst prerm; do
  sh -n "$work/$script" || fail "$script is not valid sh"
done
grep -q "ln -sf /opt/synapse-workbench/bin/synapse-workbench /usr/bin/synapse-workbench" "$work/postinst" || fail "postinst puts no command on the PATH"
echo "ok: postinst and prerm are valid sh"

installer/check.sh "$app/bin/synapse-workbench"
