using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Ecp.Features.Record;

/// <summary>
/// A C2SP signed note (c2sp.org/signed-note) with an Ed25519 signature, carrying a C2SP checkpoint
/// (c2sp.org/tlog-checkpoint): origin, tree size and base64 root hash, one a line.
/// </summary>
public static class SignedNote
{
    /// <summary>The signature type of Ed25519 in a note's key id and verifier key.</summary>
    private const byte Ed25519Type = 0x01;

    private const string SignaturePrefix = "\u2014 ";

    public static string CheckpointText(string origin, long size, ReadOnlySpan<byte> root)
        => $"{origin}\n{size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(root)}\n";

    /// <summary>SHA-256(name || 0x0A || 0x01 || public key), first four bytes.</summary>
    public static byte[] KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        var input = new List<byte>(Encoding.UTF8.GetBytes(name)) { 0x0A, Ed25519Type };
        input.AddRange(publicKey.ToArray());
        return SHA256.HashData(input.ToArray())[..4];
    }

    /// <summary>The verifier key: "name+hex(key id)+base64(0x01 || public key)".</summary>
    public static string VerifierKey(string name, ReadOnlySpan<byte> publicKey)
        => $"{name}+{Convert.ToHexStringLower(KeyId(name, publicKey))}+{Convert.ToBase64String([Ed25519Type, .. publicKey])}";

    public static string Sign(string text, string name, Key key)
    {
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(text));
        return $"{text}\n{SignaturePrefix}{name} {Convert.ToBase64String([.. KeyId(name, publicKey), .. signature])}\n";
    }

    /// <summary>The note's text when a signature by the verifier key verifies; null otherwise (a
    /// malformed note, no signature by that key, or a wrong one).</summary>
    public static string? Open(string note, string verifierKey)
    {
        if (ParseVerifierKey(verifierKey) is not var (name, keyId, publicKey)) return null;
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n')) return null;
        var text = note[..(split + 1)];
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal)) return null;
            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || parts[0] != name) continue;
            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                return null;
            }
            if (signature.Length != 4 + 64 || !signature.AsSpan(0, 4).SequenceEqual(keyId)) continue;
            var key = PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
            if (SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(text), signature.AsSpan(4))) return text;
        }
        return null;
    }

    /// <summary>Origin, size and root of a checkpoint's text; null when it is not one.</summary>
    public static (string Origin, long Size, byte[] Root)? ParseCheckpoint(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1] != "" || lines[0].Length == 0) return null;
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != lines[1]) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleTree.HashSize ? (lines[0], size, root) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static (string Name, byte[] KeyId, byte[] PublicKey)? ParseVerifierKey(string verifierKey)
    {
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3) return null;
        try
        {
            var keyId = Convert.FromHexString(parts[1]);
            var typed = Convert.FromBase64String(parts[2]);
            if (keyId.Length != 4 || typed.Length != 33 || typed[0] != Ed25519Type) return null;
            var publicKey = typed[1..];
            return KeyId(parts[0], publicKey).AsSpan().SequenceEqual(keyId) ? (parts[0], keyId, publicKey) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
