using Kreminna1325.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Kreminna1325.Web.Accounts;

/// <summary>The authorization policies; each is one of Core's <see cref="Permissions"/>, so pages, actions and endpoints agree.</summary>
public static class Policies
{
    public const string CanEditPlan = nameof(CanEditPlan);
    public const string CanReview = nameof(CanReview);
    public const string CanManageUsers = nameof(CanManageUsers);
    public const string CanViewAudit = nameof(CanViewAudit);
    public const string CanViewDashboard = nameof(CanViewDashboard);
    public const string CanReport = nameof(CanReport);
    public const string CanViewOutbox = nameof(CanViewOutbox);

    /// <summary>Resource policy: the resource is the measure id.</summary>
    public const string CanReportForMeasure = nameof(CanReportForMeasure);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CanEditPlan, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanEditPlan(c.User)));
        options.AddPolicy(CanReview, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanReview(c.User)));
        options.AddPolicy(CanManageUsers, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanManageUsers(c.User)));
        options.AddPolicy(CanViewAudit, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanViewAudit(c.User)));
        options.AddPolicy(CanViewDashboard, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanViewDashboard(c.User)));
        options.AddPolicy(CanReport, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanReport(c.User)));
        options.AddPolicy(CanViewOutbox, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.CanViewOutbox(c.User)));
        options.AddPolicy(CanReportForMeasure, p => p.RequireAuthenticatedUser().AddRequirements(new MeasureReportRequirement()));
    }
}

public sealed class MeasureReportRequirement : IAuthorizationRequirement;

/// <summary>Allows when the resource (a measure id) is one the person's bodies are responsible for.</summary>
public sealed class MeasureReportHandler(MeasureAccess access) : AuthorizationHandler<MeasureReportRequirement, int>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, MeasureReportRequirement requirement, int measureId)
    {
        if (await access.CanReportForMeasureAsync(context.User, measureId))
        {
            context.Succeed(requirement);
        }
    }
}
