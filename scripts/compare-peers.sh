#!/usr/bin/env bash
# Times how long pythonlings and pylings (from PyPI) take to check a failing
# exercise against `pykata check` on a failing kata, interleaved in one run,
# each as a ratio to a bare start of the real interpreter (`python -I -c
# pass`, the binary itself, not a pyenv shim). Repeat the comparison with:
#
#   cargo build --release && scripts/compare-peers.sh
#
# ROUNDS (default 15) sets the rounds; PYKATA the pykata binary (default
# target/release/pykata). Everything is installed into a scratch folder,
# removed at the end. Needs network access to PyPI.
set -euo pipefail

ROUNDS=${ROUNDS:-15}
here=$(cd "$(dirname "$0")/.." && pwd)
PYKATA=${PYKATA:-$here/target/release/pykata}
[ -x "$PYKATA" ] || { echo "no pykata binary at $PYKATA: run cargo build --release first" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The interpreter itself, never a shim: a shim is a shell script that costs
# more than Python's own start.
python=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))')
"$python" -m venv "$scratch/venv"
if ! "$scratch/venv/bin/pip" install -q pythonlings pylings; then
    echo "pythonlings or pylings did not install from PyPI; nothing to compare" >&2
    exit 1
fi
versions=$("$scratch/venv/bin/pip" list 2>/dev/null | grep -Ei '^(pythonlings|pylings) ' | tr -s ' ' | paste -sd, -)

cd "$scratch"
"$scratch/venv/bin/pythonlings" init --path pythonlings >/dev/null
"$scratch/venv/bin/pylings" init --path pylings >/dev/null
"$PYKATA" init pykata-ws >/dev/null

# Each checks an exercise as shipped, which fails: pythonlings' first
# variables exercise, pylings' first variables exercise, pykata's
# mutable-default kata (its starter).
pylings_file=$(cd pylings && ls exercises/01_variables/*.py | head -1)
"$python" - "$ROUNDS" "$python" "$scratch" "$PYKATA" "$pylings_file" "$versions" <<'PY'
import os, statistics, subprocess, sys, time

rounds, python, scratch, pykata, pylings_file, versions = sys.argv[1:]
venv = os.path.join(scratch, "venv", "bin")
commands = {
    "python -I -c pass (baseline)": ([python, "-I", "-c", "pass"], scratch),
    "pykata check mutable-default": (
        [pykata, "--python", python, "check", "mutable-default"],
        os.path.join(scratch, "pykata-ws"),
    ),
    "pythonlings dry-run variables1": (
        [os.path.join(venv, "pythonlings"), "dry-run", "variables1"],
        os.path.join(scratch, "pythonlings"),
    ),
    "pylings dry-run " + pylings_file: (
        [os.path.join(venv, "pylings"), "dry-run", pylings_file],
        os.path.join(scratch, "pylings"),
    ),
}
times = {name: [] for name in commands}
for name, (argv, cwd) in commands.items():
    # Each must run to an end (a failing exercise is a non-zero exit).
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
for _ in range(int(rounds)):
    for name, (argv, cwd) in commands.items():
        started = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        times[name].append(time.perf_counter() - started)
medians = {name: statistics.median(t) for name, t in times.items()}
base = medians["python -I -c pass (baseline)"]
print(f"{rounds} interleaved rounds; interpreter {python}; {versions}")
print("| what | median | ratio to a bare start | ratio to pykata |")
print("|---|---|---|---|")
pykata_time = medians["pykata check mutable-default"]
for name, m in medians.items():
    print(f"| {name} | {m * 1000:.1f} ms | {m / base:.2f} | {m / pykata_time:.2f} |")
PY
