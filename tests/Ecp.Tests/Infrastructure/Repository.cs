namespace Ecp.Tests.Infrastructure;

/// <summary>The repository's files that tests read (sources, resources, docs, node_modules).</summary>
public static class Repository
{
    /// <summary>The repository's root (where Ecp.slnx is), found from the test binary's folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ecp.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Ecp.slnx above {AppContext.BaseDirectory}.");
    }
}
