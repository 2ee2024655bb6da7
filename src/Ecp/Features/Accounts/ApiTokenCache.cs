using Microsoft.Extensions.Caching.Memory;

namespace Ecp.Features.Accounts;

/// <summary>
/// What a valid token stands for, kept by this node for <see cref="Lifetime"/> so that a burst of
/// API calls does not look the same token up on every request. A revocation on this node takes
/// effect at once; on the other nodes of a cluster within <see cref="Lifetime"/>
/// (docs/operations.md). Only the token's hash is used as the key; the secret is never kept.
/// </summary>
public sealed class ApiTokenCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public sealed record Entry(Guid TokenId, string AccountId, DateTimeOffset? LastUsedAt);

    public Entry? Find(string hash) => cache.TryGetValue(Key(hash), out Entry? entry) ? entry : null;

    public void Remember(string hash, Entry entry) => cache.Set(Key(hash), entry, Lifetime);

    public void Forget(string hash) => cache.Remove(Key(hash));

    private static string Key(string hash) => "api-token:" + hash;
}
