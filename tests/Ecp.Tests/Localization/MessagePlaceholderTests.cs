using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ecp.Common;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Localization;

/// <summary>
/// A localized message formatted with fewer arguments than its placeholders throws (a 500 for the
/// user until SafeLocalizer, a message with "{0}" in it since). These tests hold every message
/// against every place in src/ that formats it: the error records, Validation.Add, the localizer's
/// indexer in C# and Razor, and helpers such as <c>Invalid("Key", args)</c>.
/// </summary>
public sealed partial class MessagePlaceholderTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Resources_EveryLanguage_HasTheSamePlaceholdersAndFormats()
    {
        var english = Load("SharedResource.resx");
        var wrong = new List<string>();
        foreach (var language in Languages.All)
        {
            var messages = language == "en" ? english : Load($"SharedResource.{language}.resx");
            foreach (var (key, value) in messages)
            {
                var expected = Placeholders(english.GetValueOrDefault(key, ""));
                var actual = Placeholders(value);
                if (!actual.SetEquals(expected)) wrong.Add($"{language} {key}: {{{string.Join(",", actual)}}} vs English {{{string.Join(",", expected)}}}");
                // The template is a valid format string for as many arguments as its highest placeholder
                // asks (what every caller must pass). A sentence may leave one out ({1} without {0}: the
                // activity line of a registration names the person, not the actor), as long as every
                // language leaves out the same.
                var count = ArgumentCount(value);
                try { _ = string.Format(CultureInfo.InvariantCulture, value, Enumerable.Repeat<object>("x", count).ToArray()); }
                catch (FormatException) { wrong.Add($"{language} {key}: not a valid format string: {value}"); }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Sources_EveryPlaceThatFormatsAMessage_PassesItsArguments()
    {
        var wrong = Scan(Path.Combine(Root, "src", "Ecp"), out var checkedUses);
        Assert.True(checkedUses > 150, $"the scan checked only {checkedUses} uses: the pattern is broken");
        Assert.True(wrong.Count == 0, $"{wrong.Count} message use(s) pass the wrong number of arguments:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Scan_AConflictErrorWithoutItsArgument_IsFound()
    {
        // The bug of issue 8 (finding 3), as it was: the scan must see it.
        var dir = Directory.CreateTempSubdirectory("ecp-scan-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Bad.cs"), """
                if (closed) return new ConflictError("consultation-closed", "Contribution.ConsultationClosed");
                check.Add(nameof(Command.Questions), "Validation.TooLong");
                var ok = L["Compare.Title", Model.From, Model.To];
                """);
            File.WriteAllText(Path.Combine(dir.FullName, "Bad.cshtml"), """<h1>@L["Compare.Title", Model.From]</h1><p>@L["Document.Text"]</p>""");
            var wrong = Scan(dir.FullName, out var uses);
            Assert.Equal(5, uses);
            Assert.Equal(4, wrong.Count);
            Assert.Contains(wrong, w => w.Contains("Contribution.ConsultationClosed"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void SafeLocalizer_MessageMissingItsArgument_ReadsWithoutThrowing()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var l = new SafeLocalizer(factory, NullLogger<SafeLocalizer>.Instance);
        var formatted = l["Contribution.ConsultationClosed", "2026-03-01T10:00:00.000Z"];
        Assert.Contains("2026-03-01T10:00:00.000Z", formatted.Value);
        var unformatted = l["Contribution.ConsultationClosed", []];
        Assert.False(unformatted.ResourceNotFound);
        Assert.Contains("UTC", unformatted.Value);
    }

    /// <summary>Every string literal naming a message, with the arguments that follow it in the
    /// same call or indexer. A message with placeholders must get exactly that many wherever it
    /// is named; a message without any must get none from an indexer. A literal prefix
    /// (<c>L["QuestionType." + t]</c>, <c>$"Problem.Title.{status}"</c>) stands for every key it starts.</summary>
    private static List<string> Scan(string dir, out int checkedUses)
    {
        var english = Load("SharedResource.resx");
        var wrong = new List<string>();
        checkedUses = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyLiteral().Matches(text))
            {
                var literal = m.Groups["key"].Value;
                var prefix = m.Groups["hole"].Success || text.AsSpan(m.Index + m.Length).TrimStart().StartsWith("+");
                var keys = prefix ? english.Keys.Where(k => k.StartsWith(literal, StringComparison.Ordinal) && k.Length > literal.Length).ToList()
                    : english.ContainsKey(literal) ? [literal] : [];
                if (keys.Count == 0) continue;
                var opener = text.AsSpan(0, m.Index).TrimEnd() is { Length: > 0 } before ? before[^1] : ' ';
                // A key assigned, compared with or chosen as a value (= "Key", == "Key", : "Key";) is named, not formatted.
                if (opener == '=' || text.AsSpan(m.Index + m.Length).TrimStart().StartsWith(";")) continue;
                var given = ArgumentsAfter(text, m.Index + m.Length);
                foreach (var key in keys)
                {
                    var needed = ArgumentCount(english[key]);
                    // A message without placeholders is only checked where it is surely being formatted.
                    if (needed == 0 && opener != '[') continue;
                    checkedUses++;
                    if (given != needed)
                    {
                        var line = text.AsSpan(0, m.Index).Count('\n') + 1;
                        wrong.Add($"{Path.GetRelativePath(dir, file)}:{line}: {key} needs {needed} argument(s), gets {(given < 0 ? "an unreadable list" : given)}");
                    }
                }
            }
        }
        return wrong;
    }

    /// <summary>The number of arguments after position <paramref name="i"/> (just past the key)
    /// up to the call's closing bracket; -1 when the text is not an argument list.</summary>
    private static int ArgumentsAfter(string text, int i)
    {
        var depth = 0;
        var count = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    i = SkipString(text, i);
                    continue;
                case '\'':
                    i = text.IndexOf('\'', i + (text[i + 1] == '\\' ? 3 : 2));
                    if (i < 0) return -1;
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    continue;
                case ')' or ']' or '}':
                    if (depth-- == 0) return count;
                    continue;
                case ',' when depth == 0:
                    count++;
                    continue;
                case ';' when depth == 0:
                    return -1;
                default:
                    continue;
            }
        }
        return -1;
    }

    /// <summary>The index of the closing quote of a regular, verbatim or interpolated string at <paramref name="i"/>.</summary>
    private static int SkipString(string text, int i)
    {
        var verbatim = i > 0 && (text[i - 1] == '@' || (i > 1 && text[i - 1] == '$' && text[i - 2] == '@'));
        var interpolated = i > 0 && (text[i - 1] == '$' || (i > 1 && text[i - 1] == '@' && text[i - 2] == '$'));
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '\\' && !verbatim) { j++; continue; }
            if (c == '"') return j;
            if (c == '{' && interpolated)
            {
                if (j + 1 < text.Length && text[j + 1] == '{') { j++; continue; }
                // An interpolation hole: code, which may hold strings of its own.
                for (var depth = 1; depth > 0 && ++j < text.Length;)
                {
                    if (text[j] == '"') j = SkipString(text, j);
                    else if (text[j] == '{') depth++;
                    else if (text[j] == '}') depth--;
                }
            }
        }
        return text.Length - 1;
    }

    private static int ArgumentCount(string template)
        => Placeholders(template) is { Count: > 0 } p ? p.Max() + 1 : 0;

    private static HashSet<int> Placeholders(string s)
        => Placeholder().Matches(s.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    private static Dictionary<string, string> Load(string file)
        => XDocument.Load(Path.Combine(Root, "src", "Ecp", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    // "Key.Name" as a literal, or $"Key.Prefix.{hole}" (an interpolated key: the prefix is checked).
    [GeneratedRegex("""(?<!cref=)(?:\$"(?<key>[A-Z][A-Za-z0-9_]*\.(?:[A-Za-z0-9_]+\.)*)(?<hole>\{)[^"]*"|"(?<key>[A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_.]+)")""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^{}]*)?\}")]
    private static partial Regex Placeholder();
}
