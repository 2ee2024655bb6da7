using System.Security.Cryptography;
using System.Text;

namespace Ecp.Features.Accounts;

/// <summary>
/// A personal API token. Only its SHA-256 is stored; the secret is shown once, at creation.
/// Tokens are 256 random bits, so a plain hash (no salt, no stretching) cannot be brute-forced.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "ecp_";
    public const int NameMaxLength = 80;

    private ApiToken()
    {
        AccountId = null!;
        Name = null!;
        Hash = null!;
        Hint = null!;
    }

    public Guid Id { get; private set; }

    public string AccountId { get; private set; }

    public string Name { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The last four characters, so a user can tell tokens apart.</summary>
    public string Hint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (ApiToken Token, string Secret) Issue(string accountId, string name, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            Name = name.Trim(),
            Hash = HashOf(secret),
            Hint = secret[^4..],
            CreatedAt = now,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
