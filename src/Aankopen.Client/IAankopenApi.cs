using Aankopen.Contracts.Api.V1;
using Refit;

namespace Aankopen.Client;

/// <summary>
/// The Aankopen API. Writes return <see cref="IApiResponse{T}"/> so callers can read the new ETag and, on refusal,
/// the problem details. Pass the ETag you last read as <c>ifMatch</c>.
/// </summary>
public interface IAankopenApi
{
    [Get("/api/administrations")]
    Task<IReadOnlyList<AdministrationView>> ListAdministrationsAsync(CancellationToken ct = default);

    [Post("/api/tenders")]
    Task<IApiResponse<TenderView>> OpenTenderAsync([Header(Headers.Actor)] string actor, [Body] OpenTenderRequest request, CancellationToken ct = default);

    [Get("/api/tenders/{tenderId}")]
    Task<IApiResponse<TenderView>> GetTenderAsync(Guid tenderId, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots")]
    Task<IApiResponse<TenderView>> AddLotAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, [Body] AddLotRequest request,
        CancellationToken ct = default);

    [Put("/api/tenders/{tenderId}/lots/{lotNumber}/opt-ins/{administration}")]
    Task<IApiResponse<TenderView>> OptInAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] OptInRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/close-opt-in")]
    Task<IApiResponse<TenderView>> CloseOptInAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/award")]
    Task<IApiResponse<TenderView>> AwardLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] AwardLotRequest request, CancellationToken ct = default);
}

public static class Headers
{
    public const string Actor = "X-Aankopen-Actor";
}
