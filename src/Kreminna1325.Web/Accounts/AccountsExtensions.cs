using System.Threading.RateLimiting;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Kreminna1325.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Kreminna1325.Web.Accounts;

public static class AccountsExtensions
{
    public const string SignInRateLimit = "sign-in";
    public const string LoginPath = "/account/login";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(AccountOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<UkrainianIdentityErrors>()
            .AddDefaultTokenProviders();

        // A locked or deactivated account loses its open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "kreminna1325.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // The API answers 401/403 as problem+json instead of redirecting to a page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "kreminna1325.antiforgery";
        });

        services.AddDataProtection().SetApplicationName("Kreminna1325").PersistKeysToDbContext<KeysDbContext>();

        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, MeasureReportHandler>();
        services.AddScoped<MeasureAccess>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Accounts:SignInThrottle").Get<SignInThrottleSettings>() ?? new SignInThrottleSettings());
        services.AddScoped<SignInThrottle>();

        // A cap on sign-in posts per client address, on top of SignInThrottle's back-off. The partition is
        // the connection's address — the proxy's answer once UseForwardedHeaders has trusted it — never a
        // header a client can set.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(LoginPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute(builder.Configuration), Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = async (context, ct) =>
            {
                var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(l["Api.TooManySignIns"], ct);
            };
        });
    }

    public static void UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAuthorization();
    }

    // Per client address: a council office shares one, so this is generous; SignInThrottle does the rest.
    private static int SignInAttemptsPerMinute(IConfiguration configuration) =>
        configuration.GetValue("Accounts:SignInAttemptsPerMinute", 30);

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return Api.ApiErrors.Problem(l, status).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
