using FluentValidation;

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
            .MaximumLength(256).WithMessage(_ => Messages.Get("User.EmailInvalid"));
        RuleFor(u => u.FullName)
            .NotEmpty().WithMessage(_ => Messages.Get("User.FullNameRequired"))
            .MaximumLength(AppUser.FullNameMaxLength).WithMessage(_ => Messages.Get("User.FullNameTooLong", AppUser.FullNameMaxLength));
        RuleFor(u => u.Position)
            .MaximumLength(200).WithMessage(_ => Messages.Get("User.PositionTooLong"));
        RuleFor(u => u.Roles)
            .NotEmpty().WithMessage(_ => Messages.Get("User.RoleRequired"))
            .Must(roles => roles.All(Accounts.Roles.All.Contains)).WithMessage(_ => Messages.Get("User.RoleUnknown"));
        RuleFor(u => u.ResponsibleBodyIds)
            .NotEmpty().When(u => u.Roles.Contains(Accounts.Roles.ResponsibleOfficial))
            .WithMessage(_ => Messages.Get("User.OfficialNeedsBody"));
    }
}
