using System.Security.Claims;

namespace Kreminna1325.Core.Accounts;

/// <summary>
/// Who may do what, written once. The web app's authorization policies and the services' own
/// guards both call these, so a page, a button and a direct request are judged alike.
/// </summary>
public static class Permissions
{
    public static bool CanEditPlan(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CouncilStaff);

    public static bool CanReview(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CouncilStaff);

    public static bool CanManageUsers(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>Sees the e-mail outbox: whether mail is on, what waits and what failed, to whom.</summary>
    public static bool CanViewOutbox(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CouncilStaff);

    public static bool CanViewAudit(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Executive);

    /// <summary>The dashboard and the annual report: a community's executives, staff and administrators, and coordinators reading it.</summary>
    public static bool CanViewDashboard(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CouncilStaff) || user.IsInRole(Roles.Executive) || IsCoordinator(user);

    /// <summary>
    /// Reads every report and its evidence, whoever's measure it is. Officials read only the reports of
    /// their bodies' measures (<see cref="MeasureAccess.CanReadReportsAsync"/>).
    /// </summary>
    public static bool CanReadAllReports(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CouncilStaff) || user.IsInRole(Roles.Executive) || IsCoordinator(user);

    /// <summary>
    /// An oblast or national coordinator: reads the community they chose (one of theirs, checked when it is chosen),
    /// never changes, reviews, reports or manages accounts — no rule but the reading ones above names them.
    /// </summary>
    public static bool IsCoordinator(ClaimsPrincipal user) =>
        user.IsInRole(Roles.OblastCoordinator) || user.IsInRole(Roles.NationalCoordinator);

    /// <summary>Has reports of their own to fill in (the measure decides whether this one is theirs).</summary>
    public static bool CanReport(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ResponsibleOfficial);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The services' own guard: a hidden button is not a check.</summary>
    public static void DemandEditPlan(ClaimsPrincipal user) =>
        Demand(user, CanEditPlan, "Only council staff and administrators edit the plan.");

    /// <summary>
    /// The services' own guard for one of the rules above, the same the page's policy asks: a page's
    /// attribute is not a check on whoever else calls the service.
    /// </summary>
    public static void Demand(ClaimsPrincipal user, Func<ClaimsPrincipal, bool> rule, string refusal)
    {
        if (!rule(user))
        {
            throw new ForbiddenException(refusal);
        }
    }
}
