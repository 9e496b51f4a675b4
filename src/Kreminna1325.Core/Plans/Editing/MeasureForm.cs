using FluentValidation;
using Kreminna1325.Core.Validation;

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

/// <summary>
/// What a measure may hold, for the editor and the API alike. The rules that need the database
/// (bodies that exist, indicators of this measure, kinds of indicators that hold values) are in
/// <see cref="MeasureReferences"/>.
/// </summary>
public sealed class MeasureFormValidator : AbstractValidator<MeasureForm>
{
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxIndicators = 100;
    public const int MaxResponsibleBodies = 30;

    public MeasureFormValidator()
    {
        RuleFor(m => m.Content)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => Messages.Get("Measure.ContentRequired"))
            .TypedText(Measure.ContentMaxLength, multiLine: true);
        RuleFor(m => m.Term).NotNull().SetValidator(new TermFormValidator());
        RuleFor(m => m.ResponsibleBodies)
            .NotEmpty().WithMessage(_ => Messages.Get("Measure.BodyRequired"))
            .Must(list => list.Count <= MaxResponsibleBodies).WithMessage(m => Messages.Get("Measure.TooManyBodies", MaxResponsibleBodies, m.ResponsibleBodies.Count))
            .Must(list => list.All(r => r is not null && r.BodyId > 0)).WithMessage(_ => Messages.Get("Measure.BodyUnknown"));
        RuleFor(m => m.ResponsibleBodies)
            .Must(list => list.Select(r => r?.BodyId).Distinct().Count() == list.Count)
            .WithMessage(m => Messages.Get("Measure.BodyDuplicate",
                m.ResponsibleBodies.GroupBy(r => r?.BodyId).Where(g => g.Count() > 1).Select(g => g.First()?.Name ?? g.Key.ToString()).FirstOrDefault() ?? ""));
        RuleFor(m => m.Indicators)
            .Must(list => list.Count <= MaxIndicators).WithMessage(m => Messages.Get("Measure.TooManyIndicators", MaxIndicators, m.Indicators.Count))
            .Must(list => list.Where(i => i is not null && i.Id != 0).GroupBy(i => i.Id).All(g => g.Count() == 1))
            .WithMessage(_ => Messages.Get("Indicator.DuplicateId"));

        // A list far over its limit is refused as a whole, not with a message for each of its thousands of entries.
        RuleForEach(m => m.Indicators).NotNull().SetValidator(new IndicatorFormValidator()).When(m => m.Indicators.Count <= MaxIndicators);
        RuleFor(m => m.FundingNote).IsInEnum().WithMessage(m => Messages.Get("Value.Unknown", m.FundingNote!));
        RuleFor(m => m.FundingLines)
            .Must((m, lines) => lines.Count <= MaxFundingLines(m))
            .WithMessage(m => Messages.Get("Funding.TooManyLines", MaxFundingLines(m), m.FundingLines.Count));
        RuleForEach(m => m.FundingLines).NotNull().ChildRules(line =>
        {
            line.RuleFor(f => f.Source).IsInEnum().WithMessage(f => Messages.Get("Value.Unknown", f.Source));
            line.RuleFor(f => f.Amount)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Messages.Get("Funding.AmountNegative"))
                .LessThan(MaxAmount).WithMessage(_ => Messages.Get("Funding.AmountTooLarge"))
                .Must(a => decimal.Round(a, 2) == a).WithMessage(_ => Messages.Get("Funding.AmountPrecision"));
        }).When(m => m.FundingLines.Count <= MaxFundingLines(m));
        RuleForEach(m => m.FundingLines)
            .Must((m, f) => f is null || (f.Year >= m.PlanStartYear && f.Year <= m.PlanEndYear))
            .WithMessage((m, f) => Messages.Get("Funding.YearOutsidePlan", f.Year, m.PlanStartYear, m.PlanEndYear))
            .When(m => m.FundingLines.Count <= MaxFundingLines(m));
        RuleFor(m => m.FundingLines)
            .Must(lines => lines.Select(f => (f?.Source, f?.Year)).Distinct().Count() == lines.Count)
            .WithMessage(m => Duplicate(m.FundingLines));
    }

    /// <summary>One line per source and year of the plan.</summary>
    public static int MaxFundingLines(MeasureForm m) =>
        Enum.GetValues<FundingSource>().Length * Math.Max(1, m.PlanEndYear - m.PlanStartYear + 1);

    private static string Duplicate(List<FundingLineForm> lines)
    {
        var d = lines.Where(f => f is not null).GroupBy(f => (f.Source, f.Year)).FirstOrDefault(g => g.Count() > 1)?.Key;
        return d is { } key ? Messages.Get("Funding.Duplicate", Messages.Get($"Source.{key.Source}"), key.Year) : Messages.Get("Value.Unknown", "null");
    }
}

public sealed class TermFormValidator : AbstractValidator<TermForm>
{
    public TermFormValidator()
    {
        RuleFor(t => t.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Measure.TermRequired"))
            .TypedText(Term.TextMaxLength);
        RuleFor(t => t.Kind).IsInEnum().WithMessage(t => Messages.Get("Value.Unknown", t.Kind));
        RuleFor(t => t.Quarter)
            .Must(q => q is >= 1 and <= 4).When(t => t.Kind == TermKind.AnnualInQuarter)
            .WithMessage(_ => Messages.Get("Measure.QuarterRequired"));
        RuleFor(t => t.FirstMonth)
            .Must(m => m is >= 1 and <= 12).When(t => t.Kind == TermKind.AnnualInMonths)
            .WithMessage(_ => Messages.Get("Measure.MonthsRequired"));
        RuleFor(t => t.LastMonth)
            .Must(m => m is >= 1 and <= 12).When(t => t.Kind == TermKind.AnnualInMonths)
            .WithMessage(_ => Messages.Get("Measure.MonthsRequired"));

        // Reporting periods run inside one year: "December–January" has no meaning the schedule can keep.
        RuleFor(t => t.LastMonth)
            .Must((t, last) => t.FirstMonth <= last)
            .When(t => t.Kind == TermKind.AnnualInMonths && t.FirstMonth is >= 1 and <= 12 && t.LastMonth is >= 1 and <= 12)
            .WithMessage(_ => Messages.Get("Measure.MonthsReversed"));
    }
}

public sealed class IndicatorFormValidator : AbstractValidator<IndicatorForm>
{
    public IndicatorFormValidator()
    {
        RuleFor(i => i.Id).GreaterThanOrEqualTo(0).WithMessage(_ => Messages.Get("Indicator.Unknown"));
        RuleFor(i => i.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Indicator.TextRequired"))
            .TypedText(Indicator.TextMaxLength, multiLine: true);
        RuleFor(i => i.Kind).IsInEnum().WithMessage(i => Messages.Get("Value.Unknown", i.Kind));
        RuleFor(i => i.Disaggregations)
            .Empty().When(i => i.Kind != IndicatorKind.Count)
            .WithMessage(_ => Messages.Get("Indicator.DisaggregationsOnlyForCounts"));
        RuleFor(i => i.Disaggregations)
            .Must(list => list.All(Enum.IsDefined))
            .WithMessage(i => Messages.Get("Value.Unknown", string.Join(", ", i.Disaggregations.Where(d => !Enum.IsDefined(d)).Take(5))))
            .Must(list => list.Distinct().Count() == list.Count).WithMessage(_ => Messages.Get("Value.Duplicate"));
    }
}
