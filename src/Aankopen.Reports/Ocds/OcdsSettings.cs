using System.Text.RegularExpressions;

namespace Aankopen.Reports.Ocds;

/// <summary>
/// <c>Exports:OcidPrefix</c>: the prefix the Open Contracting Partnership registered for this publisher
/// (<c>ocds-</c> and six letters or digits; the default <c>ocds-aankpn</c> is a placeholder until one is registered).
/// <c>Exports:Publisher</c>: who publishes the data (default the lead administration's group, "Aankopen").
/// </summary>
public sealed partial record OcdsSettings(string OcidPrefix, string Publisher)
{
    [GeneratedRegex("^ocds-[a-z0-9]{6}$")]
    private static partial Regex Prefix();

    /// <summary>The settings as configured (null where not), or an exception naming what is wrong.</summary>
    public static OcdsSettings From(string? ocidPrefix, string? publisher)
    {
        var settings = new OcdsSettings(ocidPrefix ?? "ocds-aankpn", publisher ?? "Aankopen");
        if (!Prefix().IsMatch(settings.OcidPrefix))
            throw new InvalidOperationException(
                $"Exports:OcidPrefix is '{settings.OcidPrefix}'; use the prefix registered with the Open Contracting Partnership: ocds- and six lower-case letters or digits (e.g. ocds-213czf).");
        if (string.IsNullOrWhiteSpace(settings.Publisher) || settings.Publisher.Length > 200)
            throw new InvalidOperationException("Exports:Publisher must name the publisher (1 to 200 characters).");
        return settings;
    }

    public string OcidOf(Guid tenderId) => $"{OcidPrefix}-{tenderId:D}";
}
