using Ecp.Common;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;

namespace Ecp.Tests.Drafts;

/// <summary>The rules of <see cref="OutcomeDocument"/>, <see cref="Amendment"/>, <see cref="VersionDiff"/>
/// and <see cref="DocumentSymbol"/>, without a database.</summary>
public sealed class DraftRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 10, 0, 0, TimeSpan.Zero);

    private static readonly Actor Brazil = new(Guid.NewGuid(), "brazil", "Delegate of Brazil", Role.Delegate, StakeholderGroup.Government, "BRA");

    private static readonly Actor CivilSociety = new(Guid.NewGuid(), "cs", "Civil society", Role.Stakeholder, StakeholderGroup.CivilSociety);

    // ------------------------------------------------------------------ versions and amendments ---

    [Fact]
    public void CirculateNextVersion_AcceptedAndMergedAmendments_AppliedInProposalOrderAndRecordedAsIncorporated()
    {
        var document = Draft("one", "two", "three", "four");
        var v1 = document.Current;
        // Proposed in this order; decided in another order: proposal order wins.
        var replace3 = Propose(document, "3", AmendmentAction.Replace, "three, amended", minutes: 1);
        var insertAfter2 = Propose(document, "2", AmendmentAction.InsertAfter, "two and a half", minutes: 2);
        var delete4 = Propose(document, "4", AmendmentAction.Delete, null, minutes: 3);
        var merged1 = Propose(document, "1", AmendmentAction.Replace, "one, as proposed", minutes: 4);
        var rejected2 = Propose(document, "2", AmendmentAction.Replace, "two, rejected", minutes: 5);
        Decide(merged1, AmendmentStatus.Merged, "one, as merged by the Chair");
        Decide(delete4, AmendmentStatus.Accepted);
        Decide(insertAfter2, AmendmentStatus.Accepted);
        Decide(replace3, AmendmentStatus.Accepted);
        Decide(rejected2, AmendmentStatus.Rejected);

        var result = document.CirculateNextVersion("second draft", [rejected2, merged1, delete4, insertAfter2, replace3], Now.AddDays(1));

        Assert.True(result.IsSuccess);
        var v2 = result.Value;
        Assert.Equal(2, v2.Number);
        Assert.Equal("second draft", v2.Label);
        Assert.Same(v2, document.Current);
        Assert.Equal(["one, as merged by the Chair", "two", "two and a half", "three, amended"], Texts(v2));
        Assert.Equal(["1", "2", "3", "4"], v2.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Number).ToArray());
        Assert.Equal(new[] { replace3.Id, insertAfter2.Id, delete4.Id, merged1.Id }.Order(), v2.IncorporatedAmendmentIds.Order());
        Assert.All([replace3, insertAfter2, delete4, merged1], a => Assert.Equal(2, a.IncorporatedInVersion));
        Assert.Null(rejected2.IncorporatedInVersion);
        // The same paragraph across versions, however renumbered.
        Assert.Equal(v1.Find("3")!.Key, v2.Find("4")!.Key);
        Assert.DoesNotContain(v1.Find("4")!.Key, v2.Paragraphs.Select(p => p.Key));
    }

    [Fact]
    public void CirculateNextVersion_TwoReplacementsOfOneParagraph_TheLaterProposalStands()
    {
        var document = Draft("one", "two");
        var first = Propose(document, "2", AmendmentAction.Replace, "two, first proposal", minutes: 1);
        var second = Propose(document, "2", AmendmentAction.Replace, "two, second proposal", minutes: 2);
        Decide(second, AmendmentStatus.Accepted);
        Decide(first, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [second, first], Now.AddDays(1)).Value;

        Assert.Equal(["one", "two, second proposal"], Texts(v2));
    }

    [Fact]
    public void CirculateNextVersion_TwoInsertionsAfterOneParagraph_InsertedInProposalOrder()
    {
        var document = Draft("one", "two", "three");
        var first = Propose(document, "1", AmendmentAction.InsertAfter, "inserted first", minutes: 1);
        var second = Propose(document, "1", AmendmentAction.InsertAfter, "inserted second", minutes: 2);
        Decide(first, AmendmentStatus.Accepted);
        Decide(second, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [first, second], Now.AddDays(1)).Value;

        Assert.Equal(["one", "inserted first", "inserted second", "two", "three"], Texts(v2));
    }

    [Fact]
    public void CirculateNextVersion_InsertAfterSubItem_NewSubItemLettered()
    {
        var document = OutcomeDocument.Draft(DocumentKind.Opinion, "Sub-items", "A/RES/99/1", null, "", "en", "first draft",
        [
            new ParagraphDraft(ParagraphKind.Operative, 0, "invites:", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "governments", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "all stakeholders", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "decides to remain seized.", []),
        ], Now).Value;
        var insert = Propose(document, "1(a)", AmendmentAction.InsertAfter, "intergovernmental organizations", minutes: 1);
        Decide(insert, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [insert], Now.AddDays(1)).Value;

        Assert.Equal(["1", "1(a)", "1(b)", "1(c)", "2"], v2.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Number).ToArray());
        Assert.Equal("intergovernmental organizations", v2.Find("1(b)")!.Text);
        Assert.Equal(1, v2.Find("1(b)")!.Level);
    }

    [Fact]
    public void CirculateNextVersion_ParagraphWithSubItemsDeleted_SubItemsGoWithIt()
    {
        var document = OutcomeDocument.Draft(DocumentKind.Opinion, "Sub-items", "A/RES/99/3", null, "", "en", "first draft",
        [
            new ParagraphDraft(ParagraphKind.Operative, 0, "decides to remain seized.", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "invites:", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "governments;", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "all stakeholders;", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "requests a report.", []),
        ], Now).Value;
        var delete = Propose(document, "2", AmendmentAction.Delete, null, minutes: 1);
        Decide(delete, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [delete], Now.AddDays(1)).Value;

        // Otherwise "governments" and "all stakeholders" would become sub-items of paragraph 1.
        Assert.Equal(["decides to remain seized.", "requests a report."], Texts(v2));
    }

    [Fact]
    public void CirculateNextVersion_InsertAfterParagraphWithSubItems_InsertedAfterItsSubItems()
    {
        var document = OutcomeDocument.Draft(DocumentKind.Opinion, "Sub-items", "A/RES/99/4", null, "", "en", "first draft",
        [
            new ParagraphDraft(ParagraphKind.Operative, 0, "invites:", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "governments;", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "all stakeholders;", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "requests a report.", []),
        ], Now).Value;
        var insert = Propose(document, "1", AmendmentAction.InsertAfter, "decides to remain seized.", minutes: 1);
        Decide(insert, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [insert], Now.AddDays(1)).Value;

        // Otherwise the sub-items of paragraph 1 would become sub-items of the new paragraph.
        Assert.Equal(["invites:", "governments;", "all stakeholders;", "decides to remain seized.", "requests a report."], Texts(v2));
        Assert.Equal(["1", "1(a)", "1(b)", "2", "3"], v2.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Number).ToArray());
    }

    [Fact]
    public void CirculateNextVersion_RejectedAndUndecided_Skipped()
    {
        var document = Draft("one", "two");
        var rejected = Propose(document, "1", AmendmentAction.Delete, null, minutes: 1);
        var undecided = Propose(document, "2", AmendmentAction.Replace, "two, undecided", minutes: 2);
        Decide(rejected, AmendmentStatus.Rejected);

        var v2 = document.CirculateNextVersion("second draft", [rejected, undecided], Now.AddDays(1)).Value;

        Assert.Equal(["one", "two"], Texts(v2));
        Assert.Empty(v2.IncorporatedAmendmentIds);
        Assert.Null(rejected.IncorporatedInVersion);
        Assert.Null(undecided.IncorporatedInVersion);
        Assert.Equal(AmendmentStatus.Proposed, undecided.Status);
    }

    [Fact]
    public void CirculateNextVersion_AmendmentAlreadyIncorporated_NotAppliedAgain()
    {
        var document = Draft("one", "two");
        var insert = Propose(document, "1", AmendmentAction.InsertAfter, "one and a half", minutes: 1);
        Decide(insert, AmendmentStatus.Accepted);
        document.CirculateNextVersion("second draft", [insert], Now.AddDays(1));

        var v3 = document.CirculateNextVersion("third draft", [insert], Now.AddDays(2)).Value;

        Assert.Equal(["one", "one and a half", "two"], Texts(v3));
        Assert.Empty(v3.IncorporatedAmendmentIds);
        Assert.Equal(2, insert.IncorporatedInVersion);
    }

    [Fact]
    public void CirculateNextVersion_AmendmentToOlderVersion_AppliedToTheSameParagraphRenumbered()
    {
        var document = Draft("one", "two", "three");
        var againstV1 = Propose(document, "3", AmendmentAction.Replace, "three, amended on the first draft", minutes: 1);
        var insert = Propose(document, "1", AmendmentAction.InsertAfter, "one and a half", minutes: 2);
        Decide(insert, AmendmentStatus.Accepted);
        document.CirculateNextVersion("second draft", [insert], Now.AddDays(1));
        Decide(againstV1, AmendmentStatus.Accepted);

        var v3 = document.CirculateNextVersion("third draft", [againstV1], Now.AddDays(2)).Value;

        Assert.Equal(1, againstV1.VersionNumber);
        Assert.Equal(["one", "one and a half", "two", "three, amended on the first draft"], Texts(v3));
        Assert.Equal(3, againstV1.IncorporatedInVersion);
    }

    [Fact]
    public void CirculateNextVersion_AmendmentOfOtherDocument_Ignored()
    {
        var document = Draft("one");
        var other = Draft("other");
        var foreign = Propose(other, "1", AmendmentAction.Replace, "changed elsewhere", minutes: 1);
        Decide(foreign, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", [foreign], Now.AddDays(1)).Value;

        Assert.Equal(["one"], Texts(v2));
        Assert.Null(foreign.IncorporatedInVersion);
    }

    [Fact]
    public void CirculateNextVersion_OldVersion_Unchanged()
    {
        var document = Draft("one", "two", "three");
        var v1 = document.Current;
        var before = v1.Paragraphs.Select(p => (p.Number, p.Text, p.Key, p.Ordinal)).ToList();
        var amendments = new[]
        {
            Propose(document, "1", AmendmentAction.Replace, "one, replaced", minutes: 1),
            Propose(document, "2", AmendmentAction.Delete, null, minutes: 2),
            Propose(document, "3", AmendmentAction.InsertAfter, "four", minutes: 3),
        };
        foreach (var a in amendments) Decide(a, AmendmentStatus.Accepted);

        var v2 = document.CirculateNextVersion("second draft", amendments, Now.AddDays(1)).Value;

        Assert.NotSame(v1, v2);
        Assert.Equal(before, v1.Paragraphs.Select(p => (p.Number, p.Text, p.Key, p.Ordinal)).ToList());
        Assert.Equal(["one", "two", "three"], Texts(v1));
        Assert.Equal(["one, replaced", "three", "four"], Texts(v2));
        Assert.Equal(2, document.Versions.Count);
        Assert.Same(v1, document.Versions.Single(v => v.Number == 1));
    }

    [Fact]
    public void CirculateNextVersion_EveryParagraphDeleted_ConflictAndNoVersion()
    {
        var document = Draft("only");
        var delete = Propose(document, "1", AmendmentAction.Delete, null, minutes: 1);
        Decide(delete, AmendmentStatus.Accepted);

        var result = document.CirculateNextVersion("second draft", [delete], Now.AddDays(1));

        Assert.Equal("document-empty", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.Single(document.Versions);
    }

    [Theory]
    [InlineData(DocumentState.AdoptedByConsensus)]
    [InlineData(DocumentState.NotAdoptedDivergentViews)]
    [InlineData(DocumentState.Withdrawn)]
    public void CirculateNextVersion_DocumentConcluded_ConflictDocumentClosed(DocumentState outcome)
    {
        var document = Draft("one", "two");
        var replace = Propose(document, "1", AmendmentAction.Replace, "one, late", minutes: 1);
        Decide(replace, AmendmentStatus.Accepted);
        document.Conclude(outcome);

        var result = document.CirculateNextVersion("second draft", [replace], Now.AddDays(1));

        Assert.Equal("document-closed", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.Single(document.Versions);
        Assert.Null(replace.IncorporatedInVersion);
        Assert.False(document.IsOpenForAmendment);
    }

    [Fact]
    public void CirculateNextVersion_ReferenceText_ConflictDocumentClosed()
    {
        var document = OutcomeDocument.Draft(DocumentKind.ReferenceText, "Tunis Agenda", "WSIS-05/TUNIS/DOC/6(Rev.1)-E", null, "", "en", "final text",
            [new ParagraphDraft(ParagraphKind.Operative, 0, "We further recognize the need for enhanced cooperation.", [], default, "69")], Now).Value;

        Assert.Equal(DocumentState.Reference, document.State);
        Assert.Equal("69", Assert.Single(document.Current.Paragraphs).Number);
        Assert.Equal("document-closed", Assert.IsAssignableFrom<ConflictError>(document.CirculateNextVersion("again", [], Now).Error).Code);
    }

    [Fact]
    public void Draft_PreambularOperativeAndSubItems_NumberedApart()
    {
        var document = OutcomeDocument.Draft(DocumentKind.Opinion, "Numbering", "A/RES/99/2", null, "", "en", "first draft",
        [
            new ParagraphDraft(ParagraphKind.Preambular, 0, "Recalling the Tunis Agenda,", []),
            new ParagraphDraft(ParagraphKind.Preambular, 0, "Noting,", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "Invites:", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "governments;", []),
            new ParagraphDraft(ParagraphKind.Operative, 1, "all stakeholders;", []),
            new ParagraphDraft(ParagraphKind.Operative, 0, "Decides to remain seized.", []),
        ], Now).Value;

        Assert.Equal(["P1", "P2", "1", "1(a)", "1(b)", "2"], document.Current.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Number).ToArray());
        Assert.Equal(DocumentState.Negotiating, document.State);
        Assert.Equal(1, document.Current.Number);
        Assert.Equal("first draft", document.Current.Label);
    }

    [Fact]
    public void Decide_Twice_ConflictAndFirstDecisionKept()
    {
        var document = Draft("one");
        var amendment = Propose(document, "1", AmendmentAction.Replace, "one, amended", minutes: 1);
        Decide(amendment, AmendmentStatus.Rejected);

        var result = amendment.Decide(AmendmentStatus.Accepted, "Second thoughts.", null, Now.AddHours(2));

        Assert.Equal("amendment-decided", Assert.IsAssignableFrom<ConflictError>(result.Error).Code);
        Assert.Equal(AmendmentStatus.Rejected, amendment.Status);
        Assert.Equal("The Chair's reason.", amendment.DecisionReason);
    }

    [Theory]
    [InlineData(AmendmentStatus.Accepted, null)]
    [InlineData(AmendmentStatus.Rejected, "")]
    [InlineData(AmendmentStatus.Merged, "   ")]
    public void Decide_WithoutReason_ValidationErrorOnReasonAndStillProposed(AmendmentStatus decision, string? reason)
    {
        var document = Draft("one");
        var amendment = Propose(document, "1", AmendmentAction.Replace, "one, amended", minutes: 1);

        var result = amendment.Decide(decision, reason, "merged text", Now);

        Assert.Contains(Assert.IsType<ValidationError>(result.Error).Fields, f => f.Field == "Reason");
        Assert.Equal(AmendmentStatus.Proposed, amendment.Status);
        Assert.Null(amendment.DecidedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Decide_MergeWithoutText_ValidationErrorOnMergedText(string? mergedText)
    {
        var document = Draft("one");
        var amendment = Propose(document, "1", AmendmentAction.Replace, "one, amended", minutes: 1);

        var result = amendment.Decide(AmendmentStatus.Merged, "Merged with the proposal of Kenya.", mergedText, Now);

        Assert.Contains(Assert.IsType<ValidationError>(result.Error).Fields, f => f.Field == "MergedText");
        Assert.Equal(AmendmentStatus.Proposed, amendment.Status);
    }

    [Fact]
    public void Decide_Merge_EffectiveTextIsTheChairsText()
    {
        var document = Draft("one");
        var amendment = Propose(document, "1", AmendmentAction.Replace, "one, as proposed", minutes: 1);

        var result = amendment.Decide(AmendmentStatus.Merged, "  Merged with Kenya's proposal.  ", "  one, as merged  ", Now);

        Assert.True(result.IsSuccess);
        Assert.Equal("one, as merged", amendment.EffectiveText);
        Assert.Equal("one, as proposed", amendment.ProposedText);
        Assert.Equal("Merged with Kenya's proposal.", amendment.DecisionReason);
    }

    [Fact]
    public void Decide_AcceptWithMergedText_MergedTextIgnored()
    {
        var document = Draft("one");
        var amendment = Propose(document, "1", AmendmentAction.Replace, "one, as proposed", minutes: 1);

        amendment.Decide(AmendmentStatus.Accepted, "Agreed.", "something else", Now);

        Assert.Null(amendment.MergedText);
        Assert.Equal("one, as proposed", amendment.EffectiveText);
    }

    [Fact]
    public void Propose_ByDelegateAndByStakeholder_AttributedToStateAndGroup()
    {
        var document = Draft("one");
        var paragraph = document.Current.Find("1")!;

        var byDelegate = Amendment.Propose(document, paragraph, 1, AmendmentAction.Delete, null, "  Redundant.  ", Brazil, StakeholderGroup.Government, Now).Value;
        var byStakeholder = Amendment.Propose(document, paragraph, 1, AmendmentAction.Replace, "  one, civil society  ", null, CivilSociety, StakeholderGroup.CivilSociety, Now).Value;

        Assert.Equal("BRA", byDelegate.MemberStateCode);
        Assert.Equal(StakeholderGroup.Government, byDelegate.ProponentGroup);
        Assert.Null(byDelegate.ProposedText);
        Assert.Equal("Redundant.", byDelegate.Explanation);
        Assert.Null(byStakeholder.MemberStateCode);
        Assert.Equal(StakeholderGroup.CivilSociety, byStakeholder.ProponentGroup);
        Assert.Equal("one, civil society", byStakeholder.ProposedText);
        Assert.Equal(paragraph.Key, byStakeholder.ParagraphKey);
        Assert.Equal(AmendmentStatus.Proposed, byStakeholder.Status);
    }

    // ------------------------------------------------------------------------------------ diff ---

    [Fact]
    public void Words_PhraseInserted_InsertedWordsMarkedRestSame()
    {
        const string before = "invites all stakeholders to work";
        const string after = "invites all stakeholders, in their respective roles, to work";

        var pieces = VersionDiff.Words(before, after);

        Assert.DoesNotContain(pieces, p => p.Change == WordChange.Deleted);
        Assert.Equal(["in", "their", "respective", "roles"], WordsOf(pieces.Where(p => p.Change == WordChange.Inserted)));
        Assert.Equal(["invites", "all", "stakeholders", "to", "work"], WordsOf(pieces.Where(p => p.Change == WordChange.Same)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Change != WordChange.Deleted).Select(p => p.Text)));
        Assert.Equal(before, string.Concat(pieces.Where(p => p.Change != WordChange.Inserted).Select(p => p.Text)));
        // Neighbouring pieces of one kind are joined.
        Assert.All(pieces.Zip(pieces.Skip(1)), pair => Assert.NotEqual(pair.First.Change, pair.Second.Change));
    }

    [Fact]
    public void Words_WordReplaced_DeletedAndInsertedBothTextsReproduced()
    {
        const string before = "calls upon governments to cooperate";
        const string after = "invites governments to cooperate";

        var pieces = VersionDiff.Words(before, after);

        Assert.Equal(["calls", "upon"], WordsOf(pieces.Where(p => p.Change == WordChange.Deleted)));
        Assert.Equal(["invites"], WordsOf(pieces.Where(p => p.Change == WordChange.Inserted)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Change != WordChange.Deleted).Select(p => p.Text)));
        Assert.Equal(before, string.Concat(pieces.Where(p => p.Change != WordChange.Inserted).Select(p => p.Text)));
    }

    [Fact]
    public void Compare_ParagraphInsertedBefore_RenumberedParagraphsUnchanged()
    {
        var document = Draft("one", "two", "three");
        var v1 = document.Current;
        var insert = Propose(document, "1", AmendmentAction.InsertAfter, "one and a half", minutes: 1);
        Decide(insert, AmendmentStatus.Accepted);
        var v2 = document.CirculateNextVersion("second draft", [insert], Now.AddDays(1)).Value;

        var diff = VersionDiff.Compare(v1, v2);

        Assert.Equal(
            [("1", "1", ParagraphChange.Unchanged), (null, "2", ParagraphChange.Added), ("2", "3", ParagraphChange.Unchanged), ("3", "4", ParagraphChange.Unchanged)],
            diff.Select(p => (p.FromNumber, p.ToNumber, p.Change)).ToArray());
        Assert.All(diff.Where(p => p.Change == ParagraphChange.Unchanged), p => Assert.Equal(WordChange.Same, Assert.Single(p.Words).Change));
        Assert.Equal(new WordPiece("one and a half", WordChange.Inserted), Assert.Single(diff[1].Words));
    }

    [Fact]
    public void Compare_ChangedAndRemoved_RemovedShownWhereItStood()
    {
        var document = Draft("one", "two", "three");
        var v1 = document.Current;
        var delete = Propose(document, "2", AmendmentAction.Delete, null, minutes: 1);
        var replace = Propose(document, "3", AmendmentAction.Replace, "three, amended", minutes: 2);
        Decide(delete, AmendmentStatus.Accepted);
        Decide(replace, AmendmentStatus.Accepted);
        var v2 = document.CirculateNextVersion("second draft", [delete, replace], Now.AddDays(1)).Value;

        var diff = VersionDiff.Compare(v1, v2);

        Assert.Equal(
            [("1", "1", ParagraphChange.Unchanged), ("2", null, ParagraphChange.Removed), ("3", "2", ParagraphChange.Changed)],
            diff.Select(p => (p.FromNumber, p.ToNumber, p.Change)).ToArray());
        Assert.Equal(new WordPiece("two", WordChange.Deleted), Assert.Single(diff[1].Words));
        Assert.Equal(["amended"], WordsOf(diff[2].Words.Where(w => w.Change == WordChange.Inserted)));
    }

    [Fact]
    public void Compare_LastParagraphRemoved_ShownAtTheEnd()
    {
        var document = Draft("one", "two");
        var v1 = document.Current;
        var delete = Propose(document, "2", AmendmentAction.Delete, null, minutes: 1);
        Decide(delete, AmendmentStatus.Accepted);
        var v2 = document.CirculateNextVersion("second draft", [delete], Now.AddDays(1)).Value;

        var diff = VersionDiff.Compare(v1, v2);

        Assert.Equal([("1", "1", ParagraphChange.Unchanged), ("2", null, ParagraphChange.Removed)],
            diff.Select(p => (p.FromNumber, p.ToNumber, p.Change)).ToArray());
    }

    // --------------------------------------------------------------------------------- symbols ---

    [Theory]
    [InlineData("A/RES/70/125")]
    [InlineData("A/RES/67/195")]
    [InlineData("E/CN.16/2015/CRP.2")]
    [InlineData("A/70/L.33/Rev.1")]
    [InlineData("TD/B/C.II/1")]
    [InlineData("WTPF-13/16(Rev.1)")]
    [InlineData("Resolution 102 (Rev. Busan, 2014)")]
    [InlineData("Opinion 6 (WTPF-13)")]
    [InlineData("WSIS-05/TUNIS/DOC/6(Rev.1)-E")]
    public void IsValid_SymbolInAFormTheProcessUses_True(string symbol)
        => Assert.True(DocumentSymbol.IsValid(symbol), $"{symbol} should be a valid document symbol.");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("hello")]
    [InlineData("A//RES")]
    [InlineData("a/res/70/125")]
    public void IsValid_NotASymbol_False(string? symbol)
        => Assert.False(DocumentSymbol.IsValid(symbol), $"{symbol} should not be a valid document symbol.");

    [Fact]
    public void IsValid_LongerThan100Characters_False()
        => Assert.False(DocumentSymbol.IsValid("A/RES/" + string.Join('/', Enumerable.Repeat("70", 50))));

    [Fact]
    public void Draft_InvalidSymbol_SymbolInvalid()
    {
        var drafted = OutcomeDocument.Draft(DocumentKind.Opinion, "t", "hello", null, "", "en", "first draft",
            [new ParagraphDraft(ParagraphKind.Operative, 0, "one", [])], Now);

        var invalid = Assert.IsType<ValidationError>(drafted.Error);
        Assert.Equal(("Symbol", "Document.SymbolInvalid"), (invalid.Fields.Single().Field, invalid.Fields.Single().MessageKey));
    }

    [Fact]
    public void Draft_NoParagraph_ParagraphsRequired()
    {
        var drafted = OutcomeDocument.Draft(DocumentKind.Opinion, "t", "A/RES/99/5", null, "", "en", "first draft", [], Now);

        var invalid = Assert.IsType<ValidationError>(drafted.Error);
        Assert.Equal(("Paragraphs", "Document.ParagraphsRequired"), (invalid.Fields.Single().Field, invalid.Fields.Single().MessageKey));
    }

    [Fact]
    public void Propose_ReplaceWithoutText_TextRequired()
    {
        var document = Draft("one");

        var proposed = Amendment.Propose(document, document.Current.Find("1")!, 1, AmendmentAction.Replace, " ", null, Brazil, StakeholderGroup.Government, Now);

        var invalid = Assert.IsType<ValidationError>(proposed.Error);
        Assert.Equal(("Text", "Amendment.TextRequired"), (invalid.Fields.Single().Field, invalid.Fields.Single().MessageKey));
    }

    // -------------------------------------------------------------------------------- helpers ---

    private static OutcomeDocument Draft(params string[] operative)
        => OutcomeDocument.Draft(DocumentKind.Opinion, "An Opinion", $"A/RES/99/{Random.Shared.Next(1, 9999)}", Guid.NewGuid(), "A/RES/70/125 ¶65", "en", "first draft",
            operative.Select(t => new ParagraphDraft(ParagraphKind.Operative, 0, t, [])).ToList(), Now).Value;

    private static Amendment Propose(OutcomeDocument document, string paragraph, AmendmentAction action, string? text, int minutes)
    {
        var version = document.Current;
        return Amendment.Propose(document, version.Find(paragraph) ?? throw new InvalidOperationException($"No paragraph {paragraph}."),
            version.Number, action, text, null, Brazil, StakeholderGroup.Government, Now.AddMinutes(minutes)).Value;
    }

    private static void Decide(Amendment amendment, AmendmentStatus decision, string? mergedText = null)
        => Assert.True(amendment.Decide(decision, "The Chair's reason.", mergedText, Now.AddHours(1)).IsSuccess);

    private static string[] Texts(DocumentVersion version) => version.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text).ToArray();

    private static string[] WordsOf(IEnumerable<WordPiece> pieces)
        => pieces.SelectMany(p => p.Text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
