namespace Kreminna1325.Web.Security;

/// <summary>
/// Headers on every response, through NetEscapades' middleware: only the app's own scripts and its Blazor
/// websocket, nothing from other origins, no framing. MudBlazor sets inline style attributes, hence
/// 'unsafe-inline' for styles only; scripts stay strict. Nothing in the policy comes from the request
/// (CSP 3's 'self' covers the same origin's ws: and wss:, in Chromium since 71, Firefox, and Safari since 16).
/// </summary>
public static class SecurityHeaders
{
    public static readonly HeaderPolicyCollection Policy = new HeaderPolicyCollection()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        })
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddFrameOptionsDeny()
        .AddPermissionsPolicy(permissions =>
        {
            permissions.AddCamera().None();
            permissions.AddMicrophone().None();
            permissions.AddGeolocation().None();
        });
}
