using Kreminna1325.Core;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web;
using Kreminna1325.Web.Audit;
using Kreminna1325.Web.Budget;
using Kreminna1325.Web.Communities;
using Kreminna1325.Web.Dashboard;
using Kreminna1325.Web.Exchange;
using Kreminna1325.Web.Plans.Editing;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Data;
using Kreminna1325.Web.Deployment;
using Kreminna1325.Web.Monitoring;
using Kreminna1325.Web.Notifications;
using Kreminna1325.Web.Plans;
using Kreminna1325.Web.Plans.Amendments;
using Kreminna1325.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddStructuredLogging();
builder.AddDeployment();
builder.AddDatabase();
builder.AddAccounts();
builder.AddCommunities();
builder.Services.AddCommunityClock().AddPlans().AddBudget().AddMonitoring().AddDashboard().AddAudit()
    .AddExchange();
builder.AddWebUi();
builder.AddOpenDataApi();
builder.AddNotifications();
builder.Services.AddPlanDownloads();
builder.AddPublicCaching();

var app = builder.Build();
app.UseDeployment();

// Commands: `migrate` is how production updates its schema (never at start there);
// `create-admin` makes the first administrator of an install.
switch (args.FirstOrDefault())
{
    case "migrate":
        await app.Services.MigrateAndSeedAsync();
        return 0;
    case "create-admin":
        return await Commands.CreateAdminAsync(app.Services, args.Skip(1).ToArray());
}

if (app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
{
    await app.Services.MigrateAndSeedAsync();
}

app.UseSecurityHeaders(SecurityHeaders.Policy);
app.UseWebUi();
app.UseApiErrors();
app.UseAccounts();
app.UsePublicCaching();
app.UseAntiforgery();
app.MapOpenDataApi();
app.MapBudgetApi();
app.MapAmendmentsApi();
app.MapExchangeApi();
app.MapPlanApi();
app.MapEvidenceDownload();
app.MapDashboardApi();
app.MapAccountEndpoints();
app.MapPreferences();
app.MapNotifications();
app.MapCommunities();
app.MapDatabaseHealth();
app.MapWebUi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
