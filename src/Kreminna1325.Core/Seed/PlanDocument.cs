using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Seed;

/// <summary>
/// The shape of a transcribed plan file: close to the printed table, so a person can check it
/// against the document line by line. Kinds of terms and indicators are not in the file: they are
/// inferred from the printed wording when the plan is loaded.
/// </summary>
public sealed record PlanDocument(
    string Municipality,
    string? Region,
    string Title,
    int StartYear,
    int EndYear,
    ReportingCadence ReportingCadence,
    List<BodyDocument> Bodies,
    List<DirectionDocument> Directions,
    List<PrintedTotalDocument> PrintedTotals);

public sealed record BodyDocument(string Key, string Name, string ShortName, BodyKind Kind, List<string> Aliases);

public sealed record DirectionDocument(
    string Number,
    string Title,
    List<MeasureDocument> Measures,
    List<PrintedTotalDocument> PrintedTotals);

public sealed record MeasureDocument(
    int Number,
    string Content,
    string? ResponsiblePrinted,
    List<ResponsibleDocument> Responsible,
    string Term,
    List<string> Indicators,
    string? FundingSourcePrinted,
    FundingNote? FundingNote,
    List<FundingLineDocument> FundingLines);

public sealed record ResponsibleDocument(string Body, bool ByAgreement);

public sealed record FundingLineDocument(FundingSource Source, int Year, decimal Amount);

public sealed record PrintedTotalDocument(string? SourcePrinted, FundingSource Source, int Year, decimal Amount);
