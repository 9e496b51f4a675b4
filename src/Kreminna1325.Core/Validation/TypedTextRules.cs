using FluentValidation;

namespace Kreminna1325.Core.Validation;

/// <summary>
/// What any text a person types may hold, wherever it is stored: within its column's length, and
/// no control characters (a tab and line breaks only where the field has several lines) and no
/// bidirectional overrides, which make a name read differently from what is stored. Every validator
/// and every service that takes text uses this one rule.
/// </summary>
public static class TypedTextRules
{
    /// <summary>The reason the text cannot be stored, or null when it can. Null text is for the caller's "required" rule.</summary>
    public static string? Problem(string? text, int maxLength, bool multiLine = false)
    {
        if (text is null)
        {
            return null;
        }

        if (FirstForbidden(text, multiLine) is { } at)
        {
            return Messages.Get("Text.ForbiddenCharacter", $"U+{(int)text[at]:X4}", at + 1);
        }

        return text.Length > maxLength ? Messages.Get("Text.TooLong", maxLength, text.Length) : null;
    }

    /// <summary>The index of the first character that is never stored, or null.</summary>
    public static int? FirstForbidden(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(text[i], multiLine))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsForbidden(char c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,

        // Half of a surrogate pair alone is not text: PostgreSQL refuses to store it.
        _ => char.IsSurrogate(c),
    };

    /// <summary>The rule for a typed text field: see <see cref="Problem"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> TypedText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiLine = false) =>
        rule.Custom((text, context) =>
        {
            if (Problem(text, maxLength, multiLine) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
}
