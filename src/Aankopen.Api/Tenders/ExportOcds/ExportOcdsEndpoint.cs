using System.Text.Json.Nodes;
using Aankopen.Domain.Tenders;
using Aankopen.Reports.Ocds;
using Aankopen.Store.Administrations;
using Aankopen.Store.Tenders;
using Marten;

namespace Aankopen.Api.Tenders.ExportOcds;

/// <summary>
/// <c>GET /api/tenders/{id}/ocds/releases</c>: a release package with one release per recorded fact;
/// <c>.../ocds/record</c>: a record package with those releases and the release compiled from them by the OCDS merge rules (tagged
/// <c>compiled</c>). Both are built from the event stream, so they never disagree with the history.
/// </summary>
public static class ExportOcdsEndpoint
{
    public static Task<IResult> Releases(Guid tenderId, HttpContext http, IQuerySession session, OcdsSettings settings, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(tenderId, http, session, settings, clock, record: false, ct);

    public static Task<IResult> Record(Guid tenderId, HttpContext http, IQuerySession session, OcdsSettings settings, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(tenderId, http, session, settings, clock, record: true, ct);

    private static async Task<IResult> ExportAsync(
        Guid tenderId, HttpContext http, IQuerySession session, OcdsSettings settings, TimeProvider clock, bool record, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(tenderId, token: ct);
        if (!TenderRecords.IsTender(events))
            return TenderWrites.TenderNotFound(http, tenderId);
        var administrations = (await session.LoadAdministrationsAsync(ct)).All.ToDictionary(a => a.Code);
        var ocid = settings.OcidOf(tenderId);
        var releases = new List<JsonObject>();
        var removed = new List<Lot>();
        JointTender? state = null;
        foreach (var e in events)
        {
            if (e.Data is LotRemoved gone && state?.Lots.GetValueOrDefault(gone.LotNumber) is { } lot)
                removed.Add(lot);
            state = JointTender.Transition(state, e.Data);
            releases.Add(OcdsReleases.Release(ocid, state!, e.Version, e.Data, e.Timestamp, administrations, removed));
        }

        var package = new JsonObject
        {
            ["uri"] = settings.AddressOf(http.Request.Scheme, http.Request.Host.ToString(), http.Request.PathBase, http.Request.Path),
            ["version"] = "1.1",
            ["publishedDate"] = OcdsReleases.Timestamp(clock.GetUtcNow()),
            ["publisher"] = new JsonObject { ["name"] = settings.Publisher },
            ["extensions"] = OcdsReleases.Extensions(settings.AddressOf(http.Request.Scheme, http.Request.Host.ToString(), http.Request.PathBase, "/")),
        };
        if (record)
        {
            var compiled = OcdsMerge.Compile(ocid, releases);
            package["records"] = new JsonArray(new JsonObject
            {
                ["ocid"] = ocid,
                ["releases"] = new JsonArray([.. releases.Select(r => (JsonNode)r)]),
                ["compiledRelease"] = compiled,
            });
        }
        else
            package["releases"] = new JsonArray([.. releases.Select(r => (JsonNode)r)]);
        return Results.Json(package, contentType: "application/json");
    }

    /// <summary>The local extension's files, public like any extension an open-data portal fetches to check a package.</summary>
    public static IResult ExtensionFile(string file) =>
        OcdsReleases.ExtensionFile(file) is { } stream ? Results.Stream(stream, "application/json") : Results.NotFound();
}
