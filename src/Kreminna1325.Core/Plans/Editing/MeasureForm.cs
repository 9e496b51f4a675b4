using FluentValidation;

namespace Kreminna1325.Core.Plans.Editing;

/// <summary>A whole measure as staff edit it, with the version it was read at.</summary>
public sealed class MeasureForm
{
    public int Id { get; set; }
    public int DirectionId { get; set; }
    public int Number { get; set; }
    public string Content { get; set; } = "";
    public TermForm Term { get; set; } = new();
    public List<ResponsibleForm> ResponsibleBodies { get; set; } = [];
    public List<IndicatorForm> Indicators { get; set; } = [];
    public FundingNote? FundingNote { get; set; }
    public List<FundingLineForm> FundingLines { get; set; } = [];
    public uint Version { get; set; }

    /// <summary>The plan's period, for the funding years; always set from the database, never trusted from a client.</summary>
    public int PlanStartYear { get; set; }
    public int PlanEndYear { get; set; }
}

public sealed class TermForm
{
    public string Text { get; set; } = "";
    public TermKind Kind { get; set; } = TermKind.Ongoing;
    public int? Quarter { get; set; }
    public int? FirstMonth { get; set; }
    public int? LastMonth { get; set; }

    public Term ToTerm() => new()
    {
        Text = Text.Trim(),
        Kind = Kind,
        Quarter = Kind == TermKind.AnnualInQuarter ? Quarter : null,
        FirstMonth = Kind == TermKind.AnnualInMonths ? FirstMonth : null,
        LastMonth = Kind == TermKind.AnnualInMonths ? LastMonth : null,
    };

    public static TermForm From(Term t) =>
        new() { Text = t.Text, Kind = t.Kind, Quarter = t.Quarter, FirstMonth = t.FirstMonth, LastMonth = t.LastMonth };
}

public sealed class ResponsibleForm
{
    public int BodyId { get; set; }

    /// <summary>For display only.</summary>
    public string? Name { get; set; }
    public bool ByAgreement { get; set; }
}

public sealed class IndicatorForm
{
    /// <summary>0 for a new indicator.</summary>
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public IndicatorKind Kind { get; set; } = IndicatorKind.Count;
    public List<Disaggregation> Disaggregations { get; set; } = [];
}

public sealed class FundingLineForm
{
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

public sealed class MeasureFormValidator : AbstractValidator<MeasureForm>
{
    public const decimal MaxAmount = 1_000_000_000m;

    public MeasureFormValidator()
    {
        RuleFor(m => m.Content)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => Messages.Get("Measure.ContentRequired"))
            .MaximumLength(Measure.ContentMaxLength)
            .WithMessage(m => Messages.Get("Measure.ContentTooLong", Measure.ContentMaxLength, m.Content.Length));
        RuleFor(m => m.Term).NotNull().SetValidator(new TermFormValidator());
        RuleFor(m => m.ResponsibleBodies)
            .NotEmpty().WithMessage(_ => Messages.Get("Measure.BodyRequired"));
        RuleFor(m => m.ResponsibleBodies)
            .Must(list => list.Select(r => r.BodyId).Distinct().Count() == list.Count)
            .WithMessage(m => Messages.Get("Measure.BodyDuplicate",
                m.ResponsibleBodies.GroupBy(r => r.BodyId).Where(g => g.Count() > 1).Select(g => g.First().Name ?? g.Key.ToString()).FirstOrDefault() ?? ""));
        RuleForEach(m => m.Indicators).SetValidator(new IndicatorFormValidator());
        RuleFor(m => m.FundingNote).IsInEnum();
        RuleForEach(m => m.FundingLines).ChildRules(line =>
        {
            line.RuleFor(f => f.Source).IsInEnum();
            line.RuleFor(f => f.Amount)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Messages.Get("Funding.AmountNegative"))
                .LessThan(MaxAmount).WithMessage(_ => Messages.Get("Funding.AmountTooLarge"))
                .Must(a => decimal.Round(a, 2) == a).WithMessage(_ => Messages.Get("Funding.AmountPrecision"));
        });
        RuleForEach(m => m.FundingLines)
            .Must((m, f) => f.Year >= m.PlanStartYear && f.Year <= m.PlanEndYear)
            .WithMessage((m, f) => Messages.Get("Funding.YearOutsidePlan", f.Year, m.PlanStartYear, m.PlanEndYear));
        RuleFor(m => m.FundingLines)
            .Must(lines => lines.Select(f => (f.Source, f.Year)).Distinct().Count() == lines.Count)
            .WithMessage(m => Duplicate(m.FundingLines));
    }

    private static string Duplicate(List<FundingLineForm> lines)
    {
        var d = lines.GroupBy(f => (f.Source, f.Year)).First(g => g.Count() > 1).Key;
        return Messages.Get("Funding.Duplicate", Messages.Get($"Source.{d.Source}"), d.Year);
    }
}

public sealed class TermFormValidator : AbstractValidator<TermForm>
{
    public TermFormValidator()
    {
        RuleFor(t => t.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Measure.TermRequired"))
            .MaximumLength(Term.TextMaxLength).WithMessage(_ => Messages.Get("Measure.TermTooLong", Term.TextMaxLength));
        RuleFor(t => t.Kind).IsInEnum();
        RuleFor(t => t.Quarter)
            .Must(q => q is >= 1 and <= 4).When(t => t.Kind == TermKind.AnnualInQuarter)
            .WithMessage(_ => Messages.Get("Measure.QuarterRequired"));
        RuleFor(t => t.FirstMonth)
            .Must(m => m is >= 1 and <= 12).When(t => t.Kind == TermKind.AnnualInMonths)
            .WithMessage(_ => Messages.Get("Measure.MonthsRequired"));
        RuleFor(t => t.LastMonth)
            .Must(m => m is >= 1 and <= 12).When(t => t.Kind == TermKind.AnnualInMonths)
            .WithMessage(_ => Messages.Get("Measure.MonthsRequired"));
    }
}

public sealed class IndicatorFormValidator : AbstractValidator<IndicatorForm>
{
    public IndicatorFormValidator()
    {
        RuleFor(i => i.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Indicator.TextRequired"))
            .MaximumLength(Indicator.TextMaxLength).WithMessage(_ => Messages.Get("Indicator.TextTooLong", Indicator.TextMaxLength));
        RuleFor(i => i.Kind).IsInEnum();
        RuleFor(i => i.Disaggregations)
            .Empty().When(i => i.Kind != IndicatorKind.Count)
            .WithMessage(_ => Messages.Get("Indicator.DisaggregationsOnlyForCounts"));
    }
}
