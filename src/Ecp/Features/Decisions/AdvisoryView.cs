using Ecp.Features.Registry;

namespace Ecp.Features.Decisions;

public enum AdvisoryStance
{
    Support,
    Concerns,
    Oppose,
}

public sealed class AdvisoryView
{
    private AdvisoryView()
    {
        AuthorName = null!;
        Text = null!;
    }

    internal AdvisoryView(Guid decisionId, Guid authorId, string authorName, StakeholderGroup group, AdvisoryStance stance, string text, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DecisionId = decisionId;
        AuthorId = authorId;
        AuthorName = authorName;
        Group = group;
        Stance = stance;
        Text = text;
        StatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public StakeholderGroup Group { get; private set; }

    public AdvisoryStance Stance { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset StatedAt { get; private set; }
}
