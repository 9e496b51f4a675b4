using FluentValidation;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Core.Monitoring;

/// <summary>A report as an official fills it in: every indicator of the measure for one period.</summary>
public sealed class ReportForm
{
    public int ReportId { get; set; }
    public int PeriodId { get; set; }
    public int MeasureId { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Draft;
    public ImplementationStatus? Implementation { get; set; }
    public string? NotDoneReason { get; set; }
    public string? Narrative { get; set; }
    public List<ValueForm> Values { get; set; } = [];
    public List<SpendingForm> Spending { get; set; } = [];
    public uint Version { get; set; }
}

public sealed class ValueForm
{
    public int IndicatorId { get; set; }
    public string IndicatorText { get; set; } = "";
    public IndicatorKind Kind { get; set; }
    public List<Disaggregation> Requested { get; set; } = [];
    public decimal? Number { get; set; }
    public bool? Present { get; set; }
    public string? DocumentReference { get; set; }
    public List<string> Entries { get; set; } = [];
    public string? Text { get; set; }

    /// <summary>Per requested dimension, the count in each category (null = not entered yet).</summary>
    public Dictionary<Disaggregation, Dictionary<string, int?>> Breakdown { get; set; } = [];

    /// <summary>The running sum of a partition's cells; overlapping categories (<see cref="Breakdowns.Overlaps"/>) are never added up.</summary>
    public int? SumOf(Disaggregation dimension) =>
        Breakdown.TryGetValue(dimension, out var cells) && cells.Values.Any(v => v is not null) ? cells.Values.Sum(v => v ?? 0) : null;

    /// <summary>An indicator's value as the form shows it: only the breakdowns the app knows, every category's cell.</summary>
    internal static ValueForm Of(Indicator indicator, IndicatorValue? value)
    {
        List<Disaggregation> known = [.. Breakdowns.Known(indicator.Disaggregations)];
        return new()
        {
            IndicatorId = indicator.Id,
            IndicatorText = indicator.Text,
            Kind = indicator.Kind,
            Requested = known,
            Number = value?.Number,
            Present = value?.Present,
            DocumentReference = value?.DocumentReference,
            Entries = value?.Entries.ToList() ?? [],
            Text = value?.Text,
            Breakdown = indicator.Kind != IndicatorKind.Count ? [] : known.ToDictionary(
                d => d,
                d => Breakdowns.Categories[d].ToDictionary(
                    c => c,
                    c => value?.Breakdown.FirstOrDefault(b => b.Dimension == d && b.Category == c)?.Count)),
        };
    }
}

public sealed class SpendingForm
{
    public FundingSource Source { get; set; }

    /// <summary>Planned for the period's year, for comparison; not saved.</summary>
    public decimal Planned { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>
/// Checks a report. Saving a draft checks only that what is entered is well-formed (a partition
/// that is entered must add up, no overlapping category exceeds the total); submitting also
/// requires everything to be there.
/// </summary>
public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public const string Submit = "Submit";

    public ReportFormValidator()
    {
        RuleFor(r => r.Narrative).TypedText(Report.NarrativeMaxLength, multiLine: true);
        RuleFor(r => r.NotDoneReason).TypedText(Report.CommentMaxLength, multiLine: true);
        RuleFor(r => r.Implementation).IsInEnum().WithMessage(r => Messages.Get("Value.Unknown", r.Implementation!));
        RuleForEach(r => r.Values).SetValidator(new ValueFormValidator());
        RuleFor(r => r.Spending)
            .Must(s => s.Select(x => x.Source).Distinct().Count() == s.Count)
            .WithMessage(_ => Messages.Get("Value.Duplicate"))
            .Must(s => s.All(x => Enum.IsDefined(x.Source)))
            .WithMessage(r => Messages.Get("Value.Unknown", r.Spending.First(x => !Enum.IsDefined(x.Source)).Source));
        RuleForEach(r => r.Spending).ChildRules(s =>
            s.RuleFor(x => x.Amount)
                .Must(a => a is not { } v || (v >= 0 && v < Plans.Editing.MeasureFormValidator.MaxAmount && decimal.Round(v, 2) == v))
                .WithMessage(_ => Messages.Get("Report.SpendingInvalid")));

        RuleSet(Submit, () =>
        {
            RuleFor(r => r.Implementation).NotNull().WithMessage(_ => Messages.Get("Report.ImplementationRequired"));
            RuleFor(r => r.NotDoneReason)
                .Must(reason => !string.IsNullOrWhiteSpace(reason)).When(r => r.Implementation == ImplementationStatus.NotDone)
                .WithMessage(_ => Messages.Get("Report.NotDoneReasonRequired"));
            RuleFor(r => r.Narrative).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Messages.Get("Report.NarrativeRequired"));
            RuleForEach(r => r.Values).SetValidator(new CompleteValueValidator());
        });
    }

    /// <summary>Why a reviewer's comment cannot be stored (missing, too long, forbidden characters), or null.</summary>
    public static string? CommentProblem(string? comment, string requiredKey) =>
        string.IsNullOrWhiteSpace(comment) ? Messages.Get(requiredKey) : TypedTextRules.Problem(comment.Trim(), Report.CommentMaxLength, multiLine: true);
}

public sealed class ValueFormValidator : AbstractValidator<ValueForm>
{
    /// <summary>Entries of a list indicator (events, documents …) in one report.</summary>
    public const int MaxEntries = 200;

    public ValueFormValidator()
    {
        RuleFor(v => v.Number)
            .Must(n => n is null || (n >= 0 && n < 1_000_000_000 && decimal.Truncate(n.Value) == n.Value))
            .When(v => v.Kind == IndicatorKind.Count)
            .WithMessage(_ => Messages.Get("Report.CountInvalid"));
        RuleFor(v => v.Number)
            .Must(n => n is null || (n >= 0 && n <= 100 && decimal.Round(n.Value, 1) == n.Value))
            .When(v => v.Kind == IndicatorKind.Percentage)
            .WithMessage(_ => Messages.Get("Report.PercentageInvalid"));
        RuleFor(v => v.DocumentReference).TypedText(IndicatorValue.DocumentReferenceMaxLength);
        RuleFor(v => v.Entries).Must(e => e.Count <= MaxEntries).WithMessage(v => Messages.Get("List.TooLong", MaxEntries, v.Entries.Count));
        RuleForEach(v => v.Entries).TypedText(IndicatorValue.DocumentReferenceMaxLength).When(v => v.Entries.Count <= MaxEntries);
        RuleFor(v => v.Text).TypedText(Report.NarrativeMaxLength, multiLine: true);
        foreach (var dimension in Enum.GetValues<Disaggregation>())
        {
            RuleFor(v => v)
                .Must(v => v.Breakdown[dimension].Values.All(c => c is null or >= 0))
                .When(v => v.Breakdown.ContainsKey(dimension))
                .WithName($"Breakdown.{dimension}")
                .OverridePropertyName($"Breakdown.{dimension}")
                .WithMessage(_ => Messages.Get("Report.BreakdownNegative"));
            RuleFor(v => v)
                .Must(v => v.SumOf(dimension) is not { } sum || sum == v.Number)
                .When(v => v.Kind == IndicatorKind.Count && v.Requested.Contains(dimension) && Breakdowns.IsPartition(dimension))
                .OverridePropertyName($"Breakdown.{dimension}")
                .WithMessage(v => Messages.Get("Report.BreakdownMismatch", Messages.Get($"Disaggregation.{dimension}"), v.SumOf(dimension) ?? 0, v.Number ?? 0));

            // Overlapping categories are never added up: each is at most the total, and those in
            // "none of these" are in no other category, so they and any one category fit in the total.
            RuleFor(v => v)
                .Must(v => Largest(v, dimension) <= (v.Number ?? 0))
                .When(v => v.Kind == IndicatorKind.Count && v.Requested.Contains(dimension) && Breakdowns.Overlaps(dimension))
                .OverridePropertyName($"Breakdown.{dimension}")
                .WithMessage(v => Messages.Get("Report.BreakdownOverTotal", Messages.Get($"Disaggregation.{dimension}"), Largest(v, dimension), v.Number ?? 0));
            RuleFor(v => v)
                .Must(v => Cell(v, dimension, Breakdowns.None) + Largest(v, dimension, exceptNone: true) <= (v.Number ?? 0))
                .When(v => v.Kind == IndicatorKind.Count && v.Requested.Contains(dimension) && Breakdowns.Overlaps(dimension)
                    && Cell(v, dimension, Breakdowns.None) > 0 && Largest(v, dimension) <= (v.Number ?? 0))
                .OverridePropertyName($"Breakdown.{dimension}")
                .WithMessage(v => Messages.Get("Report.BreakdownNoneOverlap", Messages.Get($"Disaggregation.{dimension}"),
                    Cell(v, dimension, Breakdowns.None), Largest(v, dimension, exceptNone: true), v.Number ?? 0));
        }
    }

    private static int Cell(ValueForm v, Disaggregation dimension, string category) =>
        v.Breakdown.TryGetValue(dimension, out var cells) && cells.TryGetValue(category, out var n) ? n ?? 0 : 0;

    private static int Largest(ValueForm v, Disaggregation dimension, bool exceptNone = false) =>
        v.Breakdown.TryGetValue(dimension, out var cells)
            ? cells.Where(c => !exceptNone || c.Key != Breakdowns.None).Select(c => c.Value ?? 0).DefaultIfEmpty(0).Max()
            : 0;
}

/// <summary>What a submitted value must have: an answer of its kind, and every requested breakdown filled in.</summary>
public sealed class CompleteValueValidator : AbstractValidator<ValueForm>
{
    public CompleteValueValidator()
    {
        RuleFor(v => v.Number).NotNull().When(v => v.Kind is IndicatorKind.Count or IndicatorKind.Percentage)
            .WithMessage(_ => Messages.Get("Report.ValueRequired"));
        RuleFor(v => v.Present).NotNull().When(v => v.Kind == IndicatorKind.Presence)
            .WithMessage(_ => Messages.Get("Report.ValueRequired"));
        RuleFor(v => v.DocumentReference).Must(d => !string.IsNullOrWhiteSpace(d)).When(v => v.Kind == IndicatorKind.Presence && v.Present == true)
            .WithMessage(_ => Messages.Get("Report.DocumentRequired"));
        RuleFor(v => v.Entries).Must(e => e.Any(x => !string.IsNullOrWhiteSpace(x))).When(v => v.Kind == IndicatorKind.List)
            .WithMessage(_ => Messages.Get("Report.ValueRequired"));
        RuleFor(v => v.Text).Must(t => !string.IsNullOrWhiteSpace(t)).When(v => v.Kind == IndicatorKind.Text)
            .WithMessage(_ => Messages.Get("Report.ValueRequired"));
        foreach (var dimension in Enum.GetValues<Disaggregation>())
        {
            RuleFor(v => v)
                .Must(v => v.Breakdown.TryGetValue(dimension, out var cells) && cells.Values.All(c => c is not null))
                .When(v => v.Kind == IndicatorKind.Count && v.Requested.Contains(dimension) && v.Number is > 0)
                .OverridePropertyName($"Breakdown.{dimension}")
                .WithMessage(_ => Messages.Get("Report.BreakdownRequired", Messages.Get($"Disaggregation.{dimension}")));
        }
    }
}
