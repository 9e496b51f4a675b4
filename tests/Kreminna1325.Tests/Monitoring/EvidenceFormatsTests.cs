using System.Text;
using Kreminna1325.Core.Monitoring;
using static Kreminna1325.Tests.Monitoring.EvidenceSamples;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>What is accepted as evidence: structurally what it claims, no macros anywhere, and bounded work for any package.</summary>
public class EvidenceFormatsTests
{
    private const string VbaType = "application/vnd.ms-office.vbaProject";

    private static string? Detect(byte[] bytes) => EvidenceFormats.Inspect(bytes).ContentType;

    public static TheoryData<string, byte[]> Macros => new()
    {
        { "macro-enabled main part", Office(manifest: ContentTypes("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")) },
        { "vbaProject.bin at a non-standard path", Office(extra: ("custom/parts/vbaProject.bin", CompoundFileWithVba())) },
        { "a .bin part with the VBA content type", Office(manifest: ContentTypes("word/document.xml", WordMain, $"<Default Extension=\"bin\" ContentType=\"{VbaType}\"/>"), extra: ("word/media/data.bin", [1, 2, 3])) },
        { "a part referenced as the VBA project", Office(extra: ("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(Relationships(("http://schemas.microsoft.com/office/2006/relationships/vbaProject", "stuff.dat"))))) },
        { "an innocently named OLE file holding a VBA project", Office(extra: ("word/embeddings/oleObject1.bin", CompoundFileWithVba())) },
        { "an ActiveX part", Office(extra: ("word/activeX/activeX1.xml", "<ax:ocx/>"u8.ToArray())) },
        { "an ActiveX content type elsewhere", Office(manifest: ContentTypes("word/document.xml", WordMain, "<Override PartName=\"/word/controls/c1.xml\" ContentType=\"application/vnd.ms-office.activeX+xml\"/>")) },
        { "a control relationship", Office(extra: ("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(Relationships(("http://schemas.openxmlformats.org/officeDocument/2006/relationships/control", "controls/c1.xml"))))) },
        { "a macro sheet in a workbook", Office(sheet: true, manifest: ContentTypes("xl/workbook.xml", SheetMain, "<Override PartName=\"/xl/macrosheets/sheet1.xml\" ContentType=\"application/vnd.ms-excel.macrosheet+xml\"/>")) },
        { "a macro document embedded in a plain one", Office(extra: ("word/embeddings/Document.docx", Office(extra: ("word/vbaProject.bin", CompoundFileWithVba())))) },
    };

    [Theory]
    [MemberData(nameof(Macros))]
    public void Macros_and_ActiveX_are_refused_wherever_they_are(string what, byte[] file)
    {
        var check = EvidenceFormats.Inspect(file);

        Assert.True(check.Problem == EvidenceProblem.Macros, $"{what}: {check}");
    }

    public static TheoryData<string, byte[]> Impostors => new()
    {
        { "a PDF header on an executable", [.. "%PDF-1.7\n"u8, .. "MZ\x90\0"u8, .. new byte[4000], .. "startxref\n0\n%%EOF"u8] },
        { "a PDF header on an ELF program", Pdf(body: [0x7F, (byte)'E', (byte)'L', (byte)'F', .. new byte[100]]) },
        { "a PDF header on a shell script", Pdf(body: "#!/bin/sh\nrm -rf /\n"u8.ToArray()) },
        { "a PDF without its trailer", Pdf()[..^30] },
        { "a JPEG header on a web page", [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><script>alert(1)</script></html>"u8] },
        { "a JPEG with a page after its end", Jpeg("<html><body><script src=//evil.example/x.js></script></body></html>"u8.ToArray()) },
        { "a JPEG without its end", Jpeg()[..^2] },
        { "a PNG with a script after IEND", Png("<script>alert(document.cookie)</script>"u8.ToArray()) },
        { "a PNG with a broken CRC", Png(breakCrc: true) },
        { "a PNG cut before IEND", Png()[..^12] },
        { "a package without its main part", Zip([("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes("word/document.xml", WordMain)))]) },
        { "a DOCX whose main part has the workbook's type", Office(manifest: ContentTypes("word/document.xml", SheetMain)) },
        { "a Word template", Office(manifest: ContentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")) },
        { "a manifest with a DTD", Office(manifest: "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Types>&b;</Types>") },
        { "a package with one part twice", Zip([.. Enumerable.Repeat(("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes("word/document.xml", WordMain))), 2)]) },
        { "not a zip after the zip signature", "PK\x03\x04 not really a zip"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public void A_file_must_be_structurally_what_it_claims(string what, byte[] file)
    {
        Assert.True(Detect(file) is null, what);
    }

    [Fact]
    public void The_real_thing_of_each_type_is_recognised()
    {
        Assert.Equal("application/pdf", Detect(Pdf()));
        Assert.Equal("image/jpeg", Detect(Jpeg()));
        Assert.Equal("image/jpeg", Detect([.. Jpeg(), .. Jpeg()])); // a phone's multi-picture file
        Assert.Equal("image/png", Detect(Png(new byte[8])));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Detect(Office(extra: ("word/media/image1.png", Png()))));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Detect(Office(sheet: true)));
    }

    [Theory]
    [InlineData("[Content_Types].xml", false)]
    [InlineData("word/document.xml", false)]
    [InlineData("word/document.xml", true)]
    public void A_zip_bomb_is_refused_with_bounded_memory(string part, bool lyingHeaders)
    {
        var bomb = Bomb(part, megabytes: 300);
        if (lyingHeaders)
        {
            DeclareSize(bomb, part, 1000);
        }

        Assert.InRange(bomb.Length, 1, 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var check = EvidenceFormats.Inspect(bomb);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(check.ContentType);
        Assert.InRange(allocated, 0, 1024 * 1024); // measured: under 60 KB
        if (!lyingHeaders)
        {
            Assert.Equal(EvidenceProblem.Expands, check.Problem);
        }
    }

    [Fact]
    public void A_package_of_too_many_parts_or_an_extreme_ratio_is_refused()
    {
        var many = Office(extra: [.. Enumerable.Range(0, 2000).Select(i => ($"word/media/p{i}.xml", "<x/>"u8.ToArray()))]);
        var dense = Office(extra: ("word/media/zeros.xml", new byte[5 * 1024 * 1024]));

        Assert.Equal(EvidenceProblem.Expands, EvidenceFormats.Inspect(many).Problem);
        Assert.Equal(EvidenceProblem.Expands, EvidenceFormats.Inspect(dense).Problem);
    }

    [Theory]
    [InlineData("report.pdf.exe", "application/pdf", "report.pdf.pdf")]
    [InlineData("../../etc/passwd", "application/pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\olena\\Фото.JPEG", "image/jpeg", "Фото.jpeg")]
    [InlineData("фото.png", "image/jpeg", "фото.jpg")]
    [InlineData("звіт\u202Excod.exe", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "звітxcod.docx")]
    [InlineData("протокол від 12.03", "application/pdf", "протокол від 12.03.pdf")]
    [InlineData("a\u0000b\u200B\nc.png", "image/png", "abc.png")]
    [InlineData(".pdf", "application/pdf", "file.pdf")]
    public void The_stored_name_carries_the_detected_types_extension(string given, string type, string stored)
    {
        Assert.Equal(stored, EvidenceNames.Stored(given, type));
    }

    [Fact]
    public void Stored_names_stay_within_255_characters()
    {
        var name = EvidenceNames.Stored(new string('я', 400) + ".exe", "application/pdf");

        Assert.Equal(255, name.Length);
        Assert.EndsWith(".pdf", name);
    }
}
