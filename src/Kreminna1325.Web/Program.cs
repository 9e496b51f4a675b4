using Kreminna1325.Web;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Data;
using Kreminna1325.Web.Plans;

var builder = WebApplication.CreateBuilder(args);
builder.AddStructuredLogging();
builder.AddDatabase();
builder.AddPlans();
builder.AddWebUi();
builder.AddOpenDataApi();

var app = builder.Build();

// `dotnet Kreminna1325.Web.dll migrate` is how production updates its schema: never at start there.
if (args.FirstOrDefault() == "migrate")
{
    await app.Services.MigrateAndSeedAsync();
    return 0;
}

if (app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
{
    await app.Services.MigrateAndSeedAsync();
}

app.UseWebUi();
app.MapOpenDataApi();
app.MapDatabaseHealth();
app.MapWebUi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
