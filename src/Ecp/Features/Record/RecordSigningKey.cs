using System.Text;
using Ecp.Data;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Ecp.Features.Record;

/// <summary>
/// The Ed25519 key that signs the record's checkpoints. It lives in a file named by
/// <see cref="TransparencyLogOptions.KeyPath"/>, made (readable by its owner only) the first time it
/// is needed, in the signed-note signer format "PRIVATE+KEY+name+keyid+base64(0x01 || seed)".
/// Never in the repository, the database or the record: only its public half is published.
/// </summary>
public sealed class RecordSigningKey(IOptions<TransparencyLogOptions> options, IOptions<EcpOptions> ecp) : IDisposable
{
    private readonly Lazy<Key> key = new(() => LoadOrCreate(PathOf(options.Value, ecp.Value), options.Value.Origin));

    public string Name => options.Value.Origin;

    public byte[] PublicKey => key.Value.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>"name+keyid+base64key", what a verifier (ours, docs/verify-record.py, any signed-note
    /// library) is given.</summary>
    public string VerifierKey => SignedNote.VerifierKey(Name, PublicKey);

    public string KeyId => Convert.ToHexStringLower(SignedNote.KeyId(Name, PublicKey));

    public string Sign(string text) => SignedNote.Sign(text, Name, key.Value);

    public static string PathOf(TransparencyLogOptions log, EcpOptions ecp)
    {
        if (!string.IsNullOrWhiteSpace(log.KeyPath)) return log.KeyPath;
        return Database.ProviderOf(ecp.Database) == DatabaseProvider.Sqlite
            ? ecp.Database + ".record-key"
            : "ecp.record-key";
    }

    private static Key LoadOrCreate(string path, string name)
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        if (!File.Exists(path))
        {
            using var created = Key.Create(SignatureAlgorithm.Ed25519, parameters);
            var seed = created.Export(KeyBlobFormat.RawPrivateKey);
            var keyId = Convert.ToHexStringLower(SignedNote.KeyId(name, created.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
            var text = $"PRIVATE+KEY+{name}+{keyId}+{Convert.ToBase64String([0x01, .. seed])}\n";
            try
            {
                var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using var stream = new FileStream(path, file);
                stream.Write(Encoding.ASCII.GetBytes(text));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node or host made it at the same moment: use theirs.
            }
        }
        var parts = File.ReadAllText(path).Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY")
        {
            throw new InvalidOperationException($"{path} is not a signing key (expected PRIVATE+KEY+name+keyid+key).");
        }
        var typed = Convert.FromBase64String(parts[4]);
        if (typed.Length != 33 || typed[0] != 0x01)
        {
            throw new InvalidOperationException($"{path} does not hold an Ed25519 key.");
        }
        return Key.Import(SignatureAlgorithm.Ed25519, typed.AsSpan(1), KeyBlobFormat.RawPrivateKey, parameters);
    }

    public void Dispose()
    {
        if (key.IsValueCreated) key.Value.Dispose();
    }
}
