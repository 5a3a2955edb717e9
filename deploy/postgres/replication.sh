#!/bin/sh
# Run once by the postgres image when it creates its data directory (docker-entrypoint-initdb.d): lets the compose
# network's replicas stream the WAL (profile `scale`, docs/scaling.md#read-replicas). The role is the superuser the
# image creates (POSTGRES_USER), which may replicate; the password is checked (scram-sha-256).
set -eu
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "${PGDATA}/pg_hba.conf"
