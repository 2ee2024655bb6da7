using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Consultations;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// A consultation in the CWG-Internet style, through the real use cases: one topic, three
/// questions, open to all stakeholders, with contributions from every stakeholder group in
/// several UN languages (one without consent to be cited individually).
/// </summary>
public sealed class DemoConsultations(EstablishBody establishBody, DraftConsultation draft, OpenConsultation open, SubmitContribution submit,
    PublishSynthesis publishSynthesis, ContributionWriter writer, Data.AppDbContext db, Record.PublicRecord record, TimeProvider clock)
{
    public async Task LoadAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cwg = Expect(await establishBody.HandleAsync(cast.Chair, new()
        {
            Name = "ITU Council Working Group on International Internet-related Public Policy Issues", Acronym = "CWG-Internet",
            MandateReference = "ITU Council Resolution 1344 (Mod. 2019)", MembershipRule = "all-member-states",
            ObserverRule = "Limited to Member States, with open consultation to all stakeholders.",
        }, ct));
        var consultation = Expect(await draft.HandleAsync(cast.Chair, new()
        {
            BodyId = cwg.Id,
            Topic = "Bringing the unconnected online: public policy for access and multilingualism",
            Description = "The Working Group invites all stakeholders to share their views on the international Internet-related public policy issues raised by connecting the people who are not online yet. Contributions are presented at the Group's next meeting.",
            Questions =
            [
                "What are the main public policy obstacles to connecting the unconnected in your region?",
                "How can multilingual content and domain names help bring people online?",
                "What should governments, in cooperation with all stakeholders, do at the international level?",
            ],
            Eligibility = "all-stakeholders",
            OpensAt = now.AddDays(-7),
            ClosesAt = now.AddDays(30),
        }, ct));
        Expect(await open.HandleAsync(cast.Chair, consultation.Id, ct));

        (Actor Who, string Language, bool Consent, string[] Answers)[] contributions =
        [
            (cast.Brazil, "es", true, ["La asequibilidad de la banda ancha y la falta de infraestructura en zonas rurales.", "Los nombres de dominio internacionalizados y el contenido local en lenguas indígenas.", "Cooperar, en igualdad de condiciones, en principios para la conectividad asequible."]),
            (cast.Kenya, "en", true, ["Spectrum costs, taxation of devices and the lack of Internet exchange points in many African countries.", "Local content in Kiswahili and other languages drives demand.", "Agree on principles for affordable access and support regional IXPs."]),
            (cast.CivilSociety, "fr", true, ["Le coût de l'accès, les coupures d'Internet et le manque de compétences numériques.", "Le multilinguisme est une condition de l'inclusion : les contenus doivent exister dans les langues des gens.", "Associer toutes les parties prenantes, publier les rapports annuels de résultats et mesurer les progrès."]),
            (cast.PrivateSector, "en", false, ["Regulatory uncertainty discourages investment in last-mile networks.", "Universal acceptance of internationalized domain names must improve.", "Light-touch, predictable regulation and open markets."]),
            (cast.Intergovernmental, "fr", true, ["L'absence de cadres juridiques garantissant la protection des droits humains en ligne freine la confiance.", "Les politiques linguistiques publiques doivent inclure l'espace numérique.", "Échanger les bonnes pratiques entre organisations intergouvernementales, dans le respect des rôles de chacun."]),
            (cast.InternationalOrganization, "zh", true, ["许多发展中国家的宽带基础设施和频谱政策仍不足。", "国际化域名和本地语言内容有助于新用户上网。", "通过相关国际组织加强合作，并按照《突尼斯议程》第71段提交年度绩效报告。"]),
            (cast.Technical, "ru", true, ["Недостаток точек обмена трафиком и слабое развитие IPv6.", "Интернационализированные доменные имена и универсальное признание.", "Поддерживать развитие потенциала и открытые стандарты."]),
        ];
        foreach (var (who, language, consent, answers) in contributions)
        {
            Expect(await submit.HandleAsync(who, consultation.Id, new()
            {
                Language = language,
                ConsentToCite = consent,
                Answers = answers.Select((text, i) => new SubmitContribution.AnswerInput { Question = i + 1, Text = text }).ToList(),
            }, ct));
        }
    }

    /// <summary>
    /// The WGEC-1 questionnaire, answered a month ago and closed ten days ago, with its synthesis.
    /// Its use cases run on a clock set back in time; the record still says when it was written.
    /// </summary>
    public async Task LoadQuestionnaireAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var past = new ShiftedClock(clock, TimeSpan.FromDays(-30));
        var draftThen = new DraftConsultation(db, record, past);
        var openThen = new OpenConsultation(db, record, past);
        var submitThen = new SubmitContribution(writer, past);
        var wgec = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Bodies, b => b.Acronym == "WGEC", ct);
        var then = past.GetUtcNow();
        var questionnaire = Expect(await draftThen.HandleAsync(cast.Chair, new()
        {
            BodyId = wgec.Id,
            Topic = "Questionnaire on the implementation of enhanced cooperation",
            Description = "The Working Group asks all stakeholders how far enhanced cooperation has come since the Tunis Agenda, and what should come next.",
            QuestionDefinitions =
            [
                new() { Text = "How far has enhanced cooperation, as envisaged in the Tunis Agenda, been implemented?", Type = "scale" },
                new() { Text = "Which view of the roles in enhanced cooperation is closest to yours?", Type = "single-choice",
                    Options = ["A specific emphasis on governments (Tunis Agenda ¶69)", "All stakeholders in their respective roles (¶71)", "Both, equally"] },
                new() { Text = "Which international public policy issues most need enhanced cooperation?", Type = "multiple-choice",
                    Options = ["Cybersecurity", "Privacy and data protection", "Access and the digital divide", "Multilingualism", "Domain name system"] },
                new() { Text = "What should be done next?", Type = "free-text" },
            ],
            Eligibility = "all-stakeholders",
            OpensAt = then,
            ClosesAt = then.AddDays(20),
        }, ct));
        Expect(await openThen.HandleAsync(cast.Chair, questionnaire.Id, ct));
        (Actor Who, string Language, int Scale, int Role, int[] Issues, string Next)[] answers =
        [
            (cast.Brazil, "es", 2, 1, [2, 3], "Un mecanismo intergubernamental en el que los gobiernos participen en pie de igualdad."),
            (cast.India, "en", 2, 1, [1, 3], "A working group with a clear mandate and timeline."),
            (cast.UnitedStates, "en", 4, 2, [1, 2], "Build on existing multistakeholder processes; no new body."),
            (cast.CivilSociety, "fr", 2, 2, [2, 3, 4], "Des rapports annuels de résultats publics et traduits."),
            (cast.PrivateSector, "en", 4, 2, [1], "Keep the focus on outcomes, not institutions."),
            (cast.Technical, "ru", 3, 3, [5, 3], "Учитывать роль технического сообщества."),
            (cast.InternationalOrganization, "zh", 3, 3, [3, 4], "加强相关组织之间的合作与报告。"),
        ];
        foreach (var (who, language, scale, role, issues, next) in answers)
        {
            Expect(await submitThen.HandleAsync(who, questionnaire.Id, new()
            {
                Language = language,
                ConsentToCite = who != cast.PrivateSector,
                Answers =
                [
                    new() { Question = 1, Scale = scale },
                    new() { Question = 2, Choices = [role] },
                    new() { Question = 3, Choices = issues },
                    new() { Question = 4, Text = next },
                ],
            }, ct));
        }
        // Closed since ten days: the secretariat publishes its synthesis now, citing what it draws on.
        Expect(await publishSynthesis.HandleAsync(cast.Chair, questionnaire.Id, new()
        {
            Markdown = """
                ## Summary of the responses

                Views **diverge** on how far enhanced cooperation has come: several governments see it at an early stage [C-1] [C-2],
                while others point to cooperation already under way in many fora [C-3] [C-5].

                - On roles, some stress the specific emphasis on governments in paragraph 69 [C-1]; others, all stakeholders in their respective roles [C-4].
                - Access and the digital divide is the issue most often named [C-4] [C-7].
                - The technical community asks that its role be recognized [C-6].
                """,
        }, ct));
    }
}
