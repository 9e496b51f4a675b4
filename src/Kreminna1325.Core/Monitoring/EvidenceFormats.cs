using System.Buffers.Binary;
using System.Text;

namespace Kreminna1325.Core.Monitoring;

public enum EvidenceProblem
{
    /// <summary>Not one of the allowed types, or not structurally what its first bytes claim.</summary>
    NotAllowed,

    /// <summary>An Office file with VBA macros or ActiveX controls, wherever in the package.</summary>
    Macros,

    /// <summary>A package with too many parts or that expands too far (a zip bomb).</summary>
    Expands,
}

public sealed record EvidenceCheck(string? ContentType, EvidenceProblem? Problem)
{
    public static EvidenceCheck Accepted(string contentType) => new(contentType, null);

    public static EvidenceCheck Refused(EvidenceProblem problem) => new(null, problem);
}

/// <summary>
/// Recognises evidence by its structure, not only its first bytes: a PDF has its objects and its
/// trailer, a JPEG parses marker by marker to its end, a PNG chunk by chunk with their CRCs, and
/// nothing but a few bytes of slack may follow an image's end — no page or script smuggled behind it.
/// </summary>
public static class EvidenceFormats
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private const int TrailingSlack = 32;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipStart = [0x50, 0x4B, 0x03, 0x04];

    private static readonly ByteScanner Markup = new([.. new[] { "<script", "<html", "<body", "<iframe", "<svg ", "<svg/", "<?php", "<!doctype", "javascript:" }.Select(Encoding.ASCII.GetBytes)]);

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    public static EvidenceCheck Inspect(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("%PDF-"u8))
        {
            return IsPdf(span) ? EvidenceCheck.Accepted(Pdf) : EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
        }

        if (span.StartsWith(PngSignature))
        {
            return IsPng(span) && !Markup.Found(span) ? EvidenceCheck.Accepted(Png) : EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
        }

        if (span.StartsWith(JpegStart))
        {
            return IsJpeg(span) && !Markup.Found(span) ? EvidenceCheck.Accepted(Jpeg) : EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
        }

        return span.StartsWith(ZipStart) ? OfficePackages.Inspect(bytes) : EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
    }

    /// <summary>Header, then (after comment lines) a first "N G obj" — no executable, script or page — and startxref and %%EOF at the end.</summary>
    private static bool IsPdf(ReadOnlySpan<byte> b)
    {
        if (b.Length < 32 || !char.IsAsciiDigit((char)b[5]) || b[6] != '.')
        {
            return false;
        }

        var p = 0;
        while (p < b.Length && (b[p] == '%' || IsPdfSpace(b[p])))
        {
            p = b[p] == '%' ? NextLine(b, p) : p + 1;
        }

        var tail = b[Math.Max(0, b.Length - 1024)..];
        return ObjectHeaderAt(b[p..]) && tail.IndexOf("startxref"u8) >= 0 && tail.IndexOf("%%EOF"u8) >= 0;
    }

    private static bool IsPdfSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0;

    private static int NextLine(ReadOnlySpan<byte> b, int p)
    {
        var end = b[p..].IndexOfAny((byte)'\r', (byte)'\n');
        return end < 0 ? b.Length : p + end + 1;
    }

    private static bool ObjectHeaderAt(ReadOnlySpan<byte> b)
    {
        var p = 0;
        for (var number = 0; number < 2; number++)
        {
            var digits = b[p..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            var spaces = digits <= 0 ? -1 : b[(p + digits)..].IndexOfAnyExcept(" \t\r\n\f"u8);
            if (spaces <= 0)
            {
                return false;
            }

            p += digits + spaces;
        }

        return b[p..].StartsWith("obj"u8);
    }

    /// <summary>SOI, segments with valid lengths up to a frame and a scan, entropy-coded data, EOI; further images of a multi-picture file may follow.</summary>
    private static bool IsJpeg(ReadOnlySpan<byte> b)
    {
        var p = 0;
        for (var images = 0; images < 8; images++)
        {
            var end = JpegEnd(b, p);
            if (end < 0)
            {
                return false;
            }

            p = end;
            if (!b[p..].StartsWith(JpegStart))
            {
                return OnlySlack(b[p..]);
            }
        }

        return false;
    }

    private static int JpegEnd(ReadOnlySpan<byte> b, int p)
    {
        p += 2;
        bool frame = false, scan = false;
        while (true)
        {
            if (p >= b.Length || b[p] != 0xFF)
            {
                return -1;
            }

            while (p < b.Length && b[p] == 0xFF)
            {
                p++;
            }

            if (p >= b.Length)
            {
                return -1;
            }

            var marker = b[p++];
            if (marker == 0xD9)
            {
                return scan ? p : -1;
            }

            if (marker is 0x00 or 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7) || p + 2 > b.Length)
            {
                return -1;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[p..]);
            if (length < 2 || p + length > b.Length)
            {
                return -1;
            }

            frame |= marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            p += length;
            if (marker != 0xDA)
            {
                continue;
            }

            if (!frame)
            {
                return -1;
            }

            scan = true;

            // Entropy-coded data: a 0xFF byte is stuffed (FF00), a restart, fill, or the next marker.
            while (true)
            {
                var ff = b[p..].IndexOf((byte)0xFF);
                if (ff < 0 || p + ff + 1 >= b.Length)
                {
                    return -1;
                }

                p += ff;
                var next = b[p + 1];
                if (next is 0x00 or (>= 0xD0 and <= 0xD7))
                {
                    p += 2;
                }
                else if (next == 0xFF)
                {
                    p++;
                }
                else
                {
                    break;
                }
            }
        }
    }

    /// <summary>Signature, IHDR first, chunks whose lengths fit and whose CRCs match, at least one IDAT, IEND last.</summary>
    private static bool IsPng(ReadOnlySpan<byte> b)
    {
        var p = PngSignature.Length;
        var data = false;
        for (var first = true; p + 12 <= b.Length; first = false)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[p..]);
            if (length > int.MaxValue || p + 12 + (long)length > b.Length)
            {
                return false;
            }

            var type = b.Slice(p + 4, 4);
            if (type.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8) >= 0
                || (first && (!type.SequenceEqual("IHDR"u8) || length != 13))
                || Crc32(b.Slice(p + 4, 4 + (int)length)) != BinaryPrimitives.ReadUInt32BigEndian(b[(p + 8 + (int)length)..]))
            {
                return false;
            }

            data |= type.SequenceEqual("IDAT"u8);
            p += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return data && length == 0 && OnlySlack(b[p..]);
            }
        }

        return false;
    }

    /// <summary>After an image's end: a few stray bytes, or padding of any length — never a page or a program.</summary>
    private static bool OnlySlack(ReadOnlySpan<byte> rest) => rest.Length <= TrailingSlack || rest.IndexOfAnyExcept((byte)0x00, (byte)0xFF) < 0;

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
