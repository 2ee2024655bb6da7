using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Ecp.BrowserTests.Infrastructure;

public sealed record AxeNode(string Html, string Target, string? FailureSummary);

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>
/// Runs axe-core in the page against WCAG 2.0/2.1 levels A and AA. The script comes from
/// <c>ECP_AXE_PATH</c>, else the repository's node_modules (npm ci at the repository root).
/// </summary>
public static class Axe
{
    private const string RunScript = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return JSON.stringify(result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ html: n.html, target: JSON.stringify(n.target), failureSummary: n.failureSummary })),
            })));
        }
        """;

    private static readonly Lazy<string> LazyScriptPath = new(FindScript);

    public static string ScriptPath => LazyScriptPath.Value;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }
        var json = await page.EvaluateAsync<string>(RunScript);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonSerializerOptions.Web) ?? [];
    }

    /// <summary>Fails the test with every violation, the rule's help and the offending elements.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await RunAsync(page);
        if (violations.Count > 0) Assert.Fail(await DescribeAsync(page, violations));
    }

    public static async Task<string> DescribeAsync(IPage page, IReadOnlyList<AxeViolation> violations)
    {
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        var text = new StringBuilder($"{violations.Count} WCAG 2 A/AA violation(s) on {page.Url} (lang={lang}):\n");
        foreach (var v in violations)
        {
            text.Append($"  [{v.Id}] ({v.Impact}) {v.Help} - {v.HelpUrl}\n");
            foreach (var node in v.Nodes.Take(3))
            {
                text.Append($"      at {node.Target}: {Shorten(node.Html)}\n");
                if (node.FailureSummary is { Length: > 0 } summary)
                {
                    text.Append("         ").Append(summary.Replace("\n", "\n         ")).Append('\n');
                }
            }
            if (v.Nodes.Count > 3) text.Append($"      ... and {v.Nodes.Count - 3} more element(s)\n");
        }
        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 300 ? html : html[..300] + "…";

    private static string FindScript()
    {
        if (Environment.GetEnvironmentVariable("ECP_AXE_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"ECP_AXE_PATH points to a missing file: {configured}");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ecp.slnx")))
            {
                var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
                return File.Exists(path) ? path : throw new FileNotFoundException($"axe-core is missing: run 'npm ci' in {dir.FullName}, or set ECP_AXE_PATH.", path);
            }
        }
        throw new FileNotFoundException($"No Ecp.slnx above {AppContext.BaseDirectory}: set ECP_AXE_PATH to axe.min.js.");
    }
}

/// <summary>Collects the violations of every page a journey visits, to report them all at once
/// after the journey has been checked step by step.</summary>
public sealed class AccessibilityLog
{
    private readonly List<string> reports = [];

    public async Task CheckAsync(IPage page)
    {
        var violations = await Axe.RunAsync(page);
        if (violations.Count > 0) reports.Add(await Axe.DescribeAsync(page, violations));
    }

    public void AssertNoViolations()
    {
        if (reports.Count > 0) Assert.Fail($"{reports.Count} page(s) of the journey are not accessible:\n" + string.Join('\n', reports));
    }
}
