#!/usr/bin/env bash
# Issue 18's whole comparison in one command, on fresh seeds (drawn and printed by each part): the Matchingday against
# CP-SAT on 20 small days and on large days, and the allocation against LEMON's network simplex on both families.
#   swift build -c release --product masterplan
#   python3 -m venv /tmp/ortools-venv && /tmp/ortools-venv/bin/pip install ortools; sudo apt-get install liblemon-dev
#   BIN=.build/release/masterplan PY=/tmp/ortools-venv/bin/python bench/solvers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## Matchingday, 20 small days (40 × 60 × 8 rounds × 30 tables, 20 % absence)"
bash bench/matchingday_seeds.sh
echo
echo "## Matchingday, large days (150 × 250 × 12 rounds × 120 tables; CP-SAT stopped after ${LIMIT:-60} s)"
ARGS="--schools 150 --companies 250 --rounds 12 --tables 120" \
  SEEDS="${LARGE_SEEDS:-$(python3 -c 'import random; print(*random.SystemRandom().sample(range(1000, 10**6), 2))')}" \
  bash bench/matchingday_seeds.sh
echo
echo "## Allocation against LEMON"
RUNS=${RUNS:-3} bash bench/allocation_lemon.sh
