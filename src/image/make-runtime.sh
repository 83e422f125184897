#!/usr/bin/env bash
# Assembles the file system the container image starts from, without any base image (no registry is reachable from
# the build): a Java runtime made by jlink from the building JDK, the few shared libraries it needs copied from the
# build machine, the user and group files, and the empty /tmp and /data. Jib puts the result under / as an extra
# directory and adds the application's layers on top (pom.xml, profile `image`; docs/operations.md, "The image").
#
# Usage: make-runtime.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail
java_home=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)

# The modules the service needs: `jdeps --print-module-deps` on the shaded jar, without the debugger's (jdk.attach,
# jdk.jdi), plus those only found at run time through service loaders: elliptic-curve TLS (mail over STARTTLS), the
# English and Welsh locale data (dates on the pages), DNS through JNDI, zip file systems, extra charsets.
modules=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.rmi,java.scripting,java.security.jgss
modules=$modules,java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.net,jdk.unsupported
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.naming.dns,jdk.zipfs,jdk.charsets

runtime=$out/opt/java
stamp="$("$java_home/bin/java" -version 2>&1 | head -1) $modules"
if [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ]; then
  echo "image root up to date: $out"
  exit 0
fi
if ! ls "$java_home"/jmods/java.base.jmod >/dev/null 2>&1; then
  echo "$java_home has no jmods: jlink cannot make the image's runtime (Debian: apt-get install openjdk-17-jdk-headless;" \
       "or build with a JDK that ships jmods, such as Temurin 17, in JAVA_HOME)" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,cy \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

# The libraries the runtime links against (glibc, libstdc++, zlib, ...), copied as files (Jib keeps no symlinks)
# to the paths the loader looks in. The windowing, sound and font libraries are left out: the service is headless
# (-Djava.awt.headless=true) and never loads them.
libs=$(find "$runtime/bin" "$runtime/lib" -type f \( -name '*.so' -o -perm -u+x \) \
         | grep -Ev 'awt_xawt|fontmanager|splashscreen|jsound|jawt|lcms|mlib_image|javajpeg' \
         | xargs ldd 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$runtime" | sort -u)
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
if [ ! -f "$out/lib64/ld-linux-x86-64.so.2" ] && [ -e /lib64/ld-linux-x86-64.so.2 ]; then
  mkdir -p "$out/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"
fi

cp -R "$here/root/." "$out/"
# The production overrides (MICRONAUT_CONFIG_FILES in the image's environment).
mkdir -p "$out/etc/tracker"
cp "$here/../../config/application-prod.yml" "$out/etc/tracker/"
mkdir -p "$out/tmp" "$out/data"
echo "$stamp" > "$out.stamp"
echo "image root made: $out ($(du -sh "$out" | cut -f1))"
