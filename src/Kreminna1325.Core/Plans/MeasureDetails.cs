using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans;

/// <summary>A measure's own fields as staff edit them, with the version they started from.</summary>
public sealed class MeasureDetailsForm
{
    public int Id { get; set; }
    public string Content { get; set; } = "";
    public string TermText { get; set; } = "";
    public FundingNote? FundingNote { get; set; }
    public uint Version { get; set; }

    public static MeasureDetailsForm From(Measure m) =>
        new() { Id = m.Id, Content = m.Content, TermText = m.Term.Text, FundingNote = m.FundingNote, Version = m.Version };
}

public sealed class MeasureDetailsValidator : AbstractValidator<MeasureDetailsForm>
{
    public MeasureDetailsValidator()
    {
        RuleFor(m => m.Content)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => Messages.Get("Measure.ContentRequired"))
            .MaximumLength(Measure.ContentMaxLength)
            .WithMessage(m => Messages.Get("Measure.ContentTooLong", Measure.ContentMaxLength, m.Content.Length));
        RuleFor(m => m.TermText)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Measure.TermRequired"))
            .MaximumLength(Term.TextMaxLength).WithMessage(_ => Messages.Get("Measure.TermTooLong", Term.TextMaxLength))
            .Must(t => TermParser.TryParse(t, out _)).When(m => !string.IsNullOrWhiteSpace(m.TermText))
            .WithMessage(_ => Messages.Get("Measure.TermUnknown"));
        RuleFor(m => m.FundingNote).IsInEnum();
    }
}

public enum EditOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// The result of a save. On <see cref="EditOutcome.Conflict"/>, <see cref="Current"/> holds what
/// is stored now, so the person can compare it with their own values before saving again.
/// </summary>
public sealed record EditResult<T>(
    EditOutcome Outcome,
    IReadOnlyDictionary<string, string[]> Errors,
    T? Current = default,
    uint? Version = null)
{
    public bool Saved => Outcome == EditOutcome.Saved;
}

/// <summary>Edits of a measure's own fields. Checks the caller itself: a hidden button is not a check.</summary>
public sealed class MeasureDetailsEditor(IDbContextFactory<AppDbContext> dbFactory, IValidator<MeasureDetailsForm> validator)
{
    public async Task<MeasureDetailsForm?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return measure is null ? null : MeasureDetailsForm.From(measure);
    }

    public async Task<EditResult<MeasureDetailsForm>> SaveAsync(ClaimsPrincipal user, MeasureDetailsForm form, CancellationToken ct = default)
    {
        if (!Permissions.CanEditPlan(user))
        {
            throw new ForbiddenException("Only council staff and administrators edit the plan.");
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]>(validation.ToDictionary()));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == form.Id, ct);
        if (measure is null)
        {
            return new(EditOutcome.NotFound, Error("", Messages.Get("Measure.NotFound")));
        }

        if (measure.Version != form.Version)
        {
            return new(EditOutcome.Conflict, Error("", Messages.Get("Measure.Conflict")), MeasureDetailsForm.From(measure), measure.Version);
        }

        // The version read above is the one the update is conditioned on, so a change made
        // between this read and the save is caught too.
        measure.Content = form.Content.Trim();
        measure.Term = TermParser.Parse(form.TermText.Trim());
        measure.FundingNote = form.FundingNote;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await fresh.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == form.Id, ct);
            return current is null
                ? new(EditOutcome.NotFound, Error("", Messages.Get("Measure.NotFound")))
                : new(EditOutcome.Conflict, Error("", Messages.Get("Measure.Conflict")), MeasureDetailsForm.From(current), current.Version);
        }

        return new(EditOutcome.Saved, new Dictionary<string, string[]>(), MeasureDetailsForm.From(measure), measure.Version);
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
