#!/usr/bin/env bash
# Makes the container's root filesystem from Debian packages only, plus keyward-server's .deb:
#   installer/container/build-rootfs.sh keyward-server_<version>_amd64.deb rootfs.tar
#   podman build --format docker -t localhost/keyward -f installer/container/Containerfile <directory of rootfs.tar>
# Debian 12 (bookworm), the `essential` variant (no apt, no shell tools beyond the essential set),
# the server's libraries resolved by apt from its .deb. Needs mmdebstrap and root.
set -euo pipefail
deb=$(realpath "$1")
target=$2
suite=${KEYWARD_CONTAINER_SUITE:-bookworm}
mirror=${KEYWARD_CONTAINER_MIRROR:-http://deb.debian.org/debian}

# The service's account with a fixed id (10001), made before the package's postinst so that the
# image's USER, Kubernetes' runAsUser and the volumes agree on it.
make_user='echo "keyward:x:10001:10001:Keyward:/var/lib/keyward:/usr/sbin/nologin" >>"$1/etc/passwd";
           echo "keyward:x:10001:" >>"$1/etc/group";
           echo "keyward:!*:19000::::::" >>"$1/etc/shadow"'
# No master key in an image everyone can pull: the postinst made one; each installation brings
# its own (KEYWARD_MASTER_KEY_FILE from a secret), or gets one in its data volume on first start.
# Package caches and documentation go too.
# Each package's copyright file stays: a distributed image must carry the notices.
trim='rm -f "$1"/etc/keyward/master.key;
      rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/usr/share/man/* "$1"/usr/share/locale/* \
             "$1"/var/log/*;
      find "$1"/usr/share/doc -mindepth 1 ! -name copyright ! -type d -delete;
      install -d -o 10001 -g 10001 -m 0700 "$1"/var/lib/keyward'

mmdebstrap --variant=essential --mode=root --format=tar \
    --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
    --include=ca-certificates,curl,systemd-standalone-sysusers,systemd-standalone-tmpfiles,"$deb" \
    --essential-hook="$make_user" \
    --customize-hook="$trim" \
    "$suite" "$target" "$mirror"
