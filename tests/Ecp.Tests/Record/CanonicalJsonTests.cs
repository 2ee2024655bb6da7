using System.Text.Json.Nodes;
using Ecp.Features.Record;
using Ecp.Features.Registry;

namespace Ecp.Tests.Record;

/// <summary>The form the record's hashes cover: equal to Python's
/// json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False).</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_NestedObjects_KeysSortedByCodeUnitNoWhitespace()
    {
        var json = JsonNode.Parse("""{ "b": 1, "a": { "d": [3, 2, {"z": true, "Z": false}], "c": null }, "A": "x", "_": "y" }""");

        Assert.Equal("""{"A":"x","_":"y","a":{"c":null,"d":[3,2,{"Z":false,"z":true}]},"b":1}""", CanonicalJson.Serialize(json));
    }

    [Fact]
    public void Serialize_ControlCharacters_ShortEscapesOrLowercaseU00XX()
    {
        var json = new JsonObject { ["s"] = "\u0000\u0001\u001b\u001f\b\f\n\r\t\"\\/\u007f" };

        Assert.Equal("{\"s\":\"\\u0000\\u0001\\u001b\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\"}", CanonicalJson.Serialize(json));
    }

    [Fact]
    public void Serialize_NonAscii_KeptLiterally()
    {
        const string text = "é — 中文 — عربي — Ассоциация — 🙂 — \u2028";

        Assert.Equal($"\"{text}\"", CanonicalJson.Serialize(JsonValue.Create(text)));
    }

    [Fact]
    public void Serialize_LoneSurrogate_ReplacementCharacter()
    {
        Assert.Equal("\"a\uFFFDb\"", CanonicalJson.Serialize(JsonValue.Create("a\uD800b")));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-7L, "-7")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Serialize_Integers_PlainDigits(long value, string expected)
    {
        Assert.Equal($"{{\"n\":{expected}}}", CanonicalJson.Serialize(new { n = value }));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0.1")]
    public void Serialize_Fraction_Throws(string number)
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonNode.Parse($"{{\"n\":{number}}}")));
    }

    [Fact]
    public void Serialize_FractionFromAnObject_Throws()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(new { amount = 12.5m }));
    }

    [Fact]
    public void Serialize_Payload_CamelCaseNamesKebabCaseEnumsNullsKept()
    {
        var id = Guid.Parse("0195a0b2-7c00-7000-8000-000000000001");

        var json = CanonicalJson.Serialize(new { AccreditationId = id, Kind = AccreditationKind.Delegate, Group = StakeholderGroup.CivilSociety, Note = (string?)null, Relevant = true });

        Assert.Equal("""{"accreditationId":"0195a0b2-7c00-7000-8000-000000000001","group":"civil-society","kind":"delegate","note":null,"relevant":true}""", json);
    }

    [Fact]
    public void Serialize_ParsedAgain_SameText()
    {
        var once = CanonicalJson.Serialize(new { name = "Ассоциация «Сеть» \"q\" \\ \t", list = new[] { 3, 1 } });

        Assert.Equal(once, CanonicalJson.Serialize(JsonNode.Parse(once)));
    }
}
