#!/usr/bin/env bash
# Usage: kill-after-checkpoint.sh CKPT_DIR COMMAND...
# Runs COMMAND in the background and kills it with SIGKILL as soon as a
# checkpoint appears in CKPT_DIR (or after 60 s). Succeeds whether or not the
# command had finished by then; the test checks what a rerun produces.
set -u
dir=$1
shift
"$@" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if compgen -G "$dir/*.ckpt.safetensors" > /dev/null; then
    break
  fi
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.1
done
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
exit 0
