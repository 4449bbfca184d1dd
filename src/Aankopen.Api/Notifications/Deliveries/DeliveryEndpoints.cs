using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Notifications.Deliveries;
using Marten;

namespace Aankopen.Api.Notifications.Deliveries;

/// <summary>Per finance message: published, delivered, retrying or failed, with the connector's reason.</summary>
public static class DeliveryEndpoints
{
    public const int MaxItems = 500;

    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deliveries").WithTags("Finance deliveries").RequireAuthorization(Policies.AnyRole);
        group.MapGet("/", List).WithName("ListDeliveries")
            .WithSummary("Finance messages, newest first, with their delivery status (Published, Delivered, Retrying, Failed)")
            .Produces<DeliveryView[]>().ProducesProblem(422);
        group.MapGet("/{messageId:guid}", Get).WithName("GetDelivery")
            .WithSummary("One finance message and every report its connector sent about it")
            .Produces<DeliveryView>().ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> List(
        string? administration, Guid? tenderId, string? status, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        string[] statuses = ["Published", "Delivered", "Retrying", "Failed"];
        if (status is not null && !statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
            return Problems.From(http, [DomainError.Invalid("status-invalid", "status", InputChecks.Shorten(status), string.Join(", ", statuses))]);

        // Outside the cell and auditors, one's own administration only: named, or the only one in the token.
        var scope = http.ScopeOf();
        if (!scope.SeesAll && string.IsNullOrWhiteSpace(administration) && scope.Administrations.Count == 1)
            administration = scope.Administrations.Single();
        if (!scope.SeesAll && (string.IsNullOrWhiteSpace(administration) || !scope.ReadsDeliveriesOf(administration)))
            return AccessDenied.Forbidden(http);

        IQueryable<PublishedFinanceMessage> published = session.Query<PublishedFinanceMessage>();
        if (!string.IsNullOrWhiteSpace(administration))
            published = published.Where(m => m.Administration == administration);
        if (tenderId is { } id)
            published = published.Where(m => m.TenderId == id);
        var messages = await published.OrderByDescending(m => m.PublishedAt).Take(MaxItems).ToListAsync(ct);
        var records = (await session.LoadManyAsync<DeliveryRecord>(ct, messages.Select(m => m.Id).ToArray())).ToDictionary(r => r.Id);
        var views = messages.Select(m => ToView(m, records.GetValueOrDefault(m.Id)));
        return TypedResults.Ok(status is null ? views.ToArray() : views.Where(v => string.Equals(v.Status, status, StringComparison.OrdinalIgnoreCase)).ToArray());
    }

    public static async Task<IResult> Get(Guid messageId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<PublishedFinanceMessage>(messageId, ct) is not { } message || !http.ScopeOf().ReadsDeliveriesOf(message.Administration))
            return Problems.Single(http, StatusCodes.Status404NotFound, "delivery-not-found", messageId);
        return TypedResults.Ok(ToView(message, await session.LoadAsync<DeliveryRecord>(messageId, ct)));
    }

    private static DeliveryView ToView(PublishedFinanceMessage m, DeliveryRecord? r) => new(
        m.Id, m.Administration, m.MessageType, m.TenderId, m.TenderReference, m.LotNumber, m.MembershipId, m.BusinessKey, m.PublishedAt,
        r?.Status.ToString() ?? "Published", r?.Attempts ?? 0, r?.Reason, r?.FinanceSystemId, r?.Replayed ?? false, r?.UpdatedAt,
        r?.Reports.Select(x => new DeliveryReportView(x.Status.ToString(), x.Attempt, x.Reason, x.At)).ToArray() ?? [], m.CorrelationId);
}
