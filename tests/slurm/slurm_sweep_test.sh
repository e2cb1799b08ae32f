#!/usr/bin/env bash
# The Slurm test (ctest label "slurm"): a single-node Slurm on this machine runs
# `linksim sweep --slurm --submit` and `linksim compare --slurm --submit` as real job arrays (both
# submitted at once); `linksim collect` must then give the same summary.json as the same sweep run
# locally, and the same compare verdicts (compare.json but for paths) as the same compare run locally.
#
#   tests/slurm/slurm_sweep_test.sh LINKSIM SOURCE_DIR
#
# It installs nothing (.ci/setup installs slurm-wlm and munge): it fails with a message if they
# are missing. Everything lives in one temporary folder: slurm.conf (this host, two free ports,
# so that a Slurm already configured on the machine, or another copy of this test, is not disturbed), state, logs, the study.
# munged is reused if one runs, else started (and then stopped). slurmctld and slurmd are always
# its own and are stopped on exit, also on failure (by the PIDs in their pid files).
set -euo pipefail

LINKSIM=${1:?usage: slurm_sweep_test.sh LINKSIM SOURCE_DIR}
SRC=${2:?usage: slurm_sweep_test.sh LINKSIM SOURCE_DIR}
SEEDS=3
CMP_SEEDS=2
WAIT_IDLE_S=60
WAIT_JOB_S=600

fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in munged munge unmunge slurmctld slurmd sbatch squeue sinfo scontrol python3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    fail "$tool not found: install Debian's slurm-wlm and munge (bash .ci/setup does: apt-get install --no-install-recommends slurm-wlm munge)"
done
export PATH="$PATH:/usr/sbin"
[ "$(id -u)" -eq 0 ] || fail "the single-node Slurm of this test runs as root (SlurmUser=root): run it as root"

T=$(mktemp -d /tmp/linksim-slurm-test.XXXXXX)
STARTED_MUNGED=""
show_logs() {
  for f in "$T"/log/*.log "$T"/study\ dir/slurm-*.out "$T"/compare\ dir/slurm-*.out; do
    [ -f "$f" ] || continue
    echo "---- $f (last 40 lines)" >&2
    tail -n 40 "$f" >&2
  done
}
stop_pidfile() { # stop_pidfile FILE NAME: SIGTERM, then SIGKILL after 10 s
  local f=$1 pid
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "[slurm test] $2 ($pid) ignored SIGTERM: SIGKILL" >&2
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  set +e
  [ "$rc" -ne 0 ] && show_logs
  stop_pidfile "$T/slurmd.pid" slurmd
  stop_pidfile "$T/slurmctld.pid" slurmctld
  [ -n "$STARTED_MUNGED" ] && stop_pidfile "$STARTED_MUNGED" munged
  if [ "$rc" -eq 0 ]; then rm -rf "$T"; else echo "[slurm test] kept $T for inspection" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- munge: reuse a running daemon, else start one (as the notes say; root needs --force)
MUNGE_SOCKET=/run/munge/munge.socket.2
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  echo "[slurm test] reusing the running munged"
else
  [ -f /etc/munge/munge.key ] || mungekey -c
  chown munge:munge /etc/munge/munge.key 2>/dev/null || true
  chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
  /usr/sbin/munged --force --pid-file="$T/munged.pid" --socket="$MUNGE_SOCKET" ||
    fail "munged did not start"
  STARTED_MUNGED="$T/munged.pid"
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge | grep -q Success || fail "munge -n | unmunge does not succeed"
fi

# ---- slurm.conf for this host (shared/notes/slurm-single-node.md), on two free ports
H=$(hostname -s)
read -r CTLD_PORT D_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("", 0))
print(*[x.getsockname()[1] for x in s])')
CPUS=$(nproc)
mkdir -p "$T/state" "$T/spool" "$T/log"
cat > "$T/slurm.conf" <<CONF
ClusterName=linksimtest
SlurmctldHost=$H
SlurmctldPort=$CTLD_PORT
SlurmdPort=$D_PORT
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/ctld.log
SlurmdLogFile=$T/log/d.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
AuthType=auth/munge
NodeName=$H CPUs=$CPUS State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/slurm.conf"

slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
state=""
for _ in $(seq $((WAIT_IDLE_S * 2))); do
  state=$(sinfo -h -n "$H" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "the node $H is not idle after ${WAIT_IDLE_S}s (sinfo: '${state}')"
echo "[slurm test] single-node Slurm up on $H"

# ---- the sweep and the compare as job arrays (folders with a blank: quoting is part of the test)
SCEN="$SRC/scenarios/quickstart.json"
VARIANT="$SRC/scenarios/quickstart-late-tax.json"
STUDY="$T/study dir"
CMP="$T/compare dir"
out=$("$LINKSIM" sweep "$SCEN" --seeds "$SEEDS" --slurm "$STUDY" --submit --no-exchanges-csv --quiet) ||
  fail "linksim sweep --slurm --submit failed"
JOB=$(printf '%s' "$out" | tail -n 1)
[[ "$JOB" =~ ^[0-9]+$ ]] || fail "linksim sweep --submit printed no job id: '$out'"
out=$("$LINKSIM" compare "$SCEN" "$VARIANT" --seeds "$CMP_SEEDS" --slurm "$CMP" --submit --no-exchanges-csv --quiet) ||
  fail "linksim compare --slurm --submit failed"
CJOB=$(printf '%s' "$out" | tail -n 1)
[[ "$CJOB" =~ ^[0-9]+$ ]] || fail "linksim compare --submit printed no job id: '$out'"
echo "[slurm test] submitted job arrays $JOB (sweep) and $CJOB (compare)"

finished=""
for _ in $(seq $((WAIT_JOB_S * 2))); do
  if [ -z "$(squeue -h -j "$JOB,$CJOB" -o %i 2>/dev/null)" ]; then finished=1; break; fi
  sleep 0.5
done
[ -n "$finished" ] || fail "jobs $JOB, $CJOB still in the queue after ${WAIT_JOB_S}s: $(squeue -j "$JOB,$CJOB")"

set +e
"$LINKSIM" collect "$STUDY" --quiet
collect_rc=$?
"$LINKSIM" sweep "$SCEN" --seeds "$SEEDS" --out "$T/local" --no-exchanges-csv --quiet
local_rc=$?
"$LINKSIM" collect "$CMP" --quiet
ccollect_rc=$?
"$LINKSIM" compare "$SCEN" "$VARIANT" --seeds "$CMP_SEEDS" --jobs 2 --out "$T/local compare" --no-exchanges-csv --quiet
clocal_rc=$?
set -e
[ "$collect_rc" -eq "$local_rc" ] || fail "collect exited $collect_rc, the local sweep $local_rc"
[ "$ccollect_rc" -eq "$clocal_rc" ] || fail "collect of the compare exited $ccollect_rc, the local compare $clocal_rc"

python3 - "$STUDY" "$T/local" "$JOB" "$SEEDS" <<'PY'
import json, os, sys
study, local, job, seeds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def load(p):
    with open(p) as f:
        return json.load(f)
m = load(os.path.join(study, "manifest.json"))
assert m["kind"] == "sweep", m["kind"]
assert m["slurm"]["job_id"] == job and m["slurm"]["submitted"] is True, m["slurm"]
assert os.path.isabs(m["linksim"]["path"]) and m["linksim"]["version"], m["linksim"]
assert len(m["runs"]) == seeds
for i, r in enumerate(m["runs"]):
    d = os.path.join(study, r["out"])
    assert os.path.isfile(os.path.join(d, "result.json")), f"task {i}: no result.json in {d}"
    assert os.path.isfile(os.path.join(d, "exit_code")), f"task {i}: no exit_code in {d}"
    log = os.path.join(study, f"slurm-{job}_{i}.out")
    assert os.path.isfile(log), f"task {i}: no Slurm output {log} (did it run under Slurm?)"
    res = load(os.path.join(d, "result.json"))
    assert res["run"]["seed"] == r["seed"], (res["run"]["seed"], r["seed"])
a, b = load(os.path.join(study, "summary.json")), load(os.path.join(local, "summary.json"))
for key in ("scenario", "file_sha256", "seeds", "exit_code", "figures"):
    assert a[key] == b[key], f"summary.json differs in {key}:\n{a[key]}\n{b[key]}"
assert len(a["runs"]) == len(b["runs"]) == seeds
for ra, rb in zip(a["runs"], b["runs"]):
    assert (ra["seed"], ra["exit_code"], ra["result"]) == (rb["seed"], rb["exit_code"], rb["result"]), (ra, rb)
assert a.keys() == b.keys(), (a.keys(), b.keys())
print(f"[slurm test] job {job}: {seeds} tasks ran under Slurm; collect's summary.json equals the local sweep's "
      f"({len(a['figures'])} figures, exit {a['exit_code']})")
PY

python3 - "$CMP" "$T/local compare" "$CJOB" "$CMP_SEEDS" <<'PY'
import json, os, sys
study, local, job, seeds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def load(p):
    with open(p) as f:
        return json.load(f)
m = load(os.path.join(study, "manifest.json"))
assert m["kind"] == "compare", m["kind"]
assert m["slurm"]["job_id"] == job and m["slurm"]["submitted"] is True, m["slurm"]
assert m["seeds"]["count"] == seeds and len(m["variants"]) == 1, (m["seeds"], m["variants"])
assert len(m["runs"]) == 2 * seeds
for i, r in enumerate(m["runs"]):
    d = os.path.join(study, r["out"])
    assert os.path.isfile(os.path.join(d, "result.json")), f"task {i}: no result.json in {d}"
    assert os.path.isfile(os.path.join(d, "exit_code")), f"task {i}: no exit_code in {d}"
    log = os.path.join(study, f"slurm-{job}_{i}.out")
    assert os.path.isfile(log), f"task {i}: no Slurm output {log} (did it run under Slurm?)"
a, b = load(os.path.join(study, "compare.json")), load(os.path.join(local, "compare.json"))
for key in ("seeds", "max_new_failures", "missing_results", "runs", "exit_code"):
    assert a[key] == b[key], f"compare.json differs in {key}:\n{a[key]}\n{b[key]}"
assert a["base"]["name"] == b["base"]["name"]
assert len(a["variants"]) == len(b["variants"]) == 1
for va, vb in zip(a["variants"], b["variants"]):
    for key in ("name", "pairs", "missing", "gate", "checks", "entities", "outcome_deltas", "latency_deltas"):
        assert va[key] == vb[key], f"compare.json's variant {va['name']} differs in {key}"
for f in ("compare.html", "junit.xml"):
    assert os.path.isfile(os.path.join(study, f)), f"collect wrote no {f}"
g = a["variants"][0]["gate"]
print(f"[slurm test] job {job}: {2 * seeds} compare tasks ran under Slurm; collect's compare.json has the local "
      f"compare's verdicts (gate passed {g['passed']}, exit {a['exit_code']})")
PY
