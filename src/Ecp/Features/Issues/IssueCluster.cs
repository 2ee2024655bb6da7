namespace Ecp.Features.Issues;

/// <summary>A cluster of the CSTD mapping (Infrastructure and standardization, Security...):
/// reference data, ordered as the mapping lists them.</summary>
public sealed class IssueCluster
{
    private IssueCluster()
    {
    }

    public IssueCluster(string code, int position, IssueNames names)
    {
        Code = code;
        Position = position;
        Names = names;
    }

    public string Code { get; private set; } = "";

    public int Position { get; private set; }

    public IssueNames Names { get; private set; } = new();
}
