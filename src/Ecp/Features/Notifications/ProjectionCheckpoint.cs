namespace Ecp.Features.Notifications;

/// <summary>How far a projection has read the public record (the last sequence number it processed).</summary>
public sealed class ProjectionCheckpoint
{
    private ProjectionCheckpoint()
    {
        Name = null!;
    }

    internal ProjectionCheckpoint(string name, long lastSequence)
    {
        Name = name;
        LastSequence = lastSequence;
    }

    public string Name { get; private set; }

    public long LastSequence { get; private set; }
}
