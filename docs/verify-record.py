#!/usr/bin/env python3
"""Verify a download of the ECP public record on your own, with nothing but Python 3.

    curl -s https://HOST/api/v1/record/download | python3 verify-record.py
    python3 verify-record.py ecp-record.ndjson

Prints "OK <n> entries, head <hash>" (compare the head with one published before), or
"BROKEN at <seq>: <reason>" and exits 1. The canonical form is specified in docs/record.md.
"""
import hashlib, json, sys

prev, seq = "0" * 64, 0
with open(sys.argv[1], "rb") if len(sys.argv) > 1 else sys.stdin.buffer as lines:
    for line in lines:
        if not line.strip():
            continue
        seq += 1
        try:
            entry = json.loads(line.decode("utf-8"))
            claimed = entry.pop("hash")
        except (ValueError, KeyError, AttributeError) as e:
            print(f"BROKEN at {seq}: not a record entry ({e})"); sys.exit(1)
        canonical = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        problem = (f"seq is {entry.get('seq')!r}, expected {seq}" if entry.get("seq") != seq
                   else "prev is not the previous entry's hash" if entry.get("prev") != prev
                   else "hash does not match the entry" if hashlib.sha256(canonical).hexdigest() != claimed else None)
        if problem:
            print(f"BROKEN at {seq}: {problem}"); sys.exit(1)
        prev = claimed
print(f"OK {seq} entries, head {prev}")
