using System.Diagnostics;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>
/// Opens a document the way a newcomer would, in LibreOffice (Debian's headless writer and calc, installed by
/// scripts/test.sh), prints it to PDF and reads the PDF's text with poppler's pdftotext: what a person sees,
/// not what the package says.
/// </summary>
public static class LibreOffice
{
    // One conversion at a time: two soffice processes sharing a machine's two cores only slow each other.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The text of the document's printed pages, in reading order, one page after another.</summary>
    public static async Task<string> PrintedTextAsync(byte[] document, string extension)
    {
        var work = Directory.CreateTempSubdirectory("kreminna-office-");
        await Gate.WaitAsync();
        try
        {
            var input = Path.Combine(work.FullName, "document." + extension);
            await File.WriteAllBytesAsync(input, document);
            // A profile of its own, so a desktop LibreOffice or another test run cannot lock it.
            await RunAsync("soffice", TimeSpan.FromMinutes(3),
                $"-env:UserInstallation=file://{work.FullName}/profile", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", work.FullName, input);
            var pdf = Path.Combine(work.FullName, "document.pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice made no PDF of the .{extension} file");
            await RunAsync("pdftotext", TimeSpan.FromMinutes(1), "-layout", pdf, Path.Combine(work.FullName, "document.txt"));
            return await File.ReadAllTextAsync(Path.Combine(work.FullName, "document.txt"));
        }
        finally
        {
            Gate.Release();
            work.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string program, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} did not start: install LibreOffice and poppler-utils (scripts/test.sh does as root)");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await output} {await errors}");
    }
}
