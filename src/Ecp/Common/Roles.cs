namespace Ecp.Common;

/// <summary>What a person may do here, given by the secretariat's accreditation.</summary>
public enum Role
{
    /// <summary>Anyone without an account: reads, searches, verifies.</summary>
    Public,

    /// <summary>Has an account but no accreditation yet.</summary>
    Registered,
    Secretariat,
    Delegate,
    Stakeholder,
    Reporter,
}

public static class RoleNames
{
    public static string ResourceKey(this Role role) => "Role." + role;
}
