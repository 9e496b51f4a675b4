using FluentValidation;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Core.Plans.Amendments;

/// <summary>
/// A council decision as staff record it, with what it changes: the new amounts of funding lines and the new
/// printed totals the decision states. Everything in it is applied together, under the decision, or nothing is.
/// </summary>
public sealed class AmendmentForm
{
    public int PlanId { get; set; }
    public string Number { get; set; } = "";
    public DateOnly? DecidedOn { get; set; }
    public string Title { get; set; } = "";
    public List<AmendedLine> Lines { get; set; } = [];
    public List<AmendedTotal> PrintedTotals { get; set; } = [];

    // Set by the recorder from the plan and the community's day before validating.
    internal int PlanStartYear { get; set; }
    internal int PlanEndYear { get; set; }
    internal DateOnly Today { get; set; }
}

/// <summary>The new amount of one measure's line for a source and year (a line the measure does not have yet is added).</summary>
public sealed class AmendedLine
{
    public int MeasureId { get; set; }
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A printed total the decision states: of a direction, or of the whole plan when DirectionId is null.</summary>
public sealed class AmendedTotal
{
    public int? DirectionId { get; set; }
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

public sealed class AmendmentFormValidator : AbstractValidator<AmendmentForm>
{
    /// <summary>A plan is adopted before it starts; a decision from before the year preceding it cannot amend it.</summary>
    public const int YearsBeforeStart = 1;

    public AmendmentFormValidator()
    {
        RuleFor(a => a.Number)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Messages.Get("Amendment.NumberRequired"))
            .TypedText(PlanAmendment.NumberMaxLength);
        RuleFor(a => a.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Amendment.TitleRequired"))
            .TypedText(PlanAmendment.TitleMaxLength, multiLine: true);
        RuleFor(a => a.DecidedOn)
            .NotNull().WithMessage(_ => Messages.Get("Amendment.DateRequired"))
            .Must((a, d) => d is not { } day || (day >= Earliest(a) && day <= a.Today))
            .WithMessage(a => Messages.Get("Amendment.DateOutOfRange", Earliest(a).ToString("dd.MM.yyyy"), a.Today.ToString("dd.MM.yyyy")));
        RuleFor(a => a.Lines.Count + a.PrintedTotals.Count)
            .LessThanOrEqualTo(10_000).OverridePropertyName(nameof(AmendmentForm.Lines))
            .WithMessage(_ => Messages.Get("Amendment.TooManyChanges"));
        RuleForEach(a => a.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Source).IsInEnum().WithMessage(l => Messages.Get("Value.Unknown", l.Source));
            line.RuleFor(l => l.Amount).SetValidator(new AmountValidator());
        });
        RuleForEach(a => a.Lines)
            .Must((a, l) => l.Year >= a.PlanStartYear && l.Year <= a.PlanEndYear)
            .WithMessage((a, l) => Messages.Get("Funding.YearOutsidePlan", l.Year, a.PlanStartYear, a.PlanEndYear));
        RuleFor(a => a.Lines)
            .Must(lines => lines.DistinctBy(l => (l.MeasureId, l.Source, l.Year)).Count() == lines.Count)
            .WithMessage(_ => Messages.Get("Amendment.DuplicateChange"));
        RuleForEach(a => a.PrintedTotals).NotNull().ChildRules(total =>
        {
            total.RuleFor(t => t.Source).IsInEnum().WithMessage(t => Messages.Get("Value.Unknown", t.Source));
            total.RuleFor(t => t.Amount).SetValidator(new AmountValidator());
        });
        RuleForEach(a => a.PrintedTotals)
            .Must((a, t) => t.Year >= a.PlanStartYear && t.Year <= a.PlanEndYear)
            .WithMessage((a, t) => Messages.Get("Funding.YearOutsidePlan", t.Year, a.PlanStartYear, a.PlanEndYear));
        RuleFor(a => a.PrintedTotals)
            .Must(totals => totals.DistinctBy(t => (t.DirectionId, t.Source, t.Year)).Count() == totals.Count)
            .WithMessage(_ => Messages.Get("Amendment.DuplicateChange"));
    }

    public static DateOnly Earliest(AmendmentForm a) => new(a.PlanStartYear - YearsBeforeStart, 1, 1);

    /// <summary>The same bounds as a funding line's amount in the measure editor.</summary>
    private sealed class AmountValidator : AbstractValidator<decimal>
    {
        public AmountValidator()
        {
            RuleFor(a => a)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Messages.Get("Funding.AmountNegative"))
                .LessThan(MeasureFormValidator.MaxAmount).WithMessage(_ => Messages.Get("Funding.AmountTooLarge"))
                .Must(a => decimal.Round(a, 2) == a).WithMessage(_ => Messages.Get("Funding.AmountPrecision"));
        }
    }
}
