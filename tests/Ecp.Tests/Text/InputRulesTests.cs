using Ecp.Common;
using Ecp.Features.Accounts;
using Ecp.Features.Consultations;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;

namespace Ecp.Tests.Text;

/// <summary>The input rule itself (Common/InputRules.cs).</summary>
public sealed class InputRulesTests
{
    /// <summary>What the rule refuses in any text, with the code point it reports.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "a\0b", "U+0000" },
        { "\u001B[31mred", "U+001B" },
        { "bell\u0007", "U+0007" },
        { "form\u000Cfeed", "U+000C" },
        { "del\u007F", "U+007F" },
        { "next line\u0085", "U+0085" },
        { "c1\u009F", "U+009F" },
        { "org \u202E(QA)", "U+202E" },
        { "\u202Aembedded", "U+202A" },
        { "\u2066isolated\u2069", "U+2066" },
        { "end\u2069", "U+2069" },
        { "non\uFDD0char", "U+FDD0" },
        { "non\uFFFEchar", "U+FFFE" },
        { "non\uFFFFchar", "U+FFFF" },
        { "plane one \U0001FFFE", "U+1FFFE" },
        { "plane sixteen \U0010FFFF", "U+10FFFF" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ForbiddenCharacter_HostileText_NamesTheFirstRefusedCodePoint(string text, string expected)
        => Assert.Equal(expected, InputRules.ForbiddenCharacter(text));

    [Fact]
    public void ForbiddenCharacter_LoneSurrogates_Refused()
    {
        // Not theory data: xUnit re-encodes theory arguments, which turns a lone surrogate into U+FFFD.
        Assert.Equal("U+D800", InputRules.ForbiddenCharacter("lone \uD800 high"));
        Assert.Equal("U+DC00", InputRules.ForbiddenCharacter("lone \uDC00 low"));
        Assert.Equal("U+D83D", InputRules.ForbiddenCharacter("high at the end \uD83D"));
        Assert.Equal("U+DE00", InputRules.ForbiddenCharacter("swapped \uDE00\uD83D pair"));
        Assert.Null(InputRules.ForbiddenCharacter("a pair \uD83D\uDE00"));
    }

    [Theory]
    [InlineData("Plain text.")]
    [InlineData("Tabs\tand\r\nnew lines\nare text.")]
    [InlineData("مجموعة العمل (WGEC)\u200F")]
    [InlineData("left\u200Eright mark and Arabic letter mark \u061C")]
    [InlineData("中文 · Русский · Español · Français")]
    [InlineData("Emoji 👍🏽 and a flag 🇧🇷")]
    [InlineData("Markup <b>&amp; \"quotes\" ]]> stays text")]
    [InlineData("Zero\u200Bwidth and joiner\u200D and BOM\uFEFF are format characters, allowed inside text")]
    [InlineData("Line\u2028separator")]
    public void ForbiddenCharacter_OrdinaryText_IsNull(string text)
        => Assert.Null(InputRules.ForbiddenCharacter(text));

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData("\u00A0\u2003\u3000")]
    [InlineData("\u3164\u3164")]
    [InlineData("\u2800")]
    [InlineData("\u00AD")]
    [InlineData("\u0301")]
    public void HasVisibleCharacter_OnlyInvisibleCharacters_IsFalse(string text)
        => Assert.False(InputRules.HasVisibleCharacter(text));

    [Theory]
    [InlineData("A")]
    [InlineData("\u200B.")]
    [InlineData("٣")]
    [InlineData("中")]
    [InlineData("—")]
    [InlineData("€")]
    public void HasVisibleCharacter_OneVisibleCharacter_IsTrue(string text)
        => Assert.True(InputRules.HasVisibleCharacter(text));

    [Fact]
    public void Check_NameOfZeroWidthCharacters_RefusedAsInvisibleButBlankLeftToRequired()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new RegisterOrganization.Command { Name = "\u200B\u200B", Acronym = "   " }, "", false, InputRules.Naming.Json, errors);

        var error = Assert.Single(errors);
        Assert.Equal("name", error.Field);
        Assert.Equal(InputRules.NoVisibleCharacterKey, error.MessageKey);
    }

    [Fact]
    public void Check_InvisibleTextInAFieldThatIsNoName_Accepted()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new RequestAccreditation.Command { Motivation = "\u200B" }, "", false, InputRules.Naming.Json, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Check_NestedListOfRecords_NamesThePathAsTheJsonBodyAndAsTheForm()
    {
        var command = new DraftDocument.Command
        {
            Title = "On multilingualism",
            Paragraphs =
            [
                new DraftDocument.ParagraphInput { Kind = "operative", Text = "fine" },
                new DraftDocument.ParagraphInput { Kind = "operative", Text = "hidden \0 null", Cites = ["ok", "\u202E"] },
            ],
        };

        var json = new List<FieldError>();
        InputRules.Check(command, "", false, InputRules.Naming.Json, json);
        var form = new List<FieldError>();
        InputRules.Check(command, "Input", false, InputRules.Naming.Form, form);

        Assert.Equal(["paragraphs[1].text", "paragraphs[1].cites[1]"], json.Select(e => e.Field));
        Assert.Equal(["Input.Paragraphs[1].Text", "Input.Paragraphs[1].Cites[1]"], form.Select(e => e.Field));
        Assert.All(json, e => Assert.Equal(InputRules.ForbiddenCharacterKey, e.MessageKey));
        Assert.Equal(["U+0000"], json[0].Args);
    }

    [Fact]
    public void Check_OptionsOfATypedQuestion_EachMustBeVisible()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new DraftConsultation.Command
        {
            Topic = "Topic",
            QuestionDefinitions = [new DraftConsultation.QuestionInput { Text = "Pick one", Type = "single-choice", Options = ["Yes", "\u2060"] }],
        }, "", false, InputRules.Naming.Json, errors);

        Assert.Equal("questionDefinitions[0].options[1]", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_DictionaryOfAnswers_NamesTheKeyAsModelBindingDoes()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new Dictionary<int, string> { [1] = "fine", [3] = "esc \u001B" }, "Answers", false, InputRules.Naming.Form, errors);
        Assert.Equal("Answers[3]", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData(9999, 1, 1, false)]
    [InlineData(1944, 12, 31, false)]
    [InlineData(2200, 1, 1, false)]
    [InlineData(1945, 1, 1, true)]
    [InlineData(2199, 12, 31, true)]
    [InlineData(2026, 3, 1, true)]
    public void Check_Dates_OnlyFrom1945To2199(int year, int month, int day, bool accepted)
    {
        var errors = new List<FieldError>();
        InputRules.Check(new ExtendConsultation.Command { ClosesAt = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero), Reason = "More time." },
            "", false, InputRules.Naming.Json, errors);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(("closesAt", InputRules.DateOutOfRangeKey), (error.Field, error.MessageKey));
            Assert.Equal(["1945-01-01", "2199-12-31"], error.Args);
        }
    }

    [Fact]
    public void Check_Password_IsASecretAndNotChecked()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new SignUp.Command { DisplayName = "Ada", Email = "ada@test.example", Password = "pass\u0000word\u202E" }, "", false, InputRules.Naming.Json, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Check_AttachmentBytes_AreNotWalked()
    {
        var errors = new List<FieldError>();
        InputRules.Check(new SubmitContribution.Command { Language = "en", Attachments = [new AttachmentUpload("note\u202Efdp.exe", "application/pdf", new byte[1_000_000])] },
            "", false, InputRules.Naming.Json, errors);
        // Bound commands never carry attachments (they come from IFormFile, checked by name); the bytes are no text.
        Assert.Empty(errors);
    }
}
