using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ecp.Common;
using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Localization;

/// <summary>Every user-facing string exists, non-empty, in all six UN languages.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Root = Repository.Root;
    private static readonly string ResourceDir = Path.Combine(Root, "src", "Ecp", "Resources");

    public static TheoryData<string> OtherLanguages => new(Languages.All.Where(l => l != "en"));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Resources_EveryEnglishKey_IsTranslated(string language)
    {
        var english = Load("SharedResource.resx");
        var translated = Load($"SharedResource.{language}.resx");

        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        var extra = translated.Keys.Except(english.Keys).ToList();

        Assert.True(missing.Count == 0, $"{language} lacks {missing.Count} key(s): {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{language} has key(s) English does not: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Resources_Placeholders_MatchEnglish(string language)
    {
        var english = Load("SharedResource.resx");
        var translated = Load($"SharedResource.{language}.resx");
        var wrong = english.Where(e => translated.TryGetValue(e.Key, out var t) && !Placeholders(e.Value).SetEquals(Placeholders(t)))
            .Select(e => e.Key).ToList();
        Assert.True(wrong.Count == 0, $"{language}: placeholders differ from English in {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Sources_EveryKeyTheyName_ExistsInEnglish()
    {
        var english = Load("SharedResource.resx");
        var src = Path.Combine(Root, "src", "Ecp");
        var used = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in IndexerKey().Matches(text)) used.Add(m.Groups[1].Value);
            foreach (Match m in MessageKey().Matches(text)) used.Add(m.Groups[1].Value);
        }
        // A key ending in '.' is a prefix completed at run time; the next test covers those.
        var missing = used.Where(k => !k.EndsWith('.') && !english.ContainsKey(k)).Order().ToList();
        Assert.True(used.Count > 100, "the scan found almost no keys: the pattern is broken");
        Assert.True(missing.Count == 0, $"keys used in src/ but missing from SharedResource.resx: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Sources_KeysBuiltFromEnumsAndActions_ExistInEnglish()
    {
        var english = Load("SharedResource.resx");
        var expected = new List<string>();
        expected.AddRange(Enum.GetValues<Role>().Select(r => r.ResourceKey()));
        expected.AddRange(StakeholderGroups.All.Select(g => g.ResourceKey()));
        expected.AddRange(RegionalGroups.All.Select(g => g.ResourceKey()));
        expected.AddRange(Enum.GetValues<ConsultativeStatus>().Select(s => "ConsultativeStatus." + s));
        expected.AddRange(Enum.GetValues<AccreditationKind>().Select(s => "AccreditationKind." + s));
        expected.AddRange(Enum.GetValues<AccreditationStatus>().Select(s => "AccreditationStatus." + s));
        expected.AddRange(Enum.GetValues<Features.Drafts.DocumentKind>().Select(k => "DocumentKind." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Drafts.DocumentState>().Select(k => "DocumentState." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Drafts.AmendmentAction>().Select(k => "AmendmentAction." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Drafts.AmendmentStatus>().Select(k => "AmendmentStatus." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Drafts.ParagraphChange>().Select(k => "ParagraphChange." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Decisions.PositionKind>().Select(k => "PositionKind." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Decisions.AdvisoryStance>().Select(k => "AdvisoryStance." + k.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Decisions.DecisionOutcome>().Select(k => "DecisionOutcome." + k.ToCode()));
        // The Chair's decisions on amendments are recorded as amendment.accepted / .rejected / .merged.
        expected.AddRange(new[] { "accept", "reject", "merge" }.Select(d => "Amendment.Decision." + d));
        expected.AddRange(Enum.GetValues<Features.Drafts.AmendmentStatus>().Where(s => s != Features.Drafts.AmendmentStatus.Proposed)
            .Select(s => "Action.amendment." + s.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Consultations.ConsultationPhase>().Select(p => "ConsultationPhase." + p.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Consultations.Eligibility>().Select(e => "Eligibility." + e.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Consultations.QuestionType>().Select(t => "QuestionType." + t.ToCode()));
        expected.AddRange(Enum.GetValues<Features.Consultations.ModerationReason>().Select(r => "ModerationReason." + r.ToCode()));
        foreach (var kind in new[] { "delegate", "stakeholder", "reporter" })
        {
            expected.Add($"Accreditation.Kind.{kind}");
            expected.Add($"Accreditation.Kind.{kind}.Hint");
        }
        // Every action the use cases write on the record has a readable name.
        var src = Path.Combine(Root, "src", "Ecp", "Features");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in RecordAction().Matches(File.ReadAllText(file))) expected.Add("Action." + m.Groups[1].Value);
        }
        var missing = expected.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("es")]
    public void Localizer_CompiledSatelliteAssembly_ServesTheLanguage(string language)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var l = factory.Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            var name = l["App.Name"];
            Assert.False(name.ResourceNotFound);
            Assert.NotEqual(Load("SharedResource.resx")["App.Name"], name.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Placeholders(string s) => PlaceholderPattern().Matches(s).Select(m => m.Value).ToHashSet();

    private static Dictionary<string, string> Load(string file)
    {
        var path = Path.Combine(ResourceDir, file);
        Assert.True(File.Exists(path), $"{file} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [GeneratedRegex("""\bL\["([A-Za-z0-9_.]+)"[,\]]""")]
    private static partial Regex IndexerKey();

    // Message keys as string literals ("Consultation.NotOpen"), not XML doc references (cref="…").
    [GeneratedRegex("""(?<!cref=)["]((?:Error|Validation|Accreditation|Organization|ApiToken|Person|MemberState|Problem|Identity|Tokens|Common|LogIn|Document|Amendment|Decision|Drafts|Body|Consultation|Contribution)\.[A-Za-z0-9_.]+)["]""")]
    private static partial Regex MessageKey();

    [GeneratedRegex(@"record\.Append\([^,]+,\s*""([a-z.-]+)""")]
    private static partial Regex RecordAction();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
