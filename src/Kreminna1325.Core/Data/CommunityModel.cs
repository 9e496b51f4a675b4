using System.Linq.Expressions;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Data;

/// <summary>
/// Isolation written once: every row a community keeps answers to <see cref="AppDbContext.CommunityId"/>, so a
/// query made for one community cannot see another's, whichever service forgot to ask.
/// </summary>
internal static class CommunityModel
{
    /// <summary>Tables whose community is copied from the parent row by a trigger (see the Communities migration).</summary>
    public static readonly Type[] FilledByDatabase =
        [typeof(Measure), typeof(ReportingPeriod), typeof(Report), typeof(ValueBreakdown), typeof(ReportSpending)];

    public static void Apply(AppDbContext db, ModelBuilder model)
    {
        Own<Plan>(db, model);
        Own<ResponsibleBody>(db, model);
        Own<Measure>(db, model);
        Own<ReportingPeriod>(db, model);
        Own<Report>(db, model);
        Own<ValueBreakdown>(db, model);
        Own<ReportSpending>(db, model);

        // Rows reached through a community's row share its filter, so a read by id cannot step across.
        Filter<Direction>(model, db, d => d.Plan.CommunityId);
        Filter<Indicator>(model, db, i => i.Measure.CommunityId);
        Filter<FundingLine>(model, db, f => f.Measure.CommunityId);
        Filter<MeasureResponsibleBody>(model, db, r => r.Measure.CommunityId);
        Filter<IndicatorValue>(model, db, v => v.Report.CommunityId);
        Filter<Evidence>(model, db, e => e.Report.CommunityId);

        // The view carries the community first, so the filter narrows the reports it reads rather than its answer.
        Filter<MeasureYearStatus>(model, db, s => s.CommunityId);

        model.Entity<AuditEntry>().HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        Filter<AuditEntry>(model, db, a => a.CommunityId);
    }

    private static void Own<T>(AppDbContext db, ModelBuilder model) where T : class, ICommunityOwned
    {
        var entity = model.Entity<T>();
        entity.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Restrict);
        if (FilledByDatabase.Contains(typeof(T)))
        {
            entity.Property(e => e.CommunityId).ValueGeneratedOnAdd();
        }

        Filter<T>(model, db, e => e.CommunityId);
    }

    /// <summary>
    /// The context is a constant in the expression, as <c>this</c> would be in OnModelCreating, so EF reads the
    /// property of the context running each query rather than of the one that built the model.
    /// </summary>
    private static void Filter<T>(ModelBuilder model, AppDbContext db, Expression<Func<T, int?>> community) where T : class
    {
        var row = community.Parameters[0];
        var current = Expression.Property(Expression.Constant(db), nameof(AppDbContext.CommunityId));
        var body = Expression.OrElse(
            Expression.Equal(current, Expression.Constant(null, typeof(int?))),
            Expression.Equal(community.Body, current));
        model.Entity<T>().HasQueryFilter(AppDbContext.CommunityFilter, Expression.Lambda<Func<T, bool>>(body, row));
    }
}
