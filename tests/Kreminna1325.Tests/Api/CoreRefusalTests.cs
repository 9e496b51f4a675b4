using System.Text.Json;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Api;

/// <summary>
/// Core checks the caller too; should an endpoint's policy ever let through someone its service refuses,
/// the answer is the policies' 403 problem, not a 500.
/// </summary>
public class CoreRefusalTests(MeasureApiFixture fixture) : IClassFixture<MeasureApiFixture>
{
    [Fact]
    public async Task A_refusal_by_Core_under_api_is_a_403_problem()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/dashboard";
        context.Response.Body = new MemoryStream();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<ApiExceptionHandler>().Single();

        var handled = await handler.TryHandleAsync(context, new ForbiddenException("not theirs"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(403, body.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("not theirs", body.RootElement.ToString());
    }
}
