using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>Evidence files built byte by byte: the smallest real PDF, JPEG, PNG, DOCX and XLSX, and their hostile variants.</summary>
public static class EvidenceSamples
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string SheetMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static byte[] Pdf(int size = 2048, byte[]? body = null)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n");
        var start = body ?? Encoding.ASCII.GetBytes("1 0 obj\n<< /Type /Catalog >>\nstream\n");
        var end = Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");
        var padding = Math.Max(0, size - head.Length - start.Length - end.Length);
        return [.. head, .. start, .. Enumerable.Repeat((byte)' ', padding), .. end];
    }

    public static byte[] Jpeg(byte[]? afterEnd = null)
    {
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] quantisation = [0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64)];
        byte[] frame = [0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0];
        byte[] huffman = [0xFF, 0xC4, 0x00, 0x14, 0x00, 1, .. new byte[15], 0];
        byte[] scan = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0];
        return [0xFF, 0xD8, .. jfif, .. quantisation, .. frame, .. huffman, .. scan, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9, .. afterEnd ?? []];
    }

    public static byte[] Png(byte[]? afterEnd = null, bool breakCrc = false)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x80]);
        }

        byte[] header = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
        var data = Chunk("IDAT", pixels.ToArray());
        if (breakCrc)
        {
            data[^1] ^= 0xFF;
        }

        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. data, .. Chunk("IEND", []), .. afterEnd ?? []];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(typed));
        return chunk;
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }

    public static string ContentTypes(string mainPart, string mainType, string extra = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/>{extra}</Types>";

    public static string Relationships(params (string Type, string Target)[] relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select((r, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";

    public const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    /// <summary>A DOCX (or with <paramref name="sheet"/> an XLSX) with its manifest, its package relationship and its main part, plus any extra parts.</summary>
    public static byte[] Office(bool sheet = false, string? manifest = null, params (string Name, byte[] Content)[] extra)
    {
        var main = sheet ? "xl/workbook.xml" : "word/document.xml";
        return Zip([
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(manifest ?? ContentTypes(main, sheet ? SheetMain : WordMain))),
            ("_rels/.rels", Encoding.UTF8.GetBytes(Relationships((OfficeDocument, main)))),
            (main, Encoding.UTF8.GetBytes(sheet ? "<workbook/>" : "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")),
            .. extra,
        ]);
    }

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A DOCX whose one part (written in 1 MB pieces, never whole in memory) expands to <paramref name="megabytes"/> MB of spaces.</summary>
    public static byte[] Bomb(string part, int megabytes)
    {
        var main = "word/document.xml";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string name, string text)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }

            if (part != "[Content_Types].xml")
            {
                Write("[Content_Types].xml", ContentTypes(main, WordMain));
            }

            Write("_rels/.rels", Relationships((OfficeDocument, main)));
            using (var stream = zip.CreateEntry(part, CompressionLevel.SmallestSize).Open())
            {
                stream.Write("<Types>"u8);
                var spaces = new byte[1024 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (var i = 0; i < megabytes; i++)
                {
                    stream.Write(spaces);
                }
            }

            if (part != main)
            {
                Write(main, "<document/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the sizes a part declares (central directory and local header) so they lie.</summary>
    public static void DeclareSize(byte[] zip, string part, uint size)
    {
        var span = zip.AsSpan();
        var end = span.LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);
        var p = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        while (BinaryPrimitives.ReadUInt32LittleEndian(span[p..]) == 0x02014B50)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 28)..]);
            if (Encoding.UTF8.GetString(span.Slice(p + 46, nameLength)) == part)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 24)..], size);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(p + 42)..]);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(local + 22)..], size);
            }

            p += 46 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 30)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 32)..]);
        }
    }

    /// <summary>The start of an OLE compound file whose directory names a VBA project, as vbaProject.bin and macro-carrying .doc files do.</summary>
    public static byte[] CompoundFileWithVba() =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600], .. Encoding.Unicode.GetBytes("_VBA_PROJECT"), .. new byte[100]];
}
