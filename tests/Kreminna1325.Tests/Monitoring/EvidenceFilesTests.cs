using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Editing;
using static Kreminna1325.Tests.Monitoring.EvidenceSamples;

namespace Kreminna1325.Tests.Monitoring;

public class EvidenceFilesTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    private async Task<int> DraftReportAsync(int sequence)
    {
        var period = await f.PeriodAsync("I", 6, 2020 + sequence, 1);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        form.Narrative = "Звіт з доказами";
        var saved = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);
        Assert.True(saved.Saved, saved.Message);
        return saved.Current!.ReportId;
    }

    [Theory]
    [InlineData("протокол.pdf", "application/pdf")]
    [InlineData("фото.png", "image/png")]
    [InlineData("фото.jpg", "image/jpeg")]
    [InlineData("звіт.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("таблиця.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_allowed_types_are_stored_with_their_hash(string name, string expected)
    {
        var bytes = expected switch
        {
            "application/pdf" => Pdf(),
            "image/png" => Png(),
            "image/jpeg" => Jpeg(),
            _ when name.EndsWith("docx") => Office(),
            _ => Office(sheet: true),
        };
        var report = await DraftReportAsync(0);

        var result = await f.Files.UploadAsync(f.CentreOfficial, report, name, new MemoryStream(bytes));

        Assert.True(result.Saved, result.Message);
        Assert.Equal(expected, result.Current!.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Current.Sha256);
        var stored = await f.Files.GetAsync(f.Executive, result.Current.Id);
        Assert.Equal(bytes, stored!.Content);
        Assert.Equal(name, stored.FileName);
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_by_its_content()
    {
        using var _ = new CultureScope("uk-UA");
        var exe = new byte[4096];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        var report = await DraftReportAsync(1);

        var result = await f.Files.UploadAsync(f.CentreOfficial, report, "звіт.pdf", new MemoryStream(exe));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("перевірено за вмістом", result.Message);
    }

    [Fact]
    public async Task Macros_and_zip_bombs_are_refused_with_their_reason()
    {
        using var _ = new CultureScope("uk-UA");
        var report = await DraftReportAsync(2);

        var macros = await f.Files.UploadAsync(f.CentreOfficial, report, "звіт.docx", new MemoryStream(Office(extra: ("word/x/vbaProject.bin", CompoundFileWithVba()))));
        var bomb = await f.Files.UploadAsync(f.CentreOfficial, report, "звіт.docx", new MemoryStream(Bomb("[Content_Types].xml", 300)));

        Assert.Equal(EditOutcome.Invalid, macros.Outcome);
        Assert.Contains("містить макроси", macros.Message);
        Assert.Equal(EditOutcome.Invalid, bomb.Outcome);
        Assert.Contains("після розпакування завеликий", bomb.Message);
    }

    [Fact]
    public async Task The_stored_name_ends_in_the_detected_types_extension()
    {
        var report = await DraftReportAsync(2);

        var result = await f.Files.UploadAsync(f.CentreOfficial, report, "C:\\temp\\report.pdf\u202E.exe", new MemoryStream(Pdf()));

        Assert.True(result.Saved, result.Message);
        Assert.Equal("report.pdf.pdf", result.Current!.FileName);
        Assert.Equal("report.pdf.pdf", (await f.Files.GetAsync(f.Executive, result.Current.Id))!.FileName);
    }

    [Fact]
    public async Task Files_over_ten_megabytes_are_refused()
    {
        using var _ = new CultureScope("uk-UA");
        var report = await DraftReportAsync(2);

        var tooLarge = await f.Files.UploadAsync(f.CentreOfficial, report, "великий.pdf", new MemoryStream(Pdf(10 * 1024 * 1024 + 1)));
        var atLimit = await f.Files.UploadAsync(f.CentreOfficial, report, "межа.pdf", new MemoryStream(Pdf(10 * 1024 * 1024)));

        Assert.Equal(EditOutcome.Invalid, tooLarge.Outcome);
        Assert.Contains("більший за 10 МБ", tooLarge.Message);
        Assert.True(atLimit.Saved, atLimit.Message);
    }

    [Fact]
    public async Task Only_the_bodys_officials_add_evidence_and_only_signed_in_people_read_it()
    {
        var report = await DraftReportAsync(1);

        await Assert.ThrowsAsync<ForbiddenException>(() => f.Files.UploadAsync(f.PoliceOfficial, report, "x.pdf", new MemoryStream(Pdf())));
        var saved = await f.Files.UploadAsync(f.CentreOfficial, report, "x.pdf", new MemoryStream(Pdf()));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Files.GetAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), saved.Current!.Id));
    }
}
