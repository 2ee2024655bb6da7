namespace Ecp.Features.Registry;

/// <summary>ECOSOC consultative status of a non-governmental organization.</summary>
public enum ConsultativeStatus
{
    None,
    General,
    Special,
    Roster,
}

/// <summary>
/// A body that takes part: a company, an NGO, a university, an intergovernmental or
/// international organization. A "relevant organization" (Tunis Agenda ¶71) files annual
/// performance reports.
/// </summary>
public sealed class Organization
{
    public const int NameMaxLength = 200;

    private Organization()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string? Acronym { get; private set; }

    public StakeholderGroup StakeholderGroup { get; private set; }

    /// <summary>ISO 3166-1 alpha-3 code of the country of its seat, if any.</summary>
    public string? CountryCode { get; private set; }

    public ConsultativeStatus ConsultativeStatus { get; private set; }

    public bool IsRelevantOrganization { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Governments take part as Member States, never as organizations: any other group.</summary>
    public static bool MayBeOf(StakeholderGroup? group) => group is not (null or StakeholderGroup.Government);

    public static Organization Register(
        string name, string? acronym, StakeholderGroup group, string? countryCode,
        ConsultativeStatus status, bool isRelevant, DateTimeOffset now)
    {
        if (!MayBeOf(group))
        {
            throw new ArgumentException("Governments are Member States, not organizations.", nameof(group));
        }
        return new Organization
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Acronym = string.IsNullOrWhiteSpace(acronym) ? null : acronym.Trim(),
            StakeholderGroup = group,
            CountryCode = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode.Trim().ToUpperInvariant(),
            ConsultativeStatus = status,
            IsRelevantOrganization = isRelevant,
            RegisteredAt = now,
        };
    }
}
