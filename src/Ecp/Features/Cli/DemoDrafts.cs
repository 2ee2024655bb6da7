using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// Demo negotiation, through the real use cases: the Tunis Agenda as a reference text, WTPF-13
/// and the WGEC as bodies, WTPF-13's six Opinions (Opinion 6 with two versions, amendments from
/// several groups and a consensus with a reservation), and a seventh draft that was not adopted.
/// The Opinions' texts are short plausible summaries, not the official texts.
/// </summary>
public sealed class DemoDrafts(
    EstablishBody establishBody,
    DraftDocument draft,
    ProposeAmendment propose,
    DecideAmendment decideAmendment,
    CirculateVersion circulate,
    CommentOnParagraph comment,
    OpenDecision openDecision,
    StatePosition statePosition,
    StateAdvisoryView advise,
    CloseDecision close,
    AddLanguageVersion addLanguageVersion)
{
    public const string TunisAgenda = "WSIS-05/TUNIS/DOC/6(Rev.1)-E";

    public sealed record Cast(Actor Chair, Actor Brazil, Actor Brazil2, Actor India, Actor Kenya, Actor France, Actor UnitedStates,
        Actor CivilSociety, Actor PrivateSector, Actor Technical, Actor Intergovernmental, Actor InternationalOrganization);

    public async Task LoadAsync(Cast cast, CancellationToken ct)
    {
        var chair = cast.Chair;
        var wtpf = Expect(await establishBody.HandleAsync(chair, new()
        {
            Name = "World Telecommunication/ICT Policy Forum 2013", Acronym = "WTPF-13",
            MandateReference = "Resolution 2 (Rev. Guadalajara, 2010)", MembershipRule = "all-member-states",
            ObserverRule = "Open to ITU Sector Members and all stakeholders, who state advisory views.",
        }, ct));
        Expect(await establishBody.HandleAsync(chair, new()
        {
            Name = "CSTD Working Group on Enhanced Cooperation", Acronym = "WGEC",
            MandateReference = "A/RES/67/195 ¶20", MembershipRule = "listed-member-states",
            // Four Member States per UN regional group, plus the two WSIS hosts (Switzerland, Tunisia).
            Members = ["BRA", "KEN", "EGY", "ZAF", "NGA", "IND", "CHN", "JPN", "SAU", "RUS", "POL", "LVA", "HUN",
                "MEX", "ARG", "CUB", "SLV", "FRA", "USA", "SWE", "GBR", "CHE", "TUN"],
            ObserverRule = "Limited to Member States, with five seats for each non-government stakeholder group and open consultation to all stakeholders.",
            SeatsPerNonGovernmentGroup = 5,
        }, ct));

        Expect(await draft.HandleAsync(chair, new()
        {
            Kind = "reference-text", Title = "Tunis Agenda for the Information Society (extracts)", Symbol = TunisAgenda,
            MandateReferences = "World Summit on the Information Society, Tunis, 18 November 2005", VersionLabel = "final text",
            Paragraphs =
            [
                Ref("34", "A working definition of Internet governance is the development and application by governments, the private sector and civil society, in their respective roles, of shared principles, norms, rules, decision-making procedures and programmes that shape the evolution and use of the Internet."),
                Ref("35", "Policy authority for Internet-related public policy issues is the sovereign right of States. They have rights and responsibilities for international Internet-related public policy issues."),
                Ref("69", "We further recognize the need for enhanced cooperation in the future, to enable governments, on an equal footing, to carry out their roles and responsibilities, in international public policy issues pertaining to the Internet, but not in the day-to-day technical and operational matters, that do not impact on international public policy issues."),
                Ref("70", "Using relevant international organizations, such cooperation should include the development of globally-applicable principles on public policy issues associated with the coordination and management of critical Internet resources."),
                Ref("71", "The process towards enhanced cooperation, to be started by the UN Secretary-General, involving all relevant organizations by the end of the first quarter of 2006, will involve all stakeholders in their respective roles, will proceed as quickly as possible consistent with legal process, and will be responsive to innovation. Relevant organizations should commence a process towards enhanced cooperation involving all stakeholders, proceeding as quickly as possible and responsive to innovation. The same relevant organizations shall be requested to provide annual performance reports."),
            ],
        }, ct));

        string[] titles =
        [
            "Promoting Internet Exchange Points (IXPs) as a long-term solution to advance connectivity",
            "Fostering an enabling environment for the greater growth and development of broadband connectivity",
            "Supporting capacity building for the deployment of IPv6",
            "In support of IPv6 adoption and transition from IPv4",
            "Supporting multistakeholderism in Internet governance",
        ];
        for (var i = 0; i < titles.Length; i++)
        {
            var opinion = Expect(await draft.HandleAsync(chair, new()
            {
                Kind = "opinion", Title = titles[i], Symbol = $"Opinion {i + 1} (WTPF-13)", BodyId = wtpf.Id,
                MandateReferences = "Resolution 2 (Rev. Guadalajara, 2010)", VersionLabel = "final draft",
                Paragraphs =
                [
                    Pre("The fifth World Telecommunication/ICT Policy Forum (Geneva, 2013),"),
                    Pre($"considering that {titles[i].ToLowerInvariant()} contributes to an affordable, open and secure Internet for all,"),
                    Op("invites Member States and Sector Members to share experience and good practice on this matter;"),
                    Op("invites all stakeholders to cooperate, in their respective roles, in pursuing the objectives of this Opinion."),
                ],
            }, ct));
            await AdoptAsync(cast, opinion, wtpf, [(cast.Brazil, "support", null), (cast.Kenya, "support", null), (cast.France, "no-objection", null)], ct);
        }

        await Opinion6Async(cast, wtpf, ct);

        var seventh = Expect(await draft.HandleAsync(chair, new()
        {
            Kind = "opinion", Title = "On the role of government in the multistakeholder framework for Internet governance",
            Symbol = "WTPF-13/7", BodyId = wtpf.Id, MandateReferences = "Resolution 2 (Rev. Guadalajara, 2010)", VersionLabel = "first draft",
            Paragraphs =
            [
                Pre("The fifth World Telecommunication/ICT Policy Forum (Geneva, 2013),"),
                Op("invites Member States to exercise their rights and responsibilities for international Internet-related public policy issues,", [$"{TunisAgenda}#35"]),
                Op("invites the Secretary-General to support Member States in doing so."),
            ],
        }, ct));
        var decision = Expect(await openDecision.HandleAsync(chair, new() { DocumentId = seventh.Id, BodyId = wtpf.Id }, ct));
        Expect(await statePosition.HandleAsync(cast.Brazil, decision.Id, new() { Position = "support" }, ct));
        Expect(await statePosition.HandleAsync(cast.UnitedStates, decision.Id, new() { Position = "objection", Statement = "The text would alter the balance of respective roles agreed in Tunis." }, ct));
        Expect(await statePosition.HandleAsync(cast.France, decision.Id, new() { Position = "objection", Statement = "Not ripe for consensus; the discussion should continue in the appropriate fora." }, ct));
        Expect(await advise.HandleAsync(cast.CivilSociety, decision.Id, new() { Stance = "oppose", Text = "The draft was not consulted with stakeholders." }, ct));
        Expect(await close.HandleAsync(chair, decision.Id, new() { Outcome = "not-adopted-divergent-views" }, ct));
    }

    private async Task Opinion6Async(Cast cast, Body wtpf, CancellationToken ct)
    {
        var chair = cast.Chair;
        var opinion = Expect(await draft.HandleAsync(chair, new()
        {
            Kind = "opinion", Title = "On supporting operationalizing the enhanced cooperation process",
            Symbol = "Opinion 6 (WTPF-13)", BodyId = wtpf.Id, MandateReferences = "Resolution 2 (Rev. Guadalajara, 2010); A/RES/67/195 ¶20",
            VersionLabel = "first draft",
            Paragraphs =
            [
                Pre("The fifth World Telecommunication/ICT Policy Forum (Geneva, 2013),"),
                Pre("recalling paragraphs 69 to 71 of the Tunis Agenda for the Information Society,", [$"{TunisAgenda}#69", $"{TunisAgenda}#71"]),
                Pre("recognizing that views differ on the amount of progress made since 2005,"),
                Op("reaffirms the need for enhanced cooperation to enable governments to develop international Internet-related public policy in consultation with all stakeholders,", [$"{TunisAgenda}#69"]),
                Op("invites all stakeholders to work on the operationalization of enhanced cooperation;"),
                Op("invites relevant organizations to report on the steps they have taken.", [$"{TunisAgenda}#71"]),
            ],
        }, ct));

        var fromBrazil = Expect(await propose.HandleAsync(cast.Brazil, opinion.Id, new()
        {
            Paragraph = "2", Action = "replace",
            Text = "invites all stakeholders, in their respective roles, to work on the operationalization of enhanced cooperation, with a timeline;",
            Explanation = "Respective roles are the language of the Tunis Agenda; a timeline makes progress visible.",
        }, ct));
        var fromCivilSociety = Expect(await propose.HandleAsync(cast.CivilSociety, opinion.Id, new()
        {
            Paragraph = "3", Action = "replace",
            Text = "invites relevant organizations to provide annual performance reports, published in the six official languages of the United Nations.",
            Explanation = "Tunis Agenda ¶71 asks for annual performance reports; people must be able to read them.",
        }, ct));
        var fromTechnical = Expect(await propose.HandleAsync(cast.Technical, opinion.Id, new()
        {
            Paragraph = "3", Action = "insert-after",
            Text = "notes that day-to-day technical and operational matters that do not impact on international public policy issues are outside the scope of enhanced cooperation.",
        }, ct));
        var fromPrivateSector = Expect(await propose.HandleAsync(cast.PrivateSector, opinion.Id, new()
        {
            Paragraph = "P3", Action = "delete",
            Explanation = "The recital anticipates the outcome of the discussion.",
        }, ct));
        Expect(await comment.HandleAsync(cast.India, opinion.Id, new() { Paragraph = "1", Text = "We support the paragraph as drafted; it restates paragraph 69 faithfully." }, ct));

        Expect(await decideAmendment.HandleAsync(chair, fromBrazil.Id, new() { Decision = "accept", Reason = "Brings the text closer to the Tunis Agenda." }, ct));
        Expect(await decideAmendment.HandleAsync(chair, fromCivilSociety.Id, new()
        {
            Decision = "merge", Reason = "Merged with the original wording, keeping the reference to annual performance reports.",
            MergedText = "invites relevant organizations to report on the steps they have taken, including through annual performance reports available in the six official languages of the United Nations.",
        }, ct));
        Expect(await decideAmendment.HandleAsync(chair, fromTechnical.Id, new() { Decision = "accept", Reason = "Restates paragraph 69; no objection was raised." }, ct));
        Expect(await decideAmendment.HandleAsync(chair, fromPrivateSector.Id, new() { Decision = "reject", Reason = "Several delegations asked to keep the recital, which reflects A/RES/70/125." }, ct));
        Expect(await circulate.HandleAsync(chair, opinion.Id, new() { Label = "clean second draft" }, ct));
        // The French version of the clean second draft; the other languages are shown as missing.
        Expect(await addLanguageVersion.HandleAsync(chair, opinion.Id, 2, new()
        {
            Language = "fr",
            Paragraphs =
            [
                "Le cinquième Forum mondial des politiques de télécommunication/TIC (Genève, 2013),",
                "rappelant les paragraphes 69 à 71 de l'Agenda de Tunis pour la société de l'information,",
                "reconnaissant que les vues divergent sur l'ampleur des progrès accomplis depuis 2005,",
                "réaffirme la nécessité d'une coopération renforcée pour permettre aux gouvernements d'élaborer les politiques publiques internationales relatives à l'Internet en consultation avec toutes les parties prenantes,",
                "invite toutes les parties prenantes, dans leurs rôles respectifs, à œuvrer à la mise en œuvre de la coopération renforcée, selon un calendrier ;",
                "invite les organisations concernées à rendre compte des mesures qu'elles ont prises, notamment au moyen de rapports annuels de résultats disponibles dans les six langues officielles de l'Organisation des Nations Unies.",
                "note que les questions techniques et opérationnelles courantes qui n'ont pas d'incidence sur les questions de politique publique internationale ne relèvent pas de la coopération renforcée.",
            ],
        }, ct));

        await AdoptAsync(cast, opinion, wtpf,
        [
            (cast.Brazil, "no-objection", null),
            (cast.Brazil2, "support", null), // the same delegation: replaces the position above
            (cast.India, "support", null),
            (cast.Kenya, "support", null),
            (cast.UnitedStates, "no-objection", null),
            (cast.France, "reservation", "France joins the consensus and recalls that enhanced cooperation involves all stakeholders in their respective roles."),
        ], ct, [(cast.CivilSociety, "concerns", "We welcome the reference to annual performance reports but regret that stakeholders cannot take part in the decision."),
                (cast.PrivateSector, "support", "Business supports the Opinion as circulated.")]);
    }

    private async Task AdoptAsync(Cast cast, OutcomeDocument document, Body body, (Actor Delegate, string Position, string? Statement)[] positions,
        CancellationToken ct, (Actor Stakeholder, string Stance, string Text)[]? views = null)
    {
        var decision = Expect(await openDecision.HandleAsync(cast.Chair, new() { DocumentId = document.Id, BodyId = body.Id }, ct));
        foreach (var (actor, position, statement) in positions)
        {
            Expect(await statePosition.HandleAsync(actor, decision.Id, new() { Position = position, Statement = statement }, ct));
        }
        foreach (var (actor, stance, text) in views ?? [])
        {
            Expect(await advise.HandleAsync(actor, decision.Id, new() { Stance = stance, Text = text }, ct));
        }
        Expect(await close.HandleAsync(cast.Chair, decision.Id, new() { Outcome = "adopted-by-consensus" }, ct));
    }

    private static DraftDocument.ParagraphInput Ref(string number, string text) => new() { Kind = "operative", Text = text, Number = number };

    private static DraftDocument.ParagraphInput Pre(string text, string[]? cites = null) => new() { Kind = "preambular", Text = text, Cites = cites };

    private static DraftDocument.ParagraphInput Op(string text, string[]? cites = null) => new() { Kind = "operative", Text = text, Cites = cites };
}
