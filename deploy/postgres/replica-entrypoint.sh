#!/bin/sh
# A streaming replica of the compose service `postgres` (profile `scale`, docs/scaling.md#read-replicas): on first
# start, a base backup of the primary with the standby settings written (-R); then PostgreSQL as a hot standby.
set -eu
PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h postgres -U "$PRIMARY_USER" -D "$PGDATA" -R -X stream; do
    echo "replica: the primary is not ready for a base backup yet; again in 2 s" >&2
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 0700 "$PGDATA"
fi
# hot_standby_feedback: long figure queries here are not cancelled by the primary's vacuum
exec postgres -D "$PGDATA" -c hot_standby=on -c hot_standby_feedback=on
