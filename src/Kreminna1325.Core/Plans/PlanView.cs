namespace Kreminna1325.Core.Plans;

// Read models of a plan as the public sees it; the open-data API returns them as they are.
public sealed record PlanSummary(int Id, string Municipality, string Title, int StartYear, int EndYear);

public sealed record PlanView(
    int Id,
    string Municipality,
    string? Region,
    string Title,
    int StartYear,
    int EndYear,
    ReportingCadence ReportingCadence,
    IReadOnlyList<DirectionView> Directions);

public sealed record DirectionView(int Id, string Number, string Title, IReadOnlyList<MeasureView> Measures);

public sealed record MeasureView(
    int Id,
    int Number,
    string Content,
    TermView Term,
    IReadOnlyList<ResponsibleBodyRef> ResponsibleBodies,
    IReadOnlyList<IndicatorView> Indicators,
    FundingView Funding);

public sealed record TermView(string Text, TermKind Kind);

public sealed record ResponsibleBodyRef(int Id, string Name, string ShortName, bool ByAgreement);

public sealed record IndicatorView(int Id, string Text, IndicatorKind Kind, IReadOnlyList<Disaggregation> Disaggregations);

public sealed record FundingView(FundingNote? Note, IReadOnlyList<FundingLineView> Lines);

public sealed record FundingLineView(FundingSource Source, int Year, decimal Amount);

public sealed record ResponsibleBodyView(int Id, string Name, string ShortName, IReadOnlyList<string> Aliases, BodyKind Kind);

public sealed record MeasureInPlan(
    int PlanId, string PlanTitle, int StartYear, int EndYear, string DirectionNumber, string DirectionTitle, MeasureView Measure);
