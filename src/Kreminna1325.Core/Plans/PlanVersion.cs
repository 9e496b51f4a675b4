using System.Globalization;

namespace Kreminna1325.Core.Plans;

public enum PlanVersionKind
{
    /// <summary>The plan as it stands: its funding lines now, against the printed totals of its latest amendment.</summary>
    Current,

    /// <summary>The plan as the council adopted it, before any amendment.</summary>
    Adopted,

    /// <summary>The plan as amended by one decision (and every decision recorded before it).</summary>
    Amendment,
}

/// <summary>Which version of a plan to read. In an address it is <c>?version=adopted</c> or <c>?version={amendment id}</c>; none is the current plan.</summary>
public sealed record PlanVersion(PlanVersionKind Kind, int? AmendmentId = null)
{
    public static readonly PlanVersion Current = new(PlanVersionKind.Current);
    public static readonly PlanVersion Adopted = new(PlanVersionKind.Adopted);

    public static PlanVersion Of(int amendmentId) => new(PlanVersionKind.Amendment, amendmentId);

    /// <summary>Null when the text names no version (the caller answers 400 or shows the current plan).</summary>
    public static PlanVersion? Parse(string? text) => text switch
    {
        null or "" or "current" => Current,
        "adopted" => Adopted,
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 => Of(id),
        _ => null,
    };

    /// <summary>What <see cref="Parse"/> reads back; null for the current plan.</summary>
    public string? Query => Kind switch
    {
        PlanVersionKind.Adopted => "adopted",
        PlanVersionKind.Amendment => AmendmentId!.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>A recorded amendment as the public reads it.</summary>
public sealed record AmendmentView(int Id, string Number, DateOnly DecidedOn, string Title, AmendmentScanView? Scan);

public sealed record AmendmentScanView(string FileName, string ContentType, long Size);
