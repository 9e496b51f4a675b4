using Kreminna1325.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Kreminna1325.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form POST (with antiforgery), so no link or image can sign anyone out.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(StartPages.LocalPath(returnUrl));
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}
