# Sourced by scripts/test and bench scripts: make sure a Docker engine answers `docker info` and a
# static busybox exists for the FROM-scratch test images. On a Debian machine without them, as root,
# install Debian's docker.io and busybox-static and start dockerd in the background.

sizebot_die() {
  echo "sizebot: $*" >&2
  exit 3
}

sizebot_is_debian_root() {
  [ -f /etc/debian_version ] && [ "$(id -u)" = 0 ]
}

sizebot_apt_install() {
  sizebot_is_debian_root || return 1
  echo "sizebot: installing $* from Debian's packages" >&2
  if [ ! -f /tmp/.sizebot-apt-updated ]; then
    apt-get update -qq >&2 && touch /tmp/.sizebot-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

sizebot_static_busybox() {
  for b in "${SIZEBOT_BUSYBOX:-}" /bin/busybox /usr/bin/busybox; do
    if [ -n "$b" ] && [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then
      echo "$b"
      return 0
    fi
  done
  return 1
}

sizebot_ensure_engine() {
  command -v docker >/dev/null 2>&1 || sizebot_apt_install docker.io ||
    sizebot_die "no docker client: install Docker (https://docs.docker.com/engine/install/) and retry"
  if ! docker info >/dev/null 2>&1; then
    if ! command -v dockerd >/dev/null 2>&1; then
      sizebot_apt_install docker.io ||
        sizebot_die "no Docker engine answers 'docker info': start one (or run as root on Debian so scripts/test can install docker.io)"
    fi
    sizebot_is_debian_root ||
      sizebot_die "no Docker engine answers 'docker info': start dockerd (or run as root on Debian so scripts/test can start it)"
    echo "sizebot: starting dockerd in the background (log: /tmp/sizebot-dockerd.log)" >&2
    setsid nohup dockerd >/tmp/sizebot-dockerd.log 2>&1 </dev/null &
    for _ in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      sleep 1
    done
    docker info >/dev/null 2>&1 ||
      sizebot_die "dockerd did not answer within 60 s; see /tmp/sizebot-dockerd.log"
  fi
  if ! sizebot_static_busybox >/dev/null; then
    sizebot_apt_install busybox-static ||
      sizebot_die "no static busybox for test images: install busybox-static (or set SIZEBOT_BUSYBOX)"
  fi
  SIZEBOT_BUSYBOX="$(sizebot_static_busybox)" || sizebot_die "busybox is not statically linked; install busybox-static"
  export SIZEBOT_BUSYBOX
}

# sizebot writes its pause program for amd64 and arm64 engines (docker.PauseProgram). On a Debian
# machine, as root, install qemu-user-static so the test runs the one for the other architecture.
sizebot_ensure_qemu_user() {
  local other
  case "$(uname -m)" in
    x86_64) other=aarch64 ;;
    aarch64) other=x86_64 ;;
    *) return 0 ;;
  esac
  [ -x "/usr/bin/qemu-$other-static" ] && return 0
  sizebot_apt_install qemu-user-static ||
    echo "sizebot: no /usr/bin/qemu-$other-static: the $other pause program is not run (install qemu-user-static)" >&2
}

# The PR comment's browser test screenshots a golden comment with headless Chromium. On a Debian
# machine, as root, install Debian's chromium (and a colour emoji font, so the headline's icons
# render); under CI=true the test fails without it rather than skipping.
sizebot_ensure_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    sizebot_apt_install chromium fonts-noto-color-emoji ||
    echo "sizebot: no chromium: the PR comment's browser test cannot run (install Debian's chromium)" >&2
}

# The action image's Dockerfile needs BuildKit: print the first docker client on PATH that has the
# buildx plugin, else one from 18.09 to 22.x whose `docker build` does BuildKit itself when
# DOCKER_BUILDKIT=1 (23.0 and later need buildx for that). Debian 12's docker.io is such a client.
sizebot_buildkit_docker() {
  local d major builtin=""
  for d in $(type -ap docker | awk '!seen[$0]++'); do
    if "$d" buildx version >/dev/null 2>&1; then
      echo "$d"
      return 0
    fi
    major="$("$d" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1)"
    if [ -z "$builtin" ] && [ "${major:-0}" -ge 18 ] 2>/dev/null && [ "$major" -lt 23 ]; then
      builtin="$d"
    fi
  done
  [ -n "$builtin" ] && echo "$builtin"
}
