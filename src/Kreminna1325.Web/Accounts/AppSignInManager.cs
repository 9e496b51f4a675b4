using System.Net;
using Kreminna1325.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Accounts;

/// <summary>A deactivated account cannot sign in, whatever its password; failed attempts slow the guesser down, never lock the account.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SignInThrottle throttle)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? dummyHash;

    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// The signed-in user, or null for every kind of refusal alike — unknown e-mail, wrong password,
    /// deactivated or locked account, too many failures from this address — so the answer never tells
    /// which e-mails have accounts. Each refusal that reaches the password check costs one hash, as a
    /// real check does, so its timing does not tell either.
    /// </summary>
    public async Task<AppUser?> PasswordSignInThrottledAsync(string email, string password, IPAddress? clientAddress)
    {
        var address = clientAddress?.ToString();
        if (await throttle.WaitAsync(email, address) is { } wait)
        {
            Logger.LogWarning("Sign-in for {Email} from {Address} refused unchecked: waiting {Wait} after repeated failures", email, address, wait);
            return null;
        }

        var user = await UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash(), password);
            Logger.LogInformation("Failed sign-in for unknown {Email} from {Address}", email, address);
            await throttle.RecordFailureAsync(email, address);
            return null;
        }

        // Failures never lock the account (that would let anyone lock an official out); the throttle slows the guesser instead.
        var result = await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.RecordSuccessAsync(email, address);
            return user;
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses these before hashing: hash anyway so they take as long as a wrong password.
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
        }

        Logger.LogInformation("Failed sign-in for {Email} from {Address} (locked: {Locked}, not allowed: {NotAllowed})", email, address, result.IsLockedOut, result.IsNotAllowed);
        await throttle.RecordFailureAsync(email, address);
        return null;
    }

    private string DummyHash() => dummyHash ??= UserManager.PasswordHasher.HashPassword(new AppUser(), "a password nobody has: " + Guid.NewGuid());
}
