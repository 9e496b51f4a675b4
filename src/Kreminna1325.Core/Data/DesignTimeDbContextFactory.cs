using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kreminna1325.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=localhost;Database=kreminna1325_design;Username=postgres";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(connectionString);
        return new AppDbContext(options.Options);
    }
}
