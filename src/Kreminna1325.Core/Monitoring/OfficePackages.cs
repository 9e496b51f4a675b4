using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// DOCX and XLSX are zip packages: inspected entry by entry from the central directory, every part
/// inflated from its own bytes through a counting limit (declared sizes can lie, so the real count
/// must match them), so refusing a zip bomb costs little memory and at most
/// <see cref="MaxTotalExpanded"/> bytes of inflating.
/// </summary>
internal static class OfficePackages
{
    public const int MaxEntries = 2000;
    public const long MaxEntryExpanded = 30L * 1024 * 1024;
    public const long MaxTotalExpanded = 50L * 1024 * 1024;

    /// <summary>Real documents compress their XML 5–50 times; deflate's ceiling is about 1 000.</summary>
    public const int MaxRatio = 200;

    private const long RatioFloor = 1024 * 1024;
    private const int MaxXmlBytes = 1024 * 1024;

    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string SheetMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] LocalHeader = [0x50, 0x4B, 0x03, 0x04];

    // A VBA project is an OLE compound file with a "_VBA_PROJECT" stream (names in UTF-16); a package
    // inside the package names its parts in plain ASCII even when they are compressed.
    private static readonly ByteScanner CompoundMacroNames = new([Encoding.Unicode.GetBytes("_vba_project")]);
    private static readonly ByteScanner NestedMacroNames = new([.. new[] { "vbaproject", "vbadata", "activex" }.Select(Encoding.ASCII.GetBytes)]);

    public static EvidenceCheck Inspect(byte[] bytes)
    {
        var (parts, problem) = ReadCentralDirectory(bytes);
        if (problem is not null)
        {
            return EvidenceCheck.Refused(problem.Value);
        }

        try
        {
            var package = new Package();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var buffer = new byte[16 * 1024];
            long total = 0;
            foreach (var part in parts)
            {
                var name = part.Name.TrimStart('/');
                if (!names.Add(name))
                {
                    return EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
                }

                if (IsActiveContent(name))
                {
                    return EvidenceCheck.Refused(EvidenceProblem.Macros);
                }

                using var stream = new LimitedStream(Open(bytes, part), MaxEntryExpanded, part.Compressed, total);
                if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                {
                    package.ReadContentTypes(Xml(stream));
                }
                else if (name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    if (package.ReadRelationships(name, Xml(stream)))
                    {
                        return EvidenceCheck.Refused(EvidenceProblem.Macros);
                    }
                }
                else if (ContainsMacros(stream, buffer))
                {
                    return EvidenceCheck.Refused(EvidenceProblem.Macros);
                }

                Drain(stream, buffer);
                if (stream.Count != part.Expanded)
                {
                    return EvidenceCheck.Refused(EvidenceProblem.NotAllowed); // its headers lie about its size
                }

                total = stream.Total;
            }

            return package.Verdict(names);
        }
        catch (PackageTooLargeException)
        {
            return EvidenceCheck.Refused(EvidenceProblem.Expands);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
        }
    }

    /// <summary>A name or content type of VBA code, macro sheets or data, or ActiveX controls.</summary>
    public static bool IsActiveContent(string text) =>
        text.Contains("vba", StringComparison.OrdinalIgnoreCase)
        || text.Contains("macro", StringComparison.OrdinalIgnoreCase)
        || text.Contains("activex", StringComparison.OrdinalIgnoreCase);


    private readonly record struct Part(string Name, int Method, long Compressed, long Expanded, int DataStart);

    /// <summary>
    /// Walks the central directory itself, so a package claiming a million parts or enormous ones is
    /// refused before anything is inflated, and each part is then read from its own compressed bytes
    /// to their real end, whatever size its headers declare.
    /// </summary>
    private static (List<Part> Parts, EvidenceProblem? Problem) ReadCentralDirectory(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var end = -1;
        for (var i = span.Length - 22; i >= Math.Max(0, span.Length - 22 - ushort.MaxValue); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) == 0x06054B50)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return ([], EvidenceProblem.NotAllowed);
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 12)..]);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        if (count == ushort.MaxValue || offset == uint.MaxValue || offset + (long)size > end)
        {
            return ([], EvidenceProblem.NotAllowed); // ZIP64 is never needed by a document under 10 MB
        }

        if (count > MaxEntries)
        {
            return ([], EvidenceProblem.Expands);
        }

        var parts = new List<Part>(count);
        long declared = 0;
        for (var p = (int)offset; p < offset + size;)
        {
            if (parts.Count >= MaxEntries)
            {
                return ([], EvidenceProblem.Expands);
            }

            if (p + 46 > end || BinaryPrimitives.ReadUInt32LittleEndian(span[p..]) != 0x02014B50)
            {
                return ([], EvidenceProblem.NotAllowed);
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 8)..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 10)..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(span[(p + 20)..]);
            long expanded = BinaryPrimitives.ReadUInt32LittleEndian(span[(p + 24)..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 28)..]);
            var local = BinaryPrimitives.ReadUInt32LittleEndian(span[(p + 42)..]);
            declared += expanded;
            if (expanded > MaxEntryExpanded || declared > MaxTotalExpanded || (expanded > RatioFloor && expanded > compressed * MaxRatio))
            {
                return ([], EvidenceProblem.Expands);
            }

            if ((flags & 1) != 0 || method is not (0 or 8) || p + 46 + nameLength > end || local + 30L > end
                || BinaryPrimitives.ReadUInt32LittleEndian(span[(int)local..]) != 0x04034B50)
            {
                return ([], EvidenceProblem.NotAllowed); // encrypted, an unusual compression, or a broken header
            }

            var dataStart = (int)local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(span[((int)local + 26)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[((int)local + 28)..]);
            if (dataStart + compressed > end)
            {
                return ([], EvidenceProblem.NotAllowed);
            }

            parts.Add(new Part(Encoding.UTF8.GetString(span.Slice(p + 46, nameLength)), method, compressed, expanded, dataStart));
            p += 46 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 30)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[(p + 32)..]);
        }

        return parts.Count == count ? (parts, null) : ([], EvidenceProblem.NotAllowed);
    }

    private static Stream Open(byte[] bytes, Part part)
    {
        var raw = new MemoryStream(bytes, part.DataStart, (int)part.Compressed, writable: false);
        return part.Method == 0 ? raw : new DeflateStream(raw, CompressionMode.Decompress);
    }

    private static XmlReader Xml(Stream stream) => XmlReader.Create(new LimitedStream(stream, MaxXmlBytes, totalLimit: long.MaxValue), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxXmlBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    });

    /// <summary>Sniffs a part's first bytes and, for an OLE compound file or a package inside the package, scans it for a VBA project.</summary>
    private static bool ContainsMacros(Stream stream, byte[] buffer)
    {
        var first = ReadFully(stream, buffer.AsSpan(0, 8));
        var head = buffer.AsSpan(0, first);
        var scanner = head.SequenceEqual(CompoundFile) ? CompoundMacroNames
            : head.StartsWith(LocalHeader) ? NestedMacroNames
            : null;
        return scanner is not null && scanner.Found(stream, buffer, head.ToArray());
    }

    private static int ReadFully(Stream stream, Span<byte> target)
    {
        var total = 0;
        int read;
        while (total < target.Length && (read = stream.Read(target[total..])) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void Drain(Stream stream, byte[] buffer)
    {
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private sealed class PackageTooLargeException : Exception;

    /// <summary>Counts what a part really expands to, and stops at the part's, the package's and the ratio's limits.</summary>
    private sealed class LimitedStream(Stream inner, long limit, long compressed = -1, long totalBefore = 0, long totalLimit = MaxTotalExpanded) : Stream
    {
        private long read;

        public long Count => read;

        public long Total => totalBefore + read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            if (read > limit || Total > totalLimit || (compressed >= 0 && read > RatioFloor && read > compressed * MaxRatio))
            {
                throw new PackageTooLargeException();
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
