using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Seed;

/// <summary>
/// Makes a plan's entities from a transcribed plan and its bodies, keyed as the document names them: one home for
/// the seed's loader and the spreadsheet import, so a plan is built the same way whichever way it came in.
/// </summary>
public static class PlanBuilder
{
    public static Plan Build(PlanDocument document, IReadOnlyDictionary<string, ResponsibleBody> bodies)
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

    private static Measure BuildMeasure(string direction, MeasureDocument m, IReadOnlyDictionary<string, ResponsibleBody> bodies)
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
