using System.Xml;

namespace Kreminna1325.Core.Monitoring;

/// <summary>What a package's [Content_Types].xml and relationship parts say, gathered while its entries stream by.</summary>
internal sealed class Package
{
    private const string OfficeDocument = "/officeDocument";

    private readonly Dictionary<string, string> defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> overrides = new(StringComparer.OrdinalIgnoreCase);
    private bool manifestRead;
    private bool activeContentType;
    private string? mainPart;

    public void ReadContentTypes(XmlReader xml)
    {
        using var _ = xml;
        if (manifestRead)
        {
            throw new InvalidDataException("Two content type manifests.");
        }

        manifestRead = true;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var type = xml.GetAttribute("ContentType") ?? "";
            if (xml.LocalName == "Default" && xml.GetAttribute("Extension") is { } extension)
            {
                defaults[extension] = type;
            }
            else if (xml.LocalName == "Override" && xml.GetAttribute("PartName") is { } part)
            {
                overrides["/" + part.TrimStart('/')] = type;
            }
            else
            {
                continue;
            }

            activeContentType |= OfficePackages.IsActiveContent(type);
        }
    }

    /// <summary>Reads one relationship part; true when it points at a VBA project, macro data or an ActiveX control.</summary>
    public bool ReadRelationships(string name, XmlReader xml)
    {
        using var _ = xml;
        var active = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
            {
                continue;
            }

            var type = xml.GetAttribute("Type") ?? "";
            active |= OfficePackages.IsActiveContent(type) || type.EndsWith("/relationships/control", StringComparison.OrdinalIgnoreCase);
            if (name.Equals("_rels/.rels", StringComparison.OrdinalIgnoreCase) && type.EndsWith(OfficeDocument, StringComparison.Ordinal))
            {
                mainPart = mainPart is null ? "/" + (xml.GetAttribute("Target") ?? "").TrimStart('/') : "ambiguous";
            }
        }

        return active;
    }

    /// <summary>DOCX when the package's main part is word/document.xml of the Word main type, XLSX likewise for xl/workbook.xml; templates and macro-enabled types are not.</summary>
    public EvidenceCheck Verdict(IReadOnlySet<string> names)
    {
        if (activeContentType)
        {
            return EvidenceCheck.Refused(EvidenceProblem.Macros);
        }

        if (!manifestRead || mainPart is null)
        {
            return EvidenceCheck.Refused(EvidenceProblem.NotAllowed);
        }

        var mainType = ContentTypeOf(mainPart);
        return (mainPart.ToLowerInvariant(), mainType) switch
        {
            ("/word/document.xml", OfficePackages.WordMain) when names.Contains("word/document.xml") => EvidenceCheck.Accepted(OfficePackages.Docx),
            ("/xl/workbook.xml", OfficePackages.SheetMain) when names.Contains("xl/workbook.xml") => EvidenceCheck.Accepted(OfficePackages.Xlsx),
            _ => EvidenceCheck.Refused(EvidenceProblem.NotAllowed),
        };
    }

    private string? ContentTypeOf(string part) =>
        overrides.TryGetValue(part, out var type) ? type
        : defaults.TryGetValue(Path.GetExtension(part).TrimStart('.'), out var byExtension) ? byExtension
        : null;
}
