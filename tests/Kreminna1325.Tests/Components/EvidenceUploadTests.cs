using Bunit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// Adding evidence is a button in the app's language, not the browser's "Choose File", and the file
/// picked through it still reaches the page's upload.
/// </summary>
public sealed class EvidenceUploadTests : IAsyncDisposable
{
    private readonly BunitContext context = new();

    public EvidenceUploadTests()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();

    [Fact]
    public async Task The_picked_file_reaches_the_upload_through_a_Ukrainian_button()
    {
        var uploaded = new List<string>();
        var section = context.Render<ReportEvidence>(p => p
            .Add(e => e.Evidence, Array.Empty<EvidenceInfo>())
            .Add(e => e.CanEdit, true)
            .Add(e => e.OnUpload, EventCallback.Factory.Create<InputFileChangeEventArgs>(this, e => uploaded.Add(e.File.Name))));

        var button = section.Find("button[data-action='add-evidence']");
        Assert.Equal("Додати файл", button.TextContent.Trim());
        Assert.False(button.HasAttribute("disabled"));
        var input = section.Find("input[type='file']");
        Assert.Equal(".pdf,.docx,.xlsx,.jpg,.jpeg,.png", input.GetAttribute("accept"));
        // The native input is MudBlazor's hidden one: the browser's own button and "No file chosen" never show.
        var hidden = input.HasAttribute("hidden")
            || (input.GetAttribute("style") ?? "").Replace(" ", "").Contains("display:none")
            || (input.ClassName ?? "").Split(' ').Contains("d-none");
        Assert.True(hidden, input.OuterHtml);

        await section.InvokeAsync(() => section.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("протокол", "протокол.pdf")));

        Assert.Equal(["протокол.pdf"], uploaded);
    }

    [Fact]
    public void While_an_upload_runs_no_second_file_can_be_picked()
    {
        var section = context.Render<ReportEvidence>(p => p
            .Add(e => e.Evidence, Array.Empty<EvidenceInfo>())
            .Add(e => e.CanEdit, true)
            .Add(e => e.Busy, true));

        Assert.True(section.Find("button[data-action='add-evidence']").HasAttribute("disabled"));
        Assert.True(section.Find("input[type='file']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_reader_gets_no_upload_at_all()
    {
        var section = context.Render<ReportEvidence>(p => p
            .Add(e => e.Evidence, Array.Empty<EvidenceInfo>())
            .Add(e => e.CanEdit, false));

        Assert.Empty(section.FindAll("input[type='file']"));
        Assert.Empty(section.FindAll("button[data-action='add-evidence']"));
    }
}
