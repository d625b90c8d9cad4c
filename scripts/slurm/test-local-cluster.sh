#!/usr/bin/env bash
# A real test of the Slurm scripts on a real Slurm: a throwaway single-node
# cluster on this machine. Installs Debian's slurm-wlm and munge when missing
# (root needed), starts munged, slurmctld and slurmd with a configuration in
# a temporary folder (own ports, own munge socket: nothing system-wide is
# touched), submits ingest-shard.sbatch as a 3-task array and merge.sbatch
# with an afterok dependency, waits for them (sbatch --wait), checks that the
# merged store exports byte for byte as a single-process ingest of the same
# corpus, then stops everything it started.
#
#   bash scripts/slurm/test-local-cluster.sh [GEOKG] [CORPUS...]
#
# Exit 0 on success, 1 on a failure, 77 when it cannot run here (not root
# and Slurm missing): CTest reports that as skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
geokg=$(realpath "${1:-build/tools/geokg}")
shift || true
corpus=("$@")
[ ${#corpus[@]} -gt 0 ] || corpus=("$root/samples/articles" "$root/samples/jsonl")
[ -x "$geokg" ] || { echo "test-local-cluster: no geokg binary at $geokg" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "test-local-cluster: SKIPPED: slurm-wlm and munge are not installed and this is not root" >&2
    exit 77
  fi
  echo "test-local-cluster: installing slurm-wlm and munge"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi
if [ "$(id -u)" != 0 ]; then
  echo "test-local-cluster: SKIPPED: starting slurmd needs root" >&2
  exit 77
fi

work=$(mktemp -d /tmp/geokg-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  set +e
  [ -n "${SLURM_CONF:-}" ] && scancel --quiet --user=root >/dev/null 2>&1
  for pidfile in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munged.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  sleep 1
  for pidfile in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munged.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

# munge: its own key, socket and files.
mkdir -p "$work/munge"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"

# A free pair of ports for slurmctld and slurmd.
port=$((20000 + RANDOM % 20000))
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
mkdir -p "$work/state" "$work/spool" "$work/logs"
cat >"$work/slurm.conf" <<CONF
ClusterName=geokgtest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"

# Wait for the node to come up.
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  sleep 1
done
if [ "$state" != idle ]; then
  echo "test-local-cluster: the node did not come up (state '${state:-none}')" >&2
  tail -20 "$work/logs/slurmctld.log" "$work/logs/slurmd.log" >&2 || true
  exit 1
fi
echo "test-local-cluster: cluster up on $host (ports $port, $((port + 1)))"

# The job settings, as a user would pass them.
shared="$work/shards"
store="$work/merged.db"
settings="ALL,GEOKG=$geokg,CORPUS=${corpus[*]},SHARED=$shared,SCRATCH=$work/scratch,STORE=$store,THREADS=1"
mkdir -p "$work/scratch"
cd "$work"
array=$(sbatch --parsable --array=0-2 --cpus-per-task=1 --mem=500M --export="$settings" \
  "$root/scripts/slurm/ingest-shard.sbatch")
echo "test-local-cluster: array job $array submitted"
sbatch --wait --dependency="afterok:$array" --mem=500M --export="$settings" \
  "$root/scripts/slurm/merge.sbatch" >/dev/null
for k in 0 1 2; do
  [ -d "$shared/shard-$k" ] || { echo "test-local-cluster: shard $k missing" >&2; cat "$work"/geokg-ingest-*.log >&2; exit 1; }
done
[ -d "$store" ] || { echo "test-local-cluster: no merged store" >&2; cat "$work"/geokg-merge-*.log >&2; exit 1; }

"$geokg" ingest --db "$work/single.db" --quiet "${corpus[@]}" || [ $? = 1 ]
"$geokg" export --db "$work/single.db" --format jsonl --all-modalities >"$work/single.jsonl"
"$geokg" export --db "$store" --format jsonl --all-modalities >"$work/merged.jsonl"
if ! cmp -s "$work/single.jsonl" "$work/merged.jsonl"; then
  echo "test-local-cluster: FAILED: the merged store's export differs from a single ingest" >&2
  diff "$work/single.jsonl" "$work/merged.jsonl" | head -20 >&2
  exit 1
fi
echo "test-local-cluster: OK: 3 shards on Slurm merged to the same export as one ingest ($(wc -l <"$work/merged.jsonl") relations)"
