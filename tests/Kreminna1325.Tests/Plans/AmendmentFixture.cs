using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Plans;

/// <summary>The built-in plan, on a Kyiv day well after it ended, with the services that record and read its amendments.</summary>
public class AmendmentFixture : SeededDatabase
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public AmendmentRecorder Recorder => RecorderOver(DbFactory);

    public AmendmentRecorder RecorderOver(IDbContextFactory<AppDbContext> factory) =>
        new(factory, new AmendmentFormValidator(), new CommunityClock(Clock), Clock);

    public BudgetReportService Budgets => new(DbFactory);

    public PlanVersions Versions => new(DbFactory, new PlanQueries(DbFactory));

    /// <summary>A measure's line of a direction, with what the line, the direction and the plan hold for its source and year.</summary>
    public async Task<LineAt> LineAsync(string direction, FundingSource source, int year, int skip = 0)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var line = await db.FundingLines
            .Where(f => f.Measure.Direction.Number == direction && f.Source == source && f.Year == year && f.Amount > 0)
            .OrderBy(f => f.Measure.Number)
            .Select(f => new { f.MeasureId, f.Measure.DirectionId, f.Amount })
            .Skip(skip).FirstAsync();
        return new LineAt(line.MeasureId, line.DirectionId, source, year, line.Amount);
    }

    /// <summary>A decision that moves one line by <paramref name="delta"/> and states the totals that follow from it.</summary>
    public async Task<AmendmentForm> FormAsync(LineAt line, decimal delta, string number)
    {
        var budget = (await Budgets.GetAsync(PlanId))!;
        var direction = budget.Directions.Single(d => d.DirectionId == line.DirectionId);
        return new AmendmentForm
        {
            PlanId = PlanId,
            Number = number,
            DecidedOn = new DateOnly(2021, 6, 10),
            Title = $"Про внесення змін до Плану (рішення {number})",
            Lines = [new AmendedLine { MeasureId = line.MeasureId, Source = line.Source, Year = line.Year, Amount = line.Amount + delta }],
            PrintedTotals =
            [
                new AmendedTotal { DirectionId = line.DirectionId, Source = line.Source, Year = line.Year, Amount = direction.Total(line.Source, line.Year) + delta },
                new AmendedTotal { DirectionId = null, Source = line.Source, Year = line.Year, Amount = budget.Total(line.Source, line.Year) + delta },
            ],
        };
    }

    public async Task<(int Amendments, int Amounts, int Printed, int Audit, decimal Funding)> CountsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return (await db.PlanAmendments.CountAsync(), await db.VersionAmounts.CountAsync(), await db.PrintedTotals.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.FundingLines.SumAsync(f => f.Amount));
    }
}

public sealed record LineAt(int MeasureId, int DirectionId, FundingSource Source, int Year, decimal Amount);
