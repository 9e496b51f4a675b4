namespace Kreminna1325.Core.Accounts;

/// <summary>The app's roles. The names are also the role ids, so audit records read on their own.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CouncilStaff = "CouncilStaff";
    public const string ResponsibleOfficial = "ResponsibleOfficial";
    public const string Executive = "Executive";

    public static readonly IReadOnlyList<string> All = [Administrator, CouncilStaff, ResponsibleOfficial, Executive];
}
