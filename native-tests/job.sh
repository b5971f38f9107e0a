#!/bin/sh
# job.sh LOG SECONDS: a leaf job that appends "start NS" and "end NS" to LOG under flock, sleeping between.
log=$1
{ flock 9; echo "start $(date +%s%N)" >> "$log"; } 9>>"$log.lock"
sleep "$2"
{ flock 9; echo "end $(date +%s%N)" >> "$log"; } 9>>"$log.lock"
