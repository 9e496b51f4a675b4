using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Accounts;

/// <summary>Identity's messages in the person's language, from the app's resources.</summary>
public sealed class UkrainianIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Identity.DefaultError"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Identity.PasswordMismatch"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), l["Identity.PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["Identity.DuplicateEmail", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Identity.DuplicateEmail", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Identity.InvalidEmail", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Identity.InvalidEmail", userName ?? ""]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Identity.ConcurrencyFailure"]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), l["Identity.DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
