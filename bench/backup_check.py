#!/usr/bin/env python3
"""Checks a restored backup against the writes acknowledged while it was taken (issue 14): every organisation's
district in the restored database must be its last write acknowledged before the backup started, or a write
acknowledged after that; never an older value, never a lost acknowledged write.
  bench/backup_check.py RESTORED.sqlite ACK_LOG BACKUP_START_EPOCH"""
import sqlite3, sys

db, log, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
acks = {}
for line in open(log):
    org, value, at = line.rstrip("\n").split("\t")
    acks.setdefault(org, []).append((float(at), value))
rows = dict(sqlite3.connect(db).execute("SELECT id, district FROM organizations"))
checked = 0
for org, writes in acks.items():
    writes.sort()
    before = [v for at, v in writes if at < start]
    if not before:
        continue
    allowed = {before[-1]} | {v for at, v in writes if at >= start}
    assert rows.get(org) in allowed, f"{org}: restored {rows.get(org)!r}, last acknowledged before the backup {before[-1]!r}"
    checked += 1
assert checked > 0, "no write was acknowledged before the backup started"
print(f"Backup during write load: {checked} organisations hold their last acknowledged write (or a later one)")
