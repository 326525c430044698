# Helpers every concern shares: messages, settings from pipeline.json, the run's directory,
# Maven, niceness, and reading the Ansible inventories. Sourced by ./pipeline.
# shellcheck shell=bash disable=SC2034 # the settings here are used by the other files ./pipeline sources

# Settings that are data (pipeline.json): the stage graph's names, the stages a non-release
# branch gets, the suites, the services with a database (migrations/<database>), the modules
# whose runnable jars make a release, and the environments `up` stands up, in order.
eval "$(jq -r '@sh "CHECK_STAGES=(\(.check_stages)) SUITES=(\(.suites | keys_unsorted)) DATABASES=(\(.databases))",
  @sh "RELEASE_MODULES=(\(.release_modules)) ENVIRONMENTS=(\(.environments))"' "$ROOT/pipeline.json")"
export CHECK_STAGES SUITES DATABASES RELEASE_MODULES ENVIRONMENTS
# Niceness of the Production Deploy's own work (the migration check, Ansible's rolling update):
# here one machine runs the controller and every instance, and a rollout must not take CPU
# from the instances that serve traffic meanwhile (see niced). The instances it starts get
# java_service_nice (0) all the same, once the rollout has health-gated them.
TOOL_NICE=19
PG_BIN=/usr/lib/postgresql/15/bin
# The checkout the build stages (unit, coverage, suites) build and test: this one, or a
# worktree of it named by TOLLGATE_BUILD_ROOT (how ./pipeline scenario runs a bad change
# through the release job). var/ and the inventories always come from this one.
BUILD="${TOLLGATE_BUILD_ROOT:-$ROOT}"
# The pipeline's Python helper (JUnit, HAProxy's show stat, YAML, the modules a change touches).
TOOL="$ROOT/lib/pipeline/pipeline_tool.py"

say() { printf '==> %s\n' "$*"; }
die() { printf 'pipeline: %s\n' "$*" >&2; exit 1; }

mvn_() { "$ROOT/mvnw" -B --no-transfer-progress "$@"; }

# The run this invocation belongs to: Jenkins passes BUILD_TAG, a local run makes its own;
# every stage of one invocation (and its children) records under var/runs/<run>/.
export TOLLGATE_RUN="${TOLLGATE_RUN:-${BUILD_TAG:-local-$(date -u +%Y%m%dT%H%M%SZ)}}"

# run_dir: var/runs/<run>/, created; prints its path.
run_dir() {
  mkdir -p "$VAR/runs/$TOLLGATE_RUN"
  printf '%s\n' "$VAR/runs/$TOLLGATE_RUN"
}

# niced N COMMAND [ARGS...]: COMMAND at niceness N (0-19); its exit status. Above 0 it runs in
# a session of its own whose autogroup gets niceness N as well: with autogroups on
# (/proc/sys/kernel/sched_autogroup_enabled, Debian's default), the kernel shares CPU between
# sessions first and applies a process's niceness only within its session, and every instance
# has a session of its own, so plain `nice` would not make the tool yield to the services
# (sched(7), "The autogroup feature"). INT and TERM are passed on to COMMAND.
niced() {
  local n="$1" pid rc; shift
  [ "$n" -gt 0 ] || { "$@"; return; }
  # shellcheck disable=SC2016 # the inner script's own $1 and $@
  setsid bash -c 'n=$1; shift; echo "$n" 2>/dev/null > /proc/self/autogroup; exec nice -n "$n" "$@"' \
    niced "$n" "$@" &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' INT TERM
  while true; do
    wait "$pid"; rc=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  trap - INT TERM
  return "$rc"
}

# check_inventory ENV: die unless ENV has an inventory (deploy/inventories/ENV) whose YAML files
# all parse; the error names the file, line and column. Ansible itself only warns about an
# inventory it cannot parse and plays against no hosts: deploy/ansible.cfg makes that an
# error too (any_unparsed_is_failed), for what YAML alone does not catch.
check_inventory() {
  local dir="$ROOT/deploy/inventories/$1" problem
  [ -d "$dir" ] || die "unknown environment '$1' (known: $(find "$ROOT/deploy/inventories" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' '))"
  problem=$(find "$dir" -name '*.yml' -print0 | sort -z | xargs -0 python3 "$TOOL" yaml-check 2>&1) ||
    die "malformed inventory of '$1': ${problem#"$ROOT/"} (nothing was changed)"
}

# inventory_json ENV: ENV's inventory as `ansible-inventory --list` prints it (JSON).
inventory_json() {
  check_inventory "$1"
  (cd "$ROOT/deploy" && ansible-inventory -i "inventories/$1" --list 2>/dev/null)
}

# inventory_var ENV NAME [HOST]: a variable of ENV's inventory as HOST sees it, e.g. its ports;
# HOST defaults to ENV's database host (group postgres): staging's mirror has a port of its own.
inventory_var() {
  inventory_json "$1" | jq -er --arg name "$2" --arg host "${3:-}" \
      '. as $inv | (if $host == "" then $inv.postgres.hosts[0] else $host end) as $h | $inv._meta.hostvars[$h][$name] // empty' ||
    die "inventory of '$1' has no variable '$2'${3:+ for host $3}"
}

# inventory_instances ENV: "host address:port" for every service instance of ENV.
inventory_instances() {
  inventory_json "$1" |
    jq -r '. as $inv | [$inv.services.children[]? as $g | $inv[$g].hosts[]?] | .[] |
      "\(.) \($inv._meta.hostvars[.].ansible_host):\($inv._meta.hostvars[.].java_service_port // 9000)"'
}

# public_url ENV: the URL of ENV's public HAProxy frontend (payments), e.g. http://127.0.0.1:8080.
public_url() {
  printf 'http://127.0.0.1:%s\n' "$(inventory_var "$1" haproxy_frontends | jq -r .payments)"
}

# jdbc_url ENV DATABASE: the JDBC URL of DATABASE in ENV's cluster (from the inventory).
jdbc_url() {
  printf 'jdbc:postgresql://127.0.0.1:%s/%s\n' "$(inventory_var "$1" postgres_port)" "$2"
}

# size_bytes SIZE: bytes in a size such as 500KB, 20MB or 1GB; dies naming a bad one.
size_bytes() {
  [[ "$1" =~ ^([0-9]+)(KB|MB|GB)$ ]] || die "'$1' is not a size such as 500KB, 20MB or 1GB"
  case "${BASH_REMATCH[2]}" in
    KB) echo $(( BASH_REMATCH[1] * 1024 )) ;;
    MB) echo $(( BASH_REMATCH[1] * 1024 * 1024 )) ;;
    GB) echo $(( BASH_REMATCH[1] * 1024 * 1024 * 1024 )) ;;
  esac
}

# size_arg COMMAND DEFAULT [ARGS...]: the SIZE of the one option `--size SIZE` in ARGS, or
# DEFAULT without it; dies naming COMMAND and any other option.
size_arg() {
  local command="$1" size="$2"
  shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --size) size="${2:?--size needs a value such as 20MB or 1GB}"; shift 2 ;;
      *) die "$command: unknown option '$1' (expected --size SIZE)" ;;
    esac
  done
  printf '%s\n' "$size"
}

# step RECORD START DESCRIPTION COMMAND...: one step of a stage (say what it does, run it); a
# failure records the stage RECORD as failed, prints what the rollout left in
# var/production/rollout-failure.txt if anything, and stops naming the stage and the step.
step() {
  local record="$1" start="$2" description="$3" label
  shift 3
  label=$(stage_label "$record")
  say "${label/#Production Deploy/Production}: $description"
  if ! "$@"; then
    record_stage "$record" failed "$start" "failed while $description"
    [ "$record" != production ] || cat "$VAR/production/rollout-failure.txt" 2>/dev/null || true
    die "$label failed while $description"
  fi
}

# stage_label RECORD: how messages name a stage record: "Staging Deploy", "Production Deploy".
stage_label() {
  case "$1" in
    staging) echo "Staging Deploy" ;;
    production) echo "Production Deploy" ;;
    *) echo "$1" ;;
  esac
}
