namespace Ecp.Features.Notifications;

/// <summary>
/// Who does a piece of cluster-wide work until when. A node takes it with one conditional UPDATE
/// (expired, or already its own), so among several app nodes exactly one sends the mail.
/// </summary>
public sealed class Lease
{
    private Lease()
    {
        Name = null!;
        Holder = null!;
    }

    internal Lease(string name, string holder, DateTimeOffset expiresAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
