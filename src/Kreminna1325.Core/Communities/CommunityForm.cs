using System.Text.RegularExpressions;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Core.Communities;

/// <summary>What the system administrator fills in to host a new community, and its first administrator.</summary>
public sealed class CommunityForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string OblastCode { get; set; } = "";
    public string OblastName { get; set; } = "";
    public string Slug { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    public string AdminName { get; set; } = "";
}

/// <summary>
/// The form's rules. The KATOTTG check here is of form only: UA and 17 digits, a community-level code (the oblast's
/// two digits, then a raion and a hromada, not zeros) and an oblast code of the same oblast. When Katottg (the shipped
/// codifier list, branch i14-katottg) is on main, the code is to be checked against it (Katottg.MustBeHromadaCode)
/// and the name and oblast taken from it.
/// </summary>
public sealed partial class CommunityFormValidator : AbstractValidator<CommunityForm>
{
    public CommunityFormValidator()
    {
        RuleFor(f => f.Code)
            .Must(IsCommunityCode).WithMessage(_ => Messages.Get("Community.CodeInvalid"));
        RuleFor(f => f.OblastCode)
            .Must(IsOblastCode).WithMessage(_ => Messages.Get("Community.OblastCodeInvalid"))
            .Must((f, oblast) => !IsCommunityCode(f.Code) || !IsOblastCode(oblast) || Normalize(oblast)[..4] == Normalize(f.Code)[..4])
            .WithMessage(_ => Messages.Get("Community.OblastMismatch"));
        RuleFor(f => f.Name)
            .NotEmpty().WithMessage(_ => Messages.Get("Community.NameRequired"))
            .TypedText(Community.NameMaxLength);
        RuleFor(f => f.OblastName)
            .NotEmpty().WithMessage(_ => Messages.Get("Community.OblastNameRequired"))
            .TypedText(Community.NameMaxLength);
        RuleFor(f => f.Slug)
            .Must(s => s is { Length: >= 2 and <= Community.SlugMaxLength } && SlugPattern().IsMatch(s)).WithMessage(_ => Messages.Get("Community.SlugInvalid"));
        RuleFor(f => f.AdminEmail)
            .NotEmpty().WithMessage(_ => Messages.Get("User.EmailRequired"))
            .EmailAddress().WithMessage(_ => Messages.Get("User.EmailInvalid"))
            .TypedText(256);
        RuleFor(f => f.AdminName)
            .NotEmpty().WithMessage(_ => Messages.Get("User.FullNameRequired"))
            .TypedText(AppUser.FullNameMaxLength);
    }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// A hromada-level code: UA, the oblast (2 digits), raion (2) and hromada (3) not zeros, no settlement or district
    /// part (5 zeros), then the codifier's five-digit number: Kreminna is UA 44 12 003 00000 94047.
    /// </summary>
    public static bool IsCommunityCode(string? code)
    {
        var c = Normalize(code);
        return Code().IsMatch(c) && c[2..4] != "00" && c[4..6] != "00" && c[6..9] != "000" && c[9..14] == "00000";
    }

    /// <summary>An oblast-level code: UA, two digits, ten zeros, then the codifier's five-digit number.</summary>
    public static bool IsOblastCode(string? code)
    {
        var c = Normalize(code);
        return Code().IsMatch(c) && c[2..4] != "00" && c[4..14] == "0000000000";
    }

    [GeneratedRegex(@"^UA\d{17}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
