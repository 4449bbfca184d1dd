using Aankopen.Contracts.Api.V1;
using Refit;

namespace Aankopen.Client;

/// <summary>
/// The Aankopen API. Writes return <see cref="IApiResponse{T}"/> so callers can read the new ETag and, on refusal,
/// the problem details. Pass the ETag you last read as <c>ifMatch</c>, and the same <c>idempotencyKey</c> when
/// you retry a write whose answer you did not get. Give the HttpClient a handler that adds the bearer token
/// (<see cref="DevIssuerTokens"/> against the local development issuer).
/// </summary>
public interface IAankopenApi
{
    [Get("/api/administrations")]
    Task<IReadOnlyList<AdministrationView>> ListAdministrationsAsync(CancellationToken ct = default);

    [Post("/api/administrations")]
    Task<IApiResponse<AdministrationView>> RegisterAdministrationAsync(
        [Header(Headers.Actor)] string actor, [Body] RegisterAdministrationRequest request, CancellationToken ct = default);

    [Get("/api/administrations/{code}")]
    Task<IApiResponse<AdministrationView>> GetAdministrationAsync(string code, CancellationToken ct = default);

    [Get("/api/administrations/{code}/participations")]
    Task<IApiResponse<AdministrationYearView>> GetAdministrationYearAsync(string code, int? year = null, CancellationToken ct = default);

    [Post("/api/tenders")]
    Task<IApiResponse<TenderView>> OpenTenderAsync(
        [Header(Headers.Actor)] string actor, [Body] OpenTenderRequest request,
        [Header(Headers.IdempotencyKey)] string? idempotencyKey = null, CancellationToken ct = default);

    [Get("/api/tenders")]
    Task<IApiResponse<PageView<TenderSummaryView>>> ListTendersAsync(
        string? status = null, int? year = null, string? administration = null, int? cpvDivision = null, string? q = null,
        int? page = null, int? pageSize = null, CancellationToken ct = default);

    [Get("/api/tenders/{tenderId}")]
    Task<IApiResponse<TenderView>> GetTenderAsync(Guid tenderId, CancellationToken ct = default);

    [Get("/api/tenders/{tenderId}/history")]
    Task<IApiResponse<IReadOnlyList<HistoryEntryView>>> GetHistoryAsync(Guid tenderId, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/open-opt-in")]
    Task<IApiResponse<TenderView>> OpenOptInAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots")]
    Task<IApiResponse<TenderView>> AddLotAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, [Body] LotRequest request,
        [Header(Headers.IdempotencyKey)] string? idempotencyKey = null, CancellationToken ct = default);

    [Put("/api/tenders/{tenderId}/lots/{lotNumber}")]
    Task<IApiResponse<TenderView>> ChangeLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] LotRequest request, CancellationToken ct = default);

    [Delete("/api/tenders/{tenderId}/lots/{lotNumber}")]
    Task<IApiResponse<TenderView>> RemoveLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, CancellationToken ct = default);

    [Put("/api/tenders/{tenderId}/lots/{lotNumber}/opt-ins/{administration}")]
    Task<IApiResponse<TenderView>> OptInAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] OptInRequest request, CancellationToken ct = default);

    [Delete("/api/tenders/{tenderId}/lots/{lotNumber}/opt-ins/{administration}")]
    Task<IApiResponse<TenderView>> WithdrawOptInAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/close-opt-in")]
    Task<IApiResponse<TenderView>> CloseOptInAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/publication")]
    Task<IApiResponse<TenderView>> PublishAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, [Body] PublishTenderRequest request,
        CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/award")]
    Task<IApiResponse<TenderView>> AwardLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] AwardLotRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/not-awarded")]
    Task<IApiResponse<TenderView>> DeclareLotNotAwardedAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] ReasonRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/cancellation")]
    Task<IApiResponse<TenderView>> CancelTenderAsync(
        Guid tenderId, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, [Body] ReasonRequest request,
        CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/renewal")]
    Task<IApiResponse<TenderView>> RenewLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/decisions/{administration}")]
    Task<IApiResponse<TenderView>> RecordDecisionAsync(
        Guid tenderId, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] RecordDecisionRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/decisions/{administration}/{number}/supervision")]
    Task<IApiResponse<TenderView>> SuperviseDecisionAsync(
        Guid tenderId, string administration, int number, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] SuperviseDecisionRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/orders/{administration}")]
    Task<IApiResponse<TenderView>> PlaceOrderAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] PlaceOrderRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/ceilings/{administration}")]
    Task<IApiResponse<TenderView>> RaiseShareCeilingAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] RaiseShareRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/renewal/declines/{administration}")]
    Task<IApiResponse<TenderView>> DeclineRenewalAsync(
        Guid tenderId, int lotNumber, string administration, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        CancellationToken ct = default);

    [Get("/api/renewals")]
    Task<IApiResponse<IReadOnlyList<RenewalCalendarEntryView>>> RenewalCalendarAsync(
        DateOnly? from = null, DateOnly? to = null, string? administration = null, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/termination")]
    Task<IApiResponse<TenderView>> TerminateLotAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] TerminateLotRequest request, CancellationToken ct = default);

    [Post("/api/tenders/{tenderId}/lots/{lotNumber}/non-renewal")]
    Task<IApiResponse<TenderView>> GiveNoticeNotToRenewAsync(
        Guid tenderId, int lotNumber, [Header("If-Match")] string ifMatch, [Header(Headers.Actor)] string actor,
        [Body] ReasonRequest request, CancellationToken ct = default);

    /// <summary>CPV 2008 codes whose Dutch or French label holds every word of <paramref name="q"/>, or that start with it.</summary>
    [Get("/api/cpv")]
    Task<IApiResponse<IReadOnlyList<CpvView>>> SearchCpvAsync(string q, CancellationToken ct = default);

    [Get("/api/reports/synergies/{year}")]
    Task<IApiResponse<SynergyReportView>> GetSynergyReportAsync(int year, CancellationToken ct = default);

    [Get("/api/reports/measures")]
    Task<IApiResponse<IReadOnlyList<MeasureView>>> ListMeasuresAsync(CancellationToken ct = default);

    [Post("/api/reports/measures")]
    Task<IApiResponse<MeasureView>> PlanMeasureAsync(
        [Header(Headers.Actor)] string actor, [Body] PlanMeasureRequest request,
        [Header(Headers.IdempotencyKey)] string? idempotencyKey = null, CancellationToken ct = default);

    [Post("/api/reports/measures/{id}/closing")]
    Task<IApiResponse<MeasureView>> CloseMeasureAsync(Guid id, [Header(Headers.Actor)] string actor, [Body] CloseMeasureRequest request, CancellationToken ct = default);

    [Get("/api/reports/synergies/{year}.csv")]
    Task<HttpResponseMessage> ExportSynergyCsvAsync(int year, string? lang = null, CancellationToken ct = default);

    [Get("/api/memberships/through")]
    Task<IApiResponse<IReadOnlyList<BuyingThroughView>>> ListBuyingThroughAsync(string? administration = null, CancellationToken ct = default);

    [Get("/api/memberships")]
    Task<IApiResponse<IReadOnlyList<MembershipView>>> ListMembershipsAsync(
        string? administration = null, string? central = null, DateOnly? endingFrom = null, DateOnly? endingTo = null, CancellationToken ct = default);

    [Get("/api/memberships/{membershipId}/history")]
    Task<IApiResponse<IReadOnlyList<HistoryEntryView>>> GetMembershipHistoryAsync(Guid membershipId, CancellationToken ct = default);

    [Get("/api/deliveries")]
    Task<IApiResponse<IReadOnlyList<DeliveryView>>> ListDeliveriesAsync(
        string? administration = null, Guid? tenderId = null, string? status = null, CancellationToken ct = default);

    /// <summary>OCDS 1.1 record or release package of one tender (<paramref name="package"/>: record or releases), as the API wrote it.</summary>
    [Get("/api/tenders/{tenderId}/ocds/{package}")]
    Task<HttpResponseMessage> ExportOcdsAsync(Guid tenderId, string package, CancellationToken ct = default);

    [Get("/api/administrations/{code}/participations.csv")]
    Task<HttpResponseMessage> ExportAdministrationYearCsvAsync(string code, int? year = null, string? lang = null, CancellationToken ct = default);

    [Get("/api/exports/shares.csv")]
    Task<HttpResponseMessage> ExportSharesCsvAsync(int? year = null, string? lang = null, CancellationToken ct = default);

    [Get("/api/operations/deliveries/{administration}/failed")]
    Task<IApiResponse<IReadOnlyList<FailedMessageView>>> ListFailedMessagesAsync(string administration, CancellationToken ct = default);

    [Post("/api/operations/deliveries/{administration}/failed/replay")]
    Task<IApiResponse<ReplayView>> ReplayFailedMessagesAsync(string administration, CancellationToken ct = default);

    [Post("/api/operations/projections/rebuild")]
    Task<IApiResponse<RebuildView>> RebuildProjectionsAsync(CancellationToken ct = default);

    [Get("/api/operations/configuration")]
    Task<IApiResponse<ConfigurationCheckView>> CheckConfigurationAsync(CancellationToken ct = default);
}

public static class Headers
{
    /// <summary>
    /// Who acts, as the caller sees it. The API records the signed-in user of the bearer token and ignores this
    /// header; <see cref="DevIssuerTokens"/> uses it to choose which user to sign in as, and removes it.
    /// </summary>
    public const string Actor = "X-Aankopen-Actor";
    public const string IdempotencyKey = "Idempotency-Key";
}
