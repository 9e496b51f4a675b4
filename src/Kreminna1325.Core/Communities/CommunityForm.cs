using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Core.Communities;

/// <summary>
/// What the system administrator fills in to host a new community, and its first administrator. The oblast is not
/// asked for: the codifier says which oblast a community's code is in, so it cannot be typed wrong.
/// </summary>
public sealed class CommunityForm
{
    public string Code { get; set; } = "";

    /// <summary>The council's own name ("Кремінська міська територіальна громада"); empty takes the codifier's.</summary>
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    public string AdminName { get; set; } = "";

    /// <summary>The codifier's community for the code as typed, or null when the code names none.</summary>
    public KatottgUnit? Unit => Katottg.Find(Katottg.Normalize(Code));

    /// <summary>The name to store: the one typed, or the codifier's when none was (a valid form has a unit).</summary>
    public string NameToStore => string.IsNullOrWhiteSpace(Name) ? Unit!.CommunityTitle : Name.Trim();
}

/// <summary>
/// The form's rules. The code must be a community of the shipped codifier (<see cref="Katottg.MustBeHromadaCode"/>),
/// and a name typed must begin with the codifier's name for that code: there is no check digit in KATOTTG, so a
/// mistyped code is as likely to name another real community as none, and the name is what catches it.
/// </summary>
public sealed partial class CommunityFormValidator : AbstractValidator<CommunityForm>
{
    public CommunityFormValidator()
    {
        RuleFor(f => f.Code).MustBeHromadaCode();
        RuleFor(f => f.Name).TypedText(Community.NameMaxLength);
        RuleFor(f => f.Name)
            .Must((f, name) => string.IsNullOrWhiteSpace(name) || f.Unit is not { } unit || BeginsWith(name.Trim(), unit.Name))
            .WithMessage(f => Messages.Get("Community.NameMismatch", f.Unit!.Code, f.Unit.Name));
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

    /// <summary>Case aside, and whichever apostrophe was typed (the codifier writes ’, keyboards give ' or ʼ).</summary>
    private static bool BeginsWith(string name, string codifierName) =>
        Apostrophes().Replace(name, "’").StartsWith(codifierName, true, CultureInfo.GetCultureInfo("uk-UA"));

    [GeneratedRegex("['ʼ`‘]")]
    private static partial Regex Apostrophes();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
