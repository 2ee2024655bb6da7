#!/usr/bin/env python3
"""Verify the ECP public record on your own, with nothing but Python 3 (docs/record.md).

The hash chain of a download:
    curl -s https://HOST/api/v1/record/download | python3 verify-record.py
    python3 verify-record.py ecp-record.ndjson
  prints "OK <n> entries, head <hash>" (compare the head with one published before), or
  "BROKEN at <seq>: <reason>" and exits 1.

The transparency log (RFC 9162 Merkle tree, C2SP signed checkpoints, Ed25519):
    python3 verify-record.py root ecp-record.ndjson
      "OK <n> entries, root <base64>": the tree head of a download, to compare with a checkpoint.
    python3 verify-record.py checkpoint KEY checkpoint.txt
      the checkpoint's signature, with KEY the verifier key (name+keyid+base64) of GET /api/v1/record/key.
    python3 verify-record.py inclusion KEY checkpoint.txt proof.json entry.ndjson
      the entry (one line of the download) is in the signed tree (proof of GET /api/v1/record/proof/inclusion).
    python3 verify-record.py consistency KEY older.txt newer.txt proof.json
      the older signed tree is a prefix of the newer one (GET /api/v1/record/proof/consistency).
  each prints "OK ..." or "BAD: <reason>" and exits 1.
"""
import base64, hashlib, json, sys

# ---------------------------------------------------------------- hash chain ---

def verify_chain(lines):
    prev, seq = "0" * 64, 0
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

# ------------------------------------------------------- RFC 9162 Merkle tree ---

def leaf_hash(line):  # a line of the download, without its newline
    return hashlib.sha256(b"\x00" + line).digest()

def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()

def tree_root(leaves):
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(tree_root(leaves[:k]), tree_root(leaves[k:]))

def verify_inclusion(index, size, leaf, path, root):  # RFC 9162 2.1.3.2
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1; sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1; sn >>= 1
    return sn == 0 and r == root

def verify_consistency(first, second, first_root, second_root, proof):  # RFC 9162 2.1.4.2
    if first < 1 or first > second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if not proof:
        return False
    if first & (first - 1) == 0:
        proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1; sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1; sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1; sn >>= 1
    return fr == first_root and sr == second_root and sn == 0

# ------------------------------------------------------------ Ed25519 verify ---
# RFC 8032 section 5.1.7, in affine-free extended coordinates; verification only, no secrets.

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)

def _add(a, b):
    e1 = (a[1] - a[0]) * (b[1] - b[0]) % P
    e2 = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = e2 - e1, d - c, d + c, e2 + e1
    return (e * f % P, g * h % P, f * g % P, e * h % P)

def _mul(s, point):
    result = (0, 1, 1, 0)
    while s:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result

def _same(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0

def _point(data):
    y = int.from_bytes(data, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else (0, y, 1, 0)
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)

BASE = _point((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))

def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r = _point(public), _point(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    return _same(_mul(s, BASE), _add(r, _mul(h, a)))

# ----------------------------------------------- C2SP signed note, checkpoint ---

def open_checkpoint(verifier_key, note):
    """(origin, size, root) of a checkpoint signed by the verifier key, else exits with BAD."""
    name, key_id, key = verifier_key.split("+", 2)
    typed = base64.b64decode(key)
    if typed[0] != 1 or len(typed) != 33:
        bad("the verifier key is not an Ed25519 key")
    public = typed[1:]
    if hashlib.sha256(name.encode() + b"\n\x01" + public).digest()[:4].hex() != key_id:
        bad("the verifier key's id does not match its name and key")
    text, sep, signatures = note.rpartition("\n\n")
    if not sep or not note.endswith("\n"):
        bad("not a signed note")
    text += "\n"
    for line in signatures[:-1].split("\n"):
        signer, _, sig = line.removeprefix("\u2014 ").partition(" ")
        raw = base64.b64decode(sig)
        if signer == name and raw[:4].hex() == key_id and ed25519_verify(public, text.encode("utf-8"), raw[4:]):
            origin, size, root = text.split("\n")[:3]
            return origin, int(size), base64.b64decode(root)
    bad(f"no valid signature by {name}")

def bad(reason):
    print(f"BAD: {reason}"); sys.exit(1)

def read(path):
    with open(path, "rb") as f:
        return f.read()

def main(args):
    if not args or args[0] not in ("root", "checkpoint", "inclusion", "consistency"):
        with open(args[0], "rb") if args else sys.stdin.buffer as lines:
            verify_chain(lines)
        return
    verb, rest = args[0], args[1:]
    if verb == "root":
        leaves = [leaf_hash(l.rstrip(b"\n")) for l in read(rest[0]).split(b"\n") if l.strip()]
        print(f"OK {len(leaves)} entries, root {base64.b64encode(tree_root(leaves)).decode()}")
    elif verb == "checkpoint":
        origin, size, root = open_checkpoint(rest[0], read(rest[1]).decode("utf-8"))
        print(f"OK checkpoint of {origin}: {size} entries, root {base64.b64encode(root).decode()}")
    elif verb == "inclusion":
        _, size, root = open_checkpoint(rest[0], read(rest[1]).decode("utf-8"))
        proof = json.loads(read(rest[2]))
        line = read(rest[3]).rstrip(b"\n")
        entry = json.loads(line)["seq"]
        path = [base64.b64decode(h) for h in proof["path"]]
        if proof["size"] != size or not verify_inclusion(entry - 1, size, leaf_hash(line), path, root):
            bad(f"entry {entry} is not proven in the signed record of {size} entries")
        print(f"OK entry {entry} is in the signed record of {size} entries")
    else:
        _, first, first_root = open_checkpoint(rest[0], read(rest[1]).decode("utf-8"))
        _, second, second_root = open_checkpoint(rest[0], read(rest[2]).decode("utf-8"))
        proof = json.loads(read(rest[3]))
        hashes = [base64.b64decode(h) for h in proof["proof"]]
        if (proof["from"], proof["to"]) != (first, second) or not verify_consistency(first, second, first_root, second_root, hashes):
            bad(f"the signed record of {second} entries does not extend the one of {first}")
        print(f"OK the signed record of {second} entries extends the one of {first}")

if __name__ == "__main__":
    main(sys.argv[1:])
