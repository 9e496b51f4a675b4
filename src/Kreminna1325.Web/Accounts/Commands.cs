namespace Kreminna1325.Web.Accounts;

public static class Commands
{
    public const string PasswordVariable = "KREMINNA_ADMIN_PASSWORD";

    /// <summary>
    /// <c>create-admin --email a@b.c [--name "Full Name"]</c>; the password comes from
    /// KREMINNA_ADMIN_PASSWORD or, when that is unset, the first line of standard input, so it
    /// never appears in the shell history or the process list.
    /// </summary>
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        var email = Option("--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <e-mail> [--name \"Full name\"]; password from "
                + $"{PasswordVariable} or standard input.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Error.WriteAsync("Password for the administrator: ");
            }

            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password: set {PasswordVariable} or pass it on standard input.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateAdministratorAsync(email.Trim(), Option("--name") ?? email.Trim(), password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("The administrator was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"Administrator {email} created.");
        return 0;
    }
}
