using System.Text.RegularExpressions;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Architecture;

/// <summary>
/// The conventions of docs/architecture.md ("Where does X go"), checked over the whole source
/// tree, so the next feature copies one pattern: errors in one file per feature, record actions
/// as constants beside their entity, codes from one helper, features that register themselves.
/// </summary>
public sealed partial class StructureTests
{
    private static readonly string Src = Path.Combine(Repository.Root, "src", "Ecp");

    private static IEnumerable<(string Path, string Text)> Sources(string pattern = "*.cs")
        => Directory.EnumerateFiles(Src, pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (Path.GetRelativePath(Src, p), File.ReadAllText(p)));

    [Fact]
    public void Errors_NotFoundForbiddenConflict_ConstructedOnlyInTheFeaturesErrorFiles()
    {
        var inline = Sources()
            .Where(f => !f.Path.EndsWith("Errors.cs", StringComparison.Ordinal))
            .SelectMany(f => InlineError().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.Empty(inline);
    }

    [Fact]
    public void Errors_EachFeaturesErrors_DeriveFromTheKindsAndCarryAKnownMessage()
    {
        var resx = File.ReadAllText(Path.Combine(Src, "Resources", "SharedResource.resx"));
        var keys = Sources().Where(f => f.Path.EndsWith("Errors.cs", StringComparison.Ordinal))
            .SelectMany(f => ErrorKey().Matches(f.Text).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains($"<data name=\"{k}\"", resx, StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_NoHandWrittenEnumToCodeOrParser()
    {
        var hand = Sources()
            .Where(f => !f.Path.EndsWith($"Common{Path.DirectorySeparatorChar}Codes.cs", StringComparison.Ordinal))
            .SelectMany(f => HandCode().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.Empty(hand);
    }

    [Fact]
    public void RecordActions_WrittenOnlyAsTheFeaturesConstants()
    {
        var actions = Sources().Where(f => f.Path.EndsWith("Actions.cs", StringComparison.Ordinal))
            .SelectMany(f => ActionConstant().Matches(f.Text).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("contribution.submitted", actions);
        var literals = Sources("*.cs").Concat(Sources("*.cshtml"))
            .Where(f => !f.Path.EndsWith("Actions.cs", StringComparison.Ordinal))
            .SelectMany(f => StringLiteral().Matches(WithoutComments(f.Text)).Select(m => (f.Path, m.Groups[1].Value)))
            .Where(x => actions.Contains(x.Value))
            .Select(x => $"{x.Path}: \"{x.Value}\"")
            .ToList();
        Assert.Empty(literals);
    }

    [Fact]
    public void Features_EachRegistersAndMapsItself_CompositionRootOnlyCallsThem()
    {
        var root = File.ReadAllText(Path.Combine(Src, "EcpWeb.cs"));
        Assert.DoesNotMatch(FeatureRegistration(), root);
        foreach (var feature in Directory.GetDirectories(Path.Combine(Src, "Features"))
                     .Select(Path.GetFileName)
                     .Where(f => Directory.EnumerateFiles(Path.Combine(Src, "Features", f!), "*Api.cs").Any()))
        {
            var file = Path.Combine(Src, "Features", feature!, $"{feature}Feature.cs");
            Assert.True(File.Exists(file), $"{feature} has an API but no {feature}Feature.cs");
            var text = File.ReadAllText(file);
            Assert.Contains($"Add{feature}(", text, StringComparison.Ordinal);
            Assert.Contains($"Map{feature}(", text, StringComparison.Ordinal);
            Assert.Contains($"Add{feature}(", root, StringComparison.Ordinal);
            Assert.Contains($"Map{feature}(", root, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Api_WritesRequireATokenPerGroup_NotPerEndpoint()
    {
        var perEndpoint = Sources()
            .Where(f => f.Path.EndsWith("Api.cs", StringComparison.Ordinal))
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains(".RequireApiWriter()", StringComparison.Ordinal) && !l.Text.Contains("MapGroup(", StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Line}")
            .ToList();
        Assert.Empty(perEndpoint);
    }

    [Fact]
    public void Api_NoUntypedOutcome()
    {
        var untyped = Sources()
            .SelectMany(f => Untyped().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.Empty(untyped);
    }

    /// <summary>The code without its comment lines (a doc comment may quote an action as an example).</summary>
    private static string WithoutComments(string text)
        => string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    // new NotFoundError("..."), new ConflictError("code", ...), new ForbiddenError("...") written in place.
    [GeneratedRegex(@"new\s+(NotFound|Conflict|Forbidden)Error\(\s*[^)\s]")]
    private static partial Regex InlineError();

    [GeneratedRegex(@":\s*(?:NotFound|Conflict|Forbidden)Error\((?:""[a-z-]+"",\s*)?""([A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex ErrorKey();

    // A ToCode other than the generic one, or an enum parsed by its C# name from outside input.
    [GeneratedRegex(@"static\s+string\s+ToCode\s*\(|Enum\.(?:Try)?Parse\s*(?:<\w+>)?\s*\([^)]*ignoreCase")]
    private static partial Regex HandCode();

    [GeneratedRegex(@"const\s+string\s+\w+\s*=\s*""([a-z-]+\.[a-z-]+)""")]
    private static partial Regex ActionConstant();

    [GeneratedRegex(@"""([a-z-]+\.[a-z-]+)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"services\.Add(?:Scoped|Singleton|Transient)<Features\.")]
    private static partial Regex FeatureRegistration();

    [GeneratedRegex(@"ToUntyped(?:Problem|HttpResult)\(")]
    private static partial Regex Untyped();
}
