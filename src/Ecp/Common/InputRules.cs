using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecp.Common;

/// <summary>
/// Marks a name or title (an organization's name, a person's display name, a consultation's
/// topic, a document's title...): besides the text rule it must show at least one visible character.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NameAttribute : Attribute;

/// <summary>
/// A secret (a password) is compared, never shown or stored as text: the text rule does not
/// apply, so a password chosen before the rule existed still logs in.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SecretAttribute : Attribute;

/// <summary>
/// The one input rule for every text, name and date a request binds, API and forms alike
/// (applied by <see cref="InputRulesEndpointFilter"/> and <see cref="InputRulesPageFilter"/>,
/// so a new use case gets it by binding a request). Refused in any text:
/// <list type="bullet">
/// <item>C0 controls other than tab, line feed and carriage return, DEL and C1 controls: invisible,
/// and U+0000 cannot be written in XML at all (it took the Atom feed down);</item>
/// <item>lone surrogates: not text, and no encoder can write them;</item>
/// <item>noncharacters (U+FDD0-U+FDEF and every U+xFFFE, U+xFFFF);</item>
/// <item>bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): a
/// stray one reverses what follows it wherever the text is shown without isolation (plain-text
/// exports, e-mail, feeds). Pages isolate every user text themselves (<c>&lt;bdi&gt;</c>), so no one
/// needs them. The marks U+200E, U+200F and U+061C are accepted: they have no scope, and
/// mixed Arabic and Latin text legitimately uses them.</item>
/// </list>
/// A name must contain a visible character: a letter, digit, punctuation or symbol (not only
/// spaces, zero-width or formatting characters, nor the blank "letters" such as U+3164).
/// A date must fall in [<see cref="EarliestDate"/>, <see cref="LatestDate"/>).
/// </summary>
public static class InputRules
{
    public const string ForbiddenCharacterKey = "Validation.ForbiddenCharacter";
    public const string NoVisibleCharacterKey = "Validation.NoVisibleCharacter";
    public const string DateOutOfRangeKey = "Validation.DateOutOfRange";

    public static readonly DateTime EarliestDate = new(1945, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestDate = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first character the rule refuses, as "U+XXXX", or null when the text is acceptable.</summary>
    public static string? ForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsSurrogate(c) || IsForbidden(codePoint))
            {
                return $"U+{codePoint:X4}";
            }
            if (IsNoncharacter(codePoint)) return $"U+{codePoint:X4}";
        }
        return null;
    }

    private static bool IsForbidden(int c)
        => (c < 0x20 && c is not ('\t' or '\n' or '\r'))
           || c is >= 0x7F and <= 0x9F
           || c is >= 0x202A and <= 0x202E
           || c is >= 0x2066 and <= 0x2069;

    private static bool IsNoncharacter(int c) => c is >= 0xFDD0 and <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;

    /// <summary>Letters, digits, punctuation and symbols are visible; spaces, marks on nothing,
    /// formatting characters (zero-width space, joiners, BOM) and the blank fillers are not.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (BlankLetters.Contains(rune.Value)) continue;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                    or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                    or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation
                    or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Characters classed as letters or symbols that draw nothing (Hangul fillers, the blank Braille pattern).</summary>
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    /// <summary>The rule for one text; null when it passes.</summary>
    public static FieldError? CheckText(string field, string? text, bool isName = false)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (ForbiddenCharacter(text) is { } forbidden) return new FieldError(field, ForbiddenCharacterKey, forbidden);
        // Blank names are the use case's "required"; here only names that look filled but show nothing.
        if (isName && !string.IsNullOrWhiteSpace(text) && !HasVisibleCharacter(text)) return new FieldError(field, NoVisibleCharacterKey);
        return null;
    }

    /// <summary>The rule for one instant; null when it passes. The default value means "not given" (the use case decides).</summary>
    public static FieldError? CheckDate(string field, DateTime utc)
        => utc == default || (utc >= EarliestDate && utc < LatestDate)
            ? null
            : new FieldError(field, DateOutOfRangeKey, EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                LatestDate.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>How field paths are spelled: as the JSON body names them (camelCase) or as a form does (C# names).</summary>
    public enum Naming { Json, Form }

    /// <summary>
    /// Checks every text, name and date reachable from <paramref name="value"/> (properties of
    /// records, nested records, lists and dictionaries) and adds the failures to <paramref name="errors"/>,
    /// each with its path ("paragraphs[2].text" for the API, "Input.Paragraphs[2].Text" for a form).
    /// </summary>
    public static void Check(object? value, string path, bool isName, Naming naming, List<FieldError> errors)
        => Walk(value, path, isName, naming, errors, depth: 0);

    /// <summary>Whether values of this type can hold a text or a date (so binding them is worth checking).</summary>
    public static bool IsChecked(Type type) => Plans.GetOrAdd(type, BuildPlan).Checked;

    private const int MaxDepth = 16;

    private static void Walk(object? value, string path, bool isName, Naming naming, List<FieldError> errors, int depth)
    {
        if (value is null || depth > MaxDepth) return;
        switch (value)
        {
            case string text:
                if (CheckText(path, text, isName) is { } e) errors.Add(e);
                return;
            case DateTimeOffset instant:
                if (instant != default && CheckDate(path, instant.UtcDateTime) is { } o) errors.Add(o);
                return;
            case DateTime time:
                if (CheckDate(path, time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time) is { } t) errors.Add(t);
                return;
            case DateOnly date:
                if (date != default && CheckDate(path, date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) is { } d) errors.Add(d);
                return;
            case IFormFile file:
                Walk(file.FileName, Join(path, naming == Naming.Json ? "fileName" : "FileName"), false, naming, errors, depth + 1);
                return;
        }
        var plan = Plans.GetOrAdd(value.GetType(), BuildPlan);
        if (!plan.Checked) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var at = $"{path}[{Convert.ToString(entry.Key, CultureInfo.InvariantCulture)}]";
                if (entry.Key is string key) Walk(key, at, false, naming, errors, depth + 1);
                Walk(entry.Value, at, isName, naming, errors, depth + 1);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", isName, naming, errors, depth + 1);
            return;
        }
        foreach (var p in plan.Properties)
        {
            Walk(p.Get(value), Join(path, naming == Naming.Json ? p.JsonName : p.Name), p.IsName, naming, errors, depth + 1);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed record Property(string Name, string JsonName, bool IsName, Func<object, object?> Get);

    private sealed record Plan(bool Checked, IReadOnlyList<Property> Properties);

    private static readonly ConcurrentDictionary<Type, Plan> Plans = new();

    private static readonly Plan Leaf = new(true, []);
    private static readonly Plan Skip = new(false, []);

    private static Plan BuildPlan(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly)
            || typeof(IFormFile).IsAssignableFrom(type))
        {
            return Leaf;
        }
        if (type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(decimal) || type == typeof(TimeSpan)) return Skip;
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = ElementType(type);
            return element is not null && IsChecked(element) ? new Plan(true, []) : Skip;
        }
        // Our own request records; not framework or service types.
        if (type.Namespace?.StartsWith("Ecp", StringComparison.Ordinal) != true) return Skip;
        // A type that contains itself is checked as far as MaxDepth; assume so while its plan is built.
        Plans.TryAdd(type, Leaf);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<SecretAttribute>() is null)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Where(p => IsChecked(p.PropertyType))
            .Select(p => new Property(p.Name, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.GetCustomAttribute<NameAttribute>() is not null, p.GetValue))
            .ToList();
        var plan = properties.Count > 0 ? new Plan(true, properties) : Skip;
        Plans[type] = plan;
        return plan;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var element = enumerable?.GetGenericArguments()[0];
        // Dictionaries: the values (string keys are checked too, by the walk).
        if (element is { IsGenericType: true } && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            var args = element.GetGenericArguments();
            return args[0] == typeof(string) ? typeof(string) : args[1];
        }
        return element;
    }
}
