using Microsoft.AspNetCore.Identity;

namespace Kreminna1325.Core.Accounts;

/// <summary>The account rules Identity enforces: one e-mail per account, passwords of at least 12 characters.</summary>
public static class AccountOptions
{
    public const int MinimumPasswordLength = 12;

    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;

        // Length makes a password strong, not a required symbol; one-time passwords are letters and digits.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Password.RequiredUniqueChars = 4;

        // Only administrators lock accounts; failed passwords are slowed by SignInThrottle instead,
        // since a lockout on failures would let anyone lock an official out.
        options.Lockout.AllowedForNewUsers = true;
    }
}
