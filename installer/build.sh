#!/usr/bin/env bash
# Builds Synapse Workbench's native installers with jpackage, from the jar and libraries that `./mvnw package` makes:
#   an app-image (a folder with the launcher, the program and a Java runtime made by jlink) and, from that same
#   app-image, the installer of this system: a .deb on Linux, an .msi on Windows (needs WiX 3), a .dmg on macOS.
#
#   installer/build.sh [--skip-maven] [--types "app-image deb"]
#
# Output in target/installer/: synapse-workbench/ (the app-image) and the installer file. Needs a JDK 17 or newer
# with jpackage and jlink (JPACKAGE_HOME, else the JDK of `javac` on the PATH); on Linux fakeroot and dpkg-deb for
# the .deb. Bash only, so it runs alike on Linux, on macOS and in Git Bash on Windows.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_maven=0
types=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-maven) skip_maven=1 ;;
    --types) types="$2"; shift ;;
    *) echo "usage: installer/build.sh [--skip-maven] [--types \"app-image deb\"]" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux) os=linux; exe="" ;;
  Darwin) os=mac; exe="" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; exe=".exe" ;;
  *) echo "error: no installer type known for $(uname -s)" >&2; exit 2 ;;
esac
if [ -z "$types" ]; then
  case "$os" in
    linux) types="app-image deb" ;;
    mac) types="app-image dmg" ;;
    windows) types="app-image msi" ;;
  esac
fi

if [ -n "${JPACKAGE_HOME:-}" ]; then
  jdk="$JPACKAGE_HOME"
else
  javac_path="$(command -v javac || true)"
  if [ -z "$javac_path" ]; then
    echo "error: no JDK found: put a JDK 17 or newer on the PATH or set JPACKAGE_HOME" >&2
    exit 2
  fi
  jdk="$(cd "$(dirname "$(readlink -f "$javac_path" 2>/dev/null || echo "$javac_path")")/.." && pwd)"
fi
for tool in jlink jpackage; do
  if [ ! -x "$jdk/bin/$tool$exe" ]; then
    echo "error: $jdk has no $tool; set JPACKAGE_HOME to a full JDK 17 or newer" >&2
    exit 2
  fi
done

# Everything the installers say about the program comes from here and from the pom.
name="synapse-workbench"
title="Synapse Workbench"
vendor="Synapse Workbench"
maintainer="${DEB_MAINTAINER:-synapse-workbench@localhost}"
description="Find, train on and proofread synapses in electron-microscopy volumes."
main_class="org.synapseworkbench.app.Launcher"
# jdeps --print-module-deps on the jar and its libraries, plus jdk.unsupported.desktop (javafx.swing, reflectively)
modules="java.base,java.compiler,java.desktop,java.logging,java.management,java.prefs,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop"
# Debian packages besides those jpackage finds with ldd, found on a clean Debian 12 (debootstrap --variant=minbase,
# apt-get --no-install-recommends): with jpackage's list alone the headless commands ran but the window did not start.
# libgtk-3-0: JavaFX's glass and pango libraries load GTK 3, Pango and Cairo; libgl1 and libxxf86vm1: its hardware
# pipeline (prism_es2), without which it falls back to slower software drawing.
deb_depends="libgtk-3-0, libgl1, libxxf86vm1"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
# installers take numbers only (MSI and macOS: 1 to 3 numbers); a -SNAPSHOT build is packaged as its release number
number="${version%%-*}"

if [ "$skip_maven" = 0 ]; then
  ./mvnw -B -q package -DskipTests
fi
if [ ! -f target/synapse-workbench.jar ] || [ ! -d target/lib ]; then
  echo "error: target/synapse-workbench.jar or target/lib is missing; run ./mvnw package first (or drop --skip-maven)" >&2
  exit 2
fi

out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/input/libtorch" "$out/unpack"
cp target/synapse-workbench.jar "$out/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in pytorch-native-*) ;; *) cp "$jar" "$out/input/lib/" ;; esac
done

# libtorch goes in unpacked, with DJL's JNI library beside it: the program then loads it from the install folder
# (TorchNatives, -Dsynapse.libtorch) and never unpacks 450 MB into each user's home, nor downloads anything.
native_jar="$(ls target/lib/pytorch-native-*.jar | head -1)"
(cd "$out/unpack" && "$jdk/bin/jar$exe" xf "../../../$native_jar")
classifier="$(sed -n 's/^classifier=//p' "$out/unpack/native/lib/pytorch.properties" | tr -d '\r')"
torch_version="$(sed -n 's/^version=\([0-9.]*\).*/\1/p' "$out/unpack/native/lib/pytorch.properties")"
cp "$out"/unpack/pytorch/*/"$classifier"/* "$out/input/libtorch/"
jni_jar="$(ls target/lib/pytorch-jni-*.jar | head -1)"
djl_version="$(basename "$jni_jar" .jar)"; djl_version="${djl_version##*-}"
case "$os" in linux) jni=libdjl_torch.so ;; mac) jni=libdjl_torch.dylib ;; windows) jni=djl_torch.dll ;; esac
(cd "$out/unpack" && "$jdk/bin/jar$exe" xf "../../../$jni_jar")
if [ -f "$out/unpack/jnilib/$classifier/cpu/$jni" ]; then
  cp "$out/unpack/jnilib/$classifier/cpu/$jni" "$out/input/libtorch/"
else
  # DJL publishes the JNI library of macOS and Windows on its own site only; fetched here, at build time
  url="https://publish.djl.ai/pytorch/$torch_version/jnilib/$djl_version/$classifier/cpu/$jni"
  echo "download: $url"
  curl -fsSL -o "$out/input/libtorch/$jni" "$url" || { echo "error: could not download $url; it is needed on $classifier" >&2; exit 2; }
fi
rm -rf "$out/unpack"
# the configs, as files to start from (the program has them inside too)
cp -r configs "$out/input/configs"

echo "jlink: a runtime of $modules"
# with the class-data sharing archive of those modules, as the JDK that runs `java -jar` has (jlink leaves it out
# unless asked; measured on `info`, the difference was within the noise); jlink runs the runtime's java to make it,
# then bin/ can go
"$jdk/bin/jlink$exe" --add-modules "$modules" --generate-cds-archive --strip-debug --no-man-pages --no-header-files \
  --output "$out/runtime"
rm -rf "$out/runtime/bin"

icon=assets/icon/synapse-workbench.png
[ "$os" = windows ] && icon=assets/icon/synapse-workbench.ico
[ "$os" = mac ] && [ -f target/synapse-workbench.icns ] && icon=target/synapse-workbench.icns

common=(--name "$name" --app-version "$number" --vendor "$vendor" --description "$description"
  --copyright "Copyright the Synapse Workbench authors" --dest "$out")

# macOS: signed with hardened-runtime exceptions when a signing identity is given (the app-image is what is signed)
sign=()
if [ "$os" = mac ] && [ -n "${MAC_SIGNING_IDENTITY:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_IDENTITY" --mac-entitlements installer/mac/entitlements.plist)
fi
# on Windows a second launcher with a console for the headless commands; the first opens the window without one
launchers=()
[ "$os" = windows ] && launchers=(--add-launcher "$name-cli=installer/windows/cli-launcher.properties")
associations=(--file-associations installer/hdf5.properties)

echo "jpackage: app-image $out/$name"
"$jdk/bin/jpackage$exe" --type app-image "${common[@]}" --input "$out/input" --main-jar synapse-workbench.jar \
  --main-class "$main_class" --runtime-image "$out/runtime" --icon "$icon" \
  --java-options "-Dsynapse.libtorch=\$APPDIR/libtorch" --java-options "-Dsynapse.configs=\$APPDIR/configs" --java-options "-Dai.djl.offline=true" --java-options "-DOPT_OUT_TRACKING=true" ${launchers[@]+"${launchers[@]}"} ${sign[@]+"${sign[@]}"}

app_image="$out/$name"
[ "$os" = mac ] && app_image="$out/$name.app"
for type in $types; do
  [ "$type" = app-image ] && continue
  echo "jpackage: $type"
  case "$type" in
    deb | rpm)
      "$jdk/bin/jpackage$exe" --type "$type" "${common[@]}" --app-image "$app_image" --icon "$icon" \
        --license-file installer/LICENSE.txt --resource-dir installer/linux "${associations[@]}" \
        --linux-package-name "$name" --linux-deb-maintainer "$maintainer" --linux-menu-group "Science;Biology;" \
        --linux-app-category science --linux-shortcut --linux-package-deps "$deb_depends"
      ;;
    msi)
      "$jdk/bin/jpackage$exe" --type msi "${common[@]}" --app-image "$app_image" \
        --license-file installer/LICENSE.txt "${associations[@]}" \
        --win-menu --win-menu-group "$title" --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 5b0f3c56-6a1e-4b0e-9a57-3f1f2f7d1c11
      ;;
    dmg | pkg)
      "$jdk/bin/jpackage$exe" --type "$type" "${common[@]}" --app-image "$app_image" \
        --license-file installer/LICENSE.txt "${associations[@]}" \
        --mac-package-identifier org.synapseworkbench --mac-package-name "$title" ${sign[@]+"${sign[@]}"}
      ;;
    *) echo "error: unknown installer type $type" >&2; exit 2 ;;
  esac
done
rm -rf "$out/input" "$out/runtime"
ls -l "$out"
