using FluentValidation;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Core.Accounts;

/// <summary>What an administrator fills in for a person's account.</summary>
public sealed class UserForm
{
    public string? Id { get; set; }
    public string Email { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public HashSet<string> Roles { get; set; } = [];
    public HashSet<int> ResponsibleBodyIds { get; set; } = [];
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(u => u.Email)
            .NotEmpty().WithMessage(_ => Messages.Get("User.EmailRequired"))
            .EmailAddress().WithMessage(_ => Messages.Get("User.EmailInvalid"))
            .TypedText(256);
        RuleFor(u => u.FullName)
            .NotEmpty().WithMessage(_ => Messages.Get("User.FullNameRequired"))
            .TypedText(AppUser.FullNameMaxLength);
        RuleFor(u => u.Position)
            .TypedText(AppUser.PositionMaxLength);
        RuleFor(u => u.Roles)
            .NotEmpty().WithMessage(_ => Messages.Get("User.RoleRequired"))
            .Must(roles => roles.All(Accounts.Roles.All.Contains)).WithMessage(_ => Messages.Get("User.RoleUnknown"));
        RuleFor(u => u.ResponsibleBodyIds)
            .NotEmpty().When(u => u.Roles.Contains(Accounts.Roles.ResponsibleOfficial))
            .WithMessage(_ => Messages.Get("User.OfficialNeedsBody"));
        RuleFor(u => u.ResponsibleBodyIds)
            .Must(ids => ids.Count <= MeasureFormValidator.MaxResponsibleBodies)
            .WithMessage(f => Messages.Get("Measure.TooManyBodies", MeasureFormValidator.MaxResponsibleBodies, f.ResponsibleBodyIds.Count))
            .Must(ids => ids.All(id => id > 0))
            .WithMessage(_ => Messages.Get("Measure.BodyUnknown"));
    }
}
