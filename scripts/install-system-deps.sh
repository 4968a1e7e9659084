#!/usr/bin/env bash
# Installs what Lantern's local twin and tests need from the operating system (Debian/Ubuntu):
#   Java 17+ for DynamoDB Local, and Debian's Chromium (/usr/bin/chromium) for the browser
#   tests; --no-browser leaves Chromium out (backend work only).
# Idempotent: installs nothing that is already there. Run as root, or with sudo available.
#   bash scripts/install-system-deps.sh [--no-browser]
set -euo pipefail

want_browser=true
for argument in "$@"; do
  case "$argument" in
    --no-browser) want_browser=false ;;
    # The default now; still accepted so older instructions keep working.
    --browser) want_browser=true ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
minimum_java=17

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo --preserve-env=DEBIAN_FRONTEND)
else
  as_root=()
fi

java_major() {
  command -v java >/dev/null 2>&1 || { echo 0; return; }
  # `openjdk version "17.0.15"` -> 17; `java version "1.8.0_392"` -> 8
  java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -n 1 |
    awk '{ if ($1 == 1) print $2; else print $1 }'
}

apt_updated=false
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get not found: install $* with your system's package manager." >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ] && [ "${#as_root[@]}" -eq 0 ]; then
    echo "Installing $* needs root: run this script as root or install sudo." >&2
    exit 1
  fi
  if [ "$apt_updated" = false ]; then
    "${as_root[@]}" apt-get update -q
    apt_updated=true
  fi
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@"
}

current_java="$(java_major)"
if [ "${current_java:-0}" -ge "$minimum_java" ]; then
  echo "Java ${current_java} is installed (DynamoDB Local needs ${minimum_java}+)."
else
  echo "Installing Java ${minimum_java} for DynamoDB Local (found: ${current_java:-none})..."
  apt_install openjdk-17-jre-headless
  installed_java="$(java_major)"
  if [ "${installed_java:-0}" -lt "$minimum_java" ]; then
    echo "openjdk-17 is installed but \`java\` still runs Java ${installed_java:-none}: choose it with" >&2
    echo "  update-alternatives --config java" >&2
    exit 1
  fi
  echo "Java ${installed_java} installed."
fi

# The browser tests launch exactly this path (test/e2e/support/chromium-launch.ts).
chromium_path=/usr/bin/chromium
if [ "$want_browser" = true ]; then
  if [ -x "$chromium_path" ]; then
    echo "Chromium is installed: $chromium_path."
  else
    echo "Installing Debian's Chromium for the browser tests..."
    apt_install chromium
    if [ ! -x "$chromium_path" ]; then
      echo "The chromium package is installed but $chromium_path is missing: the browser tests need it there." >&2
      exit 1
    fi
    echo "Chromium installed: $chromium_path."
  fi
fi
