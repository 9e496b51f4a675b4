using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kreminna1325.Core.Seed;

/// <summary>Puts a transcribed plan into the database, once.</summary>
public sealed class PlanLoader(IDbContextFactory<AppDbContext> dbFactory, ILogger<PlanLoader> logger)
{
    // Two app instances starting together must not both see an empty database and load twice.
    private const long SeedLockKey = 0x4B52_1325;

    /// <summary>
    /// Loads the plan when the database holds no plan at all; returns the new plan's id, or null
    /// when there was already a plan and nothing was written.
    /// </summary>
    public async Task<int?> LoadIfEmptyAsync(PlanDocument document, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);

        if (await db.Plans.AnyAsync(ct))
        {
            return null;
        }

        var bodies = await ResolveBodiesAsync(db, document.Bodies, ct);
        var plan = Build(document, bodies);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await Monitoring.PeriodSync.SyncPlanAsync(db, plan.Id, ct);
        await tx.CommitAsync(ct);

        logger.LogInformation(
            "Loaded plan {Title} ({Municipality}): {Directions} directions, {Measures} measures",
            plan.Title, plan.Municipality, plan.Directions.Count, plan.Directions.Sum(d => d.Measures.Count));
        return plan.Id;
    }

    /// <summary>Bodies are shared across plans: reuse one with the same canonical name.</summary>
    private static async Task<Dictionary<string, ResponsibleBody>> ResolveBodiesAsync(
        AppDbContext db, List<BodyDocument> documents, CancellationToken ct)
    {
        var names = documents.Select(b => b.Name).ToList();
        var existing = await db.ResponsibleBodies.Where(b => names.Contains(b.Name)).ToDictionaryAsync(b => b.Name, ct);
        var result = new Dictionary<string, ResponsibleBody>();
        foreach (var doc in documents)
        {
            if (!existing.TryGetValue(doc.Name, out var body))
            {
                body = new ResponsibleBody { Name = doc.Name, ShortName = doc.ShortName, Kind = doc.Kind };
                db.ResponsibleBodies.Add(body);
            }

            foreach (var alias in doc.Aliases.Where(a => !body.Aliases.Contains(a)))
            {
                body.Aliases.Add(alias);
            }

            result.Add(doc.Key, body);
        }

        return result;
    }

    private static Plan Build(PlanDocument document, Dictionary<string, ResponsibleBody> bodies)
    {
        var plan = new Plan
        {
            Municipality = document.Municipality,
            Region = document.Region,
            Title = document.Title,
            StartYear = document.StartYear,
            EndYear = document.EndYear,
            ReportingCadence = document.ReportingCadence,
            PrintedTotals = document.PrintedTotals.Select(t => ToPrinted(t, null)).ToList(),
        };

        foreach (var (d, i) in document.Directions.Select((d, i) => (d, i)))
        {
            var direction = new Direction
            {
                Number = d.Number,
                Title = d.Title,
                Order = i + 1,
                Measures = d.Measures.Select(m => BuildMeasure(d.Number, m, bodies)).ToList(),
            };
            plan.Directions.Add(direction);
            plan.PrintedTotals.AddRange(d.PrintedTotals.Select(t => ToPrinted(t, direction)));
        }

        return plan;
    }

    private static Measure BuildMeasure(string direction, MeasureDocument m, Dictionary<string, ResponsibleBody> bodies)
    {
        return new Measure
        {
            Number = m.Number,
            Content = m.Content,
            Term = TermParser.Parse(m.Term),
            FundingNote = m.FundingNote,
            ResponsibleBodies = m.Responsible.Select((r, i) => new MeasureResponsibleBody
            {
                ResponsibleBody = bodies.TryGetValue(r.Body, out var body)
                    ? body
                    : throw new InvalidDataException($"Measure {direction}.{m.Number} names unknown body key '{r.Body}'."),
                Position = i + 1,
                ByAgreement = r.ByAgreement,
            }).ToList(),
            Indicators = m.Indicators.Select((text, i) =>
            {
                var kind = IndicatorWording.InferKind(text);
                return new Indicator
                {
                    Text = text,
                    Position = i + 1,
                    Kind = kind,
                    Disaggregations = IndicatorWording.InferDisaggregations(text, kind),
                };
            }).ToList(),
            FundingLines = m.FundingLines
                .Select(f => new FundingLine { Source = f.Source, Year = f.Year, Amount = f.Amount })
                .ToList(),
        };
    }

    private static PrintedTotal ToPrinted(PrintedTotalDocument t, Direction? direction) =>
        new() { Direction = direction, Source = t.Source, Year = t.Year, Amount = t.Amount };
}
