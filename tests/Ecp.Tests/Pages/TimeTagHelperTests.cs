using System.Globalization;
using System.Text.RegularExpressions;
using Ecp.Common;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Pages;

/// <summary>One helper writes every &lt;time&gt;: a datetime HTML accepts, the text in the page's language.</summary>
public sealed partial class TimeTagHelperTests(EcpFactory factory) : IClassFixture<EcpFactory>
{
    [Theory]
    [InlineData("2026-12-01T10:00:00.0000000+00:00", "2026-12-01T10:00:00Z")]
    [InlineData("2026-12-01T10:00:00.1234567+00:00", "2026-12-01T10:00:00.123Z")]
    [InlineData("2026-12-01T12:30:05.5000000+02:00", "2026-12-01T10:30:05.5Z")]
    public void MachineReadable_AnyInstant_IsUtcWithAtMostThreeFractionalDigits(string instant, string expected)
        => Assert.Equal(expected, TimeTagHelper.MachineReadable(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("en", "December 1, 2026 10:00")]
    [InlineData("fr", "1 décembre 2026 10:00")]
    [InlineData("zh", "2026年12月1日 10:00")]
    public void Visible_InThePageCulture_NamesTheMonthInItsLanguage(string culture, string expected)
    {
        var text = TimeTagHelper.Visible(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "minute", new CultureInfo(culture));
        Assert.StartsWith(expected, text);
        Assert.EndsWith(" UTC", text);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("ru")]
    [InlineData("es")]
    public void Visible_InEveryLanguage_IsTheGregorianDateWithoutWeekday(string culture)
    {
        var c = new CultureInfo(culture);
        var text = TimeTagHelper.Visible(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "date", c);
        Assert.Contains("2026", text);
        Assert.Contains(c.DateTimeFormat.MonthGenitiveNames[11], text); // "1 декабря"
        Assert.DoesNotContain(c.DateTimeFormat.GetDayName(DayOfWeek.Tuesday), text);
    }

    [Fact]
    public async Task RecordPage_EveryTimeElement_HasAValidDatetime()
    {
        await factory.People.SecretariatAsync(); // writes to the record
        foreach (var language in new[] { "en", "ar" })
        {
            var page = await factory.CreatePublicClient().GetPageAsync($"/record?culture={language}");
            var times = page.QuerySelectorAll("time");
            Assert.NotEmpty(times);
            Assert.All(times, t => Assert.Matches(ValidDatetime(), t.GetAttribute("datetime")));
            Assert.All(times, t => Assert.EndsWith("UTC", t.TextContent));
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")]
    private static partial Regex ValidDatetime();
}
