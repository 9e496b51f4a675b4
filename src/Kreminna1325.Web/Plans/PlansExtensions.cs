using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Seed;

namespace Kreminna1325.Web.Plans;

public static class PlansExtensions
{
    public static void AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Kreminna1325.Core.CommunityClock>();
        builder.Services.AddValidatorsFromAssemblyContaining<UserFormValidator>(ServiceLifetime.Singleton);

        // Scoped like the context factory they use, so their writes are audited in the caller's name.
        builder.Services.AddScoped<PlanQueries>();
        builder.Services.AddScoped<BudgetReportService>();
        builder.Services.AddScoped<PlanLoader>();
        builder.Services.AddScoped<AuditQueries>();
        builder.Services.AddScoped<MeasureEditor>();
        builder.Services.AddScoped<MeasureSearch>();
        builder.Services.AddScoped<DirectionEditor>();
        builder.Services.AddScoped<BodyRegistry>();
        builder.Services.AddScoped<PlanEditor>();
        builder.Services.AddScoped<Kreminna1325.Core.Monitoring.ReportService>();
        builder.Services.AddScoped<Kreminna1325.Core.Monitoring.ReportQueries>();
        builder.Services.AddScoped<Kreminna1325.Core.Monitoring.EvidenceFiles>();
        builder.Services.AddScoped<Kreminna1325.Web.Monitoring.DemoReports>();
        builder.Services.AddScoped<Kreminna1325.Core.Dashboard.DashboardService>();
    }
}
