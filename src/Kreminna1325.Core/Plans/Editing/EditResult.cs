namespace Kreminna1325.Core.Plans.Editing;

public enum EditOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// The outcome of a write. Errors are keyed by field path ("" for the whole form). On
/// <see cref="EditOutcome.Conflict"/>, <see cref="Current"/> holds what is stored now, so the person
/// can compare it with their own values before applying them again.
/// </summary>
public sealed record EditResult<T>(EditOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors, T? Current = default)
{
    public bool Saved => Outcome == EditOutcome.Saved;

    public string Message => string.Join(" ", Errors.Values.SelectMany(v => v));

    public static EditResult<T> Ok(T current) => new(EditOutcome.Saved, new Dictionary<string, string[]>(), current);

    public static EditResult<T> Fail(EditOutcome outcome, string message, T? current = default) =>
        new(outcome, new Dictionary<string, string[]> { [""] = [message] }, current);

    public static EditResult<T> Invalid(FluentValidation.Results.ValidationResult validation) =>
        new(EditOutcome.Invalid, new Dictionary<string, string[]>(validation.ToDictionary()));
}
