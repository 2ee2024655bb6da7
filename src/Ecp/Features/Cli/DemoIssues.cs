using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Issues;
using Microsoft.EntityFrameworkCore;

using static Ecp.Features.Cli.DemoExpect;

namespace Ecp.Features.Cli;

/// <summary>
/// Demo issue map, through the real use cases: who addresses most issues of the CSTD taxonomy
/// (proposed by participants or the secretariat and accepted), five issues left uncovered, a
/// pending and a rejected proposal, the WTPF-13 Opinions and the access consultation tagged, and
/// ¶69 assessments from every stakeholder group that disagree where the real debate did (net
/// neutrality, the root zone, encryption). The status notes are short plausible summaries.
/// </summary>
public sealed class DemoIssues(AppDbContext db, ProposeMappingChange propose, DecideMappingProposal decide, AssessScope assess, TagWithIssue tag)
{
    private static readonly (string Issue, string Organization, string Note, string[] Gaps)[] Organizations =
    [
        ("communications-infrastructure", "ITU", "ITU-D programmes on broadband and Internet exchange points.", ["capacity"]),
        ("technical-standards", "ITU", "ITU-T study groups on network standards.", []),
        ("technical-standards", "IETF", "The Internet's protocol standards (RFCs), open to all.", ["awareness"]),
        ("web-standards", "W3C", "HTML, CSS and accessibility guidelines.", []),
        ("ip-numbers", "RIPE NCC", "Allocates IP addresses in its region; IPv6 training.", ["awareness"]),
        ("ip-numbers", "ICANN", "Coordinates the global IP address pool (IANA functions).", []),
        ("domain-name-system", "ICANN", "Policy for generic top-level domains through its supporting organizations.", ["implementation"]),
        ("root-zone", "ICANN", "Maintains the root zone through its IANA affiliate, PTI.", []),
        ("net-neutrality", "OECD", "Comparative studies of traffic management rules.", ["research"]),
        ("cloud-computing", "OECD", "Reports on cloud services and data governance.", ["research"]),
        ("convergence", "ITU", "Work on regulatory frameworks for converged services.", []),
        ("internet-of-things", "ITU", "ITU-T study group on IoT and smart cities.", ["research"]),
        ("cybersecurity", "ITU", "Global Cybersecurity Index and national CIRT support.", ["capacity"]),
        ("cybercrime", "CoE", "Serves the Budapest Convention and its committee.", ["implementation"]),
        ("critical-information-infrastructure", "OECD", "Recommendation on digital security of critical activities.", ["implementation"]),
        ("child-safety-online", "ITU", "Child Online Protection guidelines.", ["awareness"]),
        ("child-safety-online", "CoE", "Lanzarote Convention on the protection of children.", ["implementation"]),
        ("encryption", "IETF", "Transport encryption standards (TLS 1.3).", ["implementation"]),
        ("spam", "ITU", "Studies on countering spam.", []),
        ("freedom-of-expression", "UNESCO", "Internet Universality indicators.", ["awareness"]),
        ("freedom-of-expression", "CoE", "Standards under Article 10 of the European Convention on Human Rights.", []),
        ("privacy-and-data-protection", "CoE", "Convention 108+, open to States outside Europe.", ["implementation"]),
        ("privacy-and-data-protection", "OECD", "Privacy Guidelines, revised in 2013.", ["implementation"]),
        ("rights-of-persons-with-disabilities", "W3C", "Web Content Accessibility Guidelines.", ["implementation", "capacity"]),
        ("womens-rights-online", "APC", "Feminist principles of the Internet; research on online violence.", ["awareness", "research"]),
        ("e-commerce", "OECD", "Recommendation on consumer protection in e-commerce.", []),
        ("e-commerce", "ICC", "Business rules and model contracts for digital trade.", []),
        ("consumer-protection", "OECD", "Consumer policy committee reports.", ["implementation"]),
        ("intermediaries", "CoE", "Recommendation on the roles and responsibilities of Internet intermediaries.", ["awareness"]),
        ("access", "ITU", "Connect 2030 targets for affordable access.", ["implementation"]),
        ("access", "APC", "Community networks in rural areas.", ["capacity"]),
        ("digital-divide", "ITU", "Measuring the digital divide (ICT Development Index).", ["implementation", "capacity"]),
        ("capacity-development", "UNESCO", "Training for policy makers and journalists.", ["capacity"]),
        ("content-policy", "UNESCO", "Guidelines for the governance of digital platforms.", ["awareness"]),
        ("cultural-diversity", "UNESCO", "2005 Convention on the diversity of cultural expressions.", []),
        ("multilingualism", "UNESCO", "Recommendation on multilingualism and universal access to cyberspace.", ["implementation"]),
        ("multilingualism", "W3C", "Internationalization of web standards.", []),
    ];

    private static readonly (string Issue, string Title, string Url, string Note, string[] Gaps)[] Instruments =
    [
        ("cybercrime", "Convention on Cybercrime (Budapest, 2001)", "https://www.coe.int/en/web/cybercrime/the-budapest-convention", "In force for over 70 States.", ["implementation"]),
        ("digital-signatures", "UNCITRAL Model Law on Electronic Signatures (2001)", "https://uncitral.un.org/en/texts/ecommerce/modellaw/electronic_signatures", "Enacted in some 40 States.", ["implementation", "awareness"]),
        ("copyright", "WIPO Copyright Treaty (1996)", "https://www.wipo.int/treaties/en/ip/wct/", "The Internet treaties of WIPO.", []),
        ("trademark", "Uniform Domain-Name Dispute-Resolution Policy", "https://www.icann.org/resources/pages/help/dndr/udrp-en", "Disputes over domain names and trademarks.", []),
        ("dispute-resolution", "Uniform Domain-Name Dispute-Resolution Policy", "https://www.icann.org/resources/pages/help/dndr/udrp-en", "Covers domain names only.", ["research"]),
        ("cyber-conflict", "Report of the Group of Governmental Experts, A/70/174", "https://undocs.org/A/70/174", "Voluntary norms of responsible State behaviour.", ["implementation"]),
    ];

    /// <summary>¶69: who says what, and why. Voices: B Brazil, I India, K Kenya, F France, U United
    /// States, C civil society, P private sector, T technical community, G intergovernmental
    /// organization, O international organization.</summary>
    private static readonly (string Issue, char Voice, string Scope, string Reason)[] Assessments =
    [
        ("net-neutrality", 'B', "international-public-policy", "Traffic discrimination decides which services reach developing countries; Brazil's Marco Civil shows it is public policy."),
        ("net-neutrality", 'I', "national-public-policy", "Each regulator weighs differential pricing against access; India decided it nationally."),
        ("net-neutrality", 'K', "national-public-policy", "Zero-rating brought people online here; the rules should stay with the national regulator."),
        ("net-neutrality", 'F', "national-public-policy", "Settled by European and national regulators; no global instrument is needed."),
        ("net-neutrality", 'U', "national-public-policy", "A domestic regulatory choice, and one that keeps changing."),
        ("net-neutrality", 'C', "international-public-policy", "Access to information across borders depends on it; a matter of rights, not of engineering."),
        ("net-neutrality", 'P', "technical-operational", "Traffic management is network engineering; operators need room to run their networks."),
        ("net-neutrality", 'T', "technical-operational", "Queue management and peering are operational; only abuse of them touches policy."),
        ("net-neutrality", 'G', "national-public-policy", "Our member States regulate it nationally, within common principles."),
        ("net-neutrality", 'O', "international-public-policy", "Interconnection between countries makes it an international question."),
        ("root-zone", 'B', "international-public-policy", "No single government should hold a special role over a global resource."),
        ("root-zone", 'I', "international-public-policy", "Changes to the root affect every country's presence online."),
        ("root-zone", 'K', "international-public-policy", "Country-code delegations are a sovereign concern of every State."),
        ("root-zone", 'F', "technical-operational", "Since the 2016 IANA transition, day-to-day changes are operations under community oversight."),
        ("root-zone", 'U', "technical-operational", "Root zone maintenance is a technical function that works; it is not for governments to run."),
        ("root-zone", 'C', "international-public-policy", "Accountability for the root is a public interest question."),
        ("root-zone", 'P', "technical-operational", "Stability requires that operations stay with the technical operators."),
        ("root-zone", 'T', "technical-operational", "Root zone edits are clerical; policy is made elsewhere, openly."),
        ("root-zone", 'G', "technical-operational", "Operational, unless a delegation dispute arises."),
        ("root-zone", 'O', "international-public-policy", "Governments asked in Tunis for an equal role on critical Internet resources."),
        ("encryption", 'B', "national-public-policy", "Lawful access is decided by each State's courts."),
        ("encryption", 'I', "national-public-policy", "Security agencies need lawful access under national law."),
        ("encryption", 'K', "national-public-policy", "Our data protection act sets the rules."),
        ("encryption", 'F', "international-public-policy", "Weak encryption anywhere weakens it everywhere; it needs common commitments."),
        ("encryption", 'U', "national-public-policy", "A question for national law and courts."),
        ("encryption", 'C', "international-public-policy", "Encryption protects journalists and activists across borders; a human rights question."),
        ("encryption", 'P', "international-public-policy", "Diverging national rules on back doors break global products."),
        ("encryption", 'T', "technical-operational", "Protocol design is for open standards bodies, not for policy fora."),
        ("encryption", 'G', "international-public-policy", "Convention 108+ and cybercrime cooperation both depend on it."),
        ("encryption", 'O', "international-public-policy", "Trust in ICTs, the WSIS action line C5, needs it."),
        ("privacy-and-data-protection", 'I', "international-public-policy", "Data flows cross borders; protection must follow them."),
        ("privacy-and-data-protection", 'U', "national-public-policy", "Interoperability between national regimes, not a global law."),
        ("privacy-and-data-protection", 'C', "international-public-policy", "Article 17 of the Covenant applies online."),
        ("privacy-and-data-protection", 'P', "international-public-policy", "Companies need one set of rules, not two hundred."),
        ("cybersecurity", 'C', "technical-operational", "Mostly incident response between CERTs."),
        ("cybersecurity", 'C', "international-public-policy", "On reflection: attacks on infrastructure cross borders and need norms, not only CERTs."),
        ("cybersecurity", 'K', "international-public-policy", "Capacity to respond differs so much between countries that it needs cooperation."),
        ("cybersecurity", 'T', "technical-operational", "Operational security among network operators works best without politics."),
    ];

    public async Task LoadAsync(DemoDrafts.Cast cast, CancellationToken ct)
    {
        var chair = cast.Chair;
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.Acronym != null).ToDictionaryAsync(o => o.Acronym!, o => o.Id, ct);
        var proposers = new[] { cast.CivilSociety, cast.Technical, cast.Intergovernmental, cast.InternationalOrganization, chair };
        var i = 0;
        foreach (var (issue, organization, note, gaps) in Organizations)
        {
            await MapAsync(proposers[i++ % proposers.Length], chair, issue, new ProposeMappingChange.Command
            {
                Kind = "organization", OrganizationId = organizations[organization], StatusNote = note, Gaps = gaps,
                Reason = $"{organization} works on this issue.",
            }, ct);
        }
        foreach (var (issue, title, url, note, gaps) in Instruments)
        {
            await MapAsync(chair, chair, issue, new ProposeMappingChange.Command { Kind = "external", Title = title, Url = url, StatusNote = note, Gaps = gaps, Reason = "A reference instrument on this issue." }, ct);
        }

        // One proposal waits for the secretariat; one was turned down.
        Expect(await propose.HandleAsync(cast.PrivateSector, "taxation", new ProposeMappingChange.Command
        {
            Kind = "organization", OrganizationId = organizations["OECD"], StatusNote = "The OECD/G20 Inclusive Framework on the taxation of the digital economy.",
            Gaps = ["implementation"], Reason = "The framework is where digital taxation is negotiated.",
        }, ct));
        var rejected = Expect(await propose.HandleAsync(cast.Technical, "labour-law", new ProposeMappingChange.Command
        {
            Kind = "organization", OrganizationId = organizations["IETF"], Reason = "Remote work depends on our protocols.",
        }, ct));
        Expect(await decide.HandleAsync(chair, "labour-law", rejected.Id, new DecideMappingProposal.Command
        {
            Decision = "reject", Reason = "The IETF does not address labour law; the ILO would, and is not yet in the registry.",
        }, ct));

        var voices = new Dictionary<char, Actor>
        {
            ['B'] = cast.Brazil, ['I'] = cast.India, ['K'] = cast.Kenya, ['F'] = cast.France, ['U'] = cast.UnitedStates,
            ['C'] = cast.CivilSociety, ['P'] = cast.PrivateSector, ['T'] = cast.Technical, ['G'] = cast.Intergovernmental, ['O'] = cast.InternationalOrganization,
        };
        foreach (var (issue, voice, scope, reason) in Assessments)
        {
            Expect(await assess.HandleAsync(voices[voice], issue, new AssessScope.Command { Scope = scope, Reason = reason }, ct));
        }
        // Brazil's second delegate restates the State's view on the root zone: still one voice.
        Expect(await assess.HandleAsync(cast.Brazil2, "root-zone", new AssessScope.Command
        {
            Scope = "international-public-policy", Reason = "Brazil reaffirms: oversight of the root is an international public policy issue (NETmundial, 2014).",
        }, ct));

        var documents = await db.Documents.AsNoTracking().Where(d => d.Symbol.EndsWith("(WTPF-13)")).ToDictionaryAsync(d => d.Symbol, d => d.Id, ct);
        foreach (var (symbol, issue) in new[]
                 {
                     ("Opinion 1 (WTPF-13)", "communications-infrastructure"), ("Opinion 2 (WTPF-13)", "access"), ("Opinion 3 (WTPF-13)", "ip-numbers"),
                     ("Opinion 3 (WTPF-13)", "capacity-development"), ("Opinion 4 (WTPF-13)", "ip-numbers"),
                 })
        {
            if (documents.TryGetValue(symbol, out var id)) Expect(await tag.HandleAsync(chair, issue, new TagWithIssue.Command { Subject = "document", SubjectId = id }, ct));
        }
        var access = await db.Consultations.AsNoTracking().Where(c => c.Topic.StartsWith("Bringing the unconnected online")).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (access != Guid.Empty)
        {
            Expect(await tag.HandleAsync(chair, "access", new TagWithIssue.Command { Subject = "consultation", SubjectId = access }, ct));
            Expect(await tag.HandleAsync(chair, "multilingualism", new TagWithIssue.Command { Subject = "consultation", SubjectId = access }, ct));
        }
    }

    private async Task MapAsync(Actor proposer, Actor chair, string issue, ProposeMappingChange.Command command, CancellationToken ct)
    {
        var proposal = Expect(await propose.HandleAsync(proposer, issue, command, ct));
        Expect(await decide.HandleAsync(chair, issue, proposal.Id, new DecideMappingProposal.Command { Decision = "accept", Reason = "Checked against the organization's mandate and work programme." }, ct));
    }
}
