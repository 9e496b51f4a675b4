namespace Kreminna1325.Core.Plans.Editing;

/// <summary>Copies a validated measure form onto the tracked measure, its bodies, indicators and funding lines.</summary>
internal static class MeasureApply
{
    public static void Apply(MeasureForm form, Measure measure)
    {
        measure.Content = form.Content.Trim();
        measure.Term = form.Term.ToTerm();
        measure.FundingNote = form.FundingNote;

        // Responsible bodies: keep the rows that stay (so their history continues), in the form's order.
        measure.ResponsibleBodies.RemoveAll(r => form.ResponsibleBodies.All(f => f.BodyId != r.ResponsibleBodyId));
        for (var i = 0; i < form.ResponsibleBodies.Count; i++)
        {
            var f = form.ResponsibleBodies[i];
            var row = measure.ResponsibleBodies.FirstOrDefault(r => r.ResponsibleBodyId == f.BodyId);
            if (row is null)
            {
                row = new MeasureResponsibleBody { ResponsibleBodyId = f.BodyId };
                measure.ResponsibleBodies.Add(row);
            }

            row.Position = i + 1;
            row.ByAgreement = f.ByAgreement;
        }

        var keptIndicators = form.Indicators.Where(f => f.Id != 0).Select(f => f.Id).ToHashSet();
        measure.Indicators.RemoveAll(i => !keptIndicators.Contains(i.Id));
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var f = form.Indicators[i];
            var row = measure.Indicators.FirstOrDefault(x => f.Id != 0 && x.Id == f.Id);
            if (row is null)
            {
                row = new Indicator { Text = "" };
                measure.Indicators.Add(row);
            }

            row.Position = i + 1;
            row.Text = f.Text.Trim();
            row.Kind = f.Kind;
            if (!row.Disaggregations.SequenceEqual(f.Disaggregations.Distinct().Order()))
            {
                row.Disaggregations = f.Disaggregations.Distinct().Order().ToList();
            }
        }

        measure.FundingLines.RemoveAll(l => form.FundingLines.All(f => f.Source != l.Source || f.Year != l.Year));
        foreach (var f in form.FundingLines)
        {
            var line = measure.FundingLines.FirstOrDefault(l => l.Source == f.Source && l.Year == f.Year);
            if (line is null)
            {
                measure.FundingLines.Add(new FundingLine { Source = f.Source, Year = f.Year, Amount = f.Amount });
            }
            else
            {
                line.Amount = f.Amount;
            }
        }
    }
}
