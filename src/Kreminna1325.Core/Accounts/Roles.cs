namespace Kreminna1325.Core.Accounts;

/// <summary>The app's roles. The names are also the role ids, so audit records read on their own.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CouncilStaff = "CouncilStaff";
    public const string ResponsibleOfficial = "ResponsibleOfficial";
    public const string Executive = "Executive";

    /// <summary>Reads every community of one oblast (dashboards, annual reports, roll-ups); changes nothing.</summary>
    public const string OblastCoordinator = "OblastCoordinator";

    /// <summary>Reads every community; changes nothing.</summary>
    public const string NationalCoordinator = "NationalCoordinator";

    /// <summary>Creates communities and their first administrators; holds no community role by it.</summary>
    public const string SystemAdministrator = "SystemAdministrator";

    /// <summary>The roles a person holds in one community, granted by that community's administrator.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, CouncilStaff, ResponsibleOfficial, Executive];

    /// <summary>Roles that read communities without belonging to them.</summary>
    public static readonly IReadOnlyList<string> Coordinators = [OblastCoordinator, NationalCoordinator];
}
