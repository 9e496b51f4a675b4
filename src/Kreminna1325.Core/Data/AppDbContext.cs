using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<CommunityGrant> CommunityGrants => Set<CommunityGrant>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Direction> Directions => Set<Direction>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<ResponsibleBody> ResponsibleBodies => Set<ResponsibleBody>();
    public DbSet<MeasureResponsibleBody> MeasureResponsibleBodies => Set<MeasureResponsibleBody>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<FundingLine> FundingLines => Set<FundingLine>();
    public DbSet<PrintedTotal> PrintedTotals => Set<PrintedTotal>();
    public DbSet<PlanAmendment> PlanAmendments => Set<PlanAmendment>();
    public DbSet<AmendmentScan> AmendmentScans => Set<AmendmentScan>();
    public DbSet<VersionAmount> VersionAmounts => Set<VersionAmount>();
    public DbSet<UserResponsibleBody> UserResponsibleBodies => Set<UserResponsibleBody>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<Monitoring.ReportingPeriod> ReportingPeriods => Set<Monitoring.ReportingPeriod>();
    public DbSet<Monitoring.Report> Reports => Set<Monitoring.Report>();
    public DbSet<Monitoring.IndicatorValue> IndicatorValues => Set<Monitoring.IndicatorValue>();
    public DbSet<Monitoring.ValueBreakdown> ValueBreakdowns => Set<Monitoring.ValueBreakdown>();
    public DbSet<Monitoring.ReportSpending> ReportSpending => Set<Monitoring.ReportSpending>();
    public DbSet<Monitoring.Evidence> Evidence => Set<Monitoring.Evidence>();
    public DbSet<Monitoring.ReportEvent> ReportEvents => Set<Monitoring.ReportEvent>();
    public DbSet<Monitoring.MeasureYearStatus> MeasureYearStatuses => Set<Monitoring.MeasureYearStatus>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.ScheduleRun> ScheduleRuns => Set<Notifications.ScheduleRun>();
    public DbSet<Notifications.ReminderMark> ReminderMarks => Set<Notifications.ReminderMark>();

    internal AuditState Audit { get; } = new();

    /// <summary>
    /// The community this unit of work is for: when set, every community's rows but this one's are invisible to
    /// queries (the named filter <see cref="CommunityFilter"/>). Null for work that spans communities (start-up,
    /// schedules, roll-ups, the public's reads); the web app's context factory sets it for a signed-in person.
    /// </summary>
    public int? CommunityId { get; set; }

    public const string CommunityFilter = "community";

    // A pooled context (the tests' factory) goes back to the pool still kept to a community unless cleared here;
    // the next unit of work would then read through a filter it never asked for.
    public override void Dispose()
    {
        CommunityId = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        CommunityId = null;
        return base.DisposeAsync();
    }

    /// <summary>ICU Ukrainian order (а, б, в, г, ґ, д, е, є, ж, з, и, і, ї …) for names people sort by.</summary>
    public const string UkrainianCollation = "uk_ua_icu";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(UkrainianCollation, locale: "uk-UA", provider: "icu", deterministic: true);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        CommunityModel.Apply(this, modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads on its own and reordering an enum is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Money in thousand UAH with kopiyka precision; never a binary float.
        configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
    }
}
