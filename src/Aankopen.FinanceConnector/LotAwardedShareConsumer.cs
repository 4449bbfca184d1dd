using Aankopen.Contracts.Finance.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using MassTransit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Books one administration's share of an award. The idempotency key is the share's business key, so however often
/// the message is delivered (redelivery, relay replay) the finance system books it once.
/// </summary>
public sealed class LotAwardedShareConsumer(IFinanceSystemApi finance, ConnectorSettings settings, ILogger<LotAwardedShareConsumer> log)
    : IConsumer<LotAwardedShare>
{
    public async Task Consume(ConsumeContext<LotAwardedShare> context)
    {
        var m = context.Message;
        // The broker's routing already guarantees this; checking again costs nothing and stops a misconfigured binding
        // from ever booking another administration's figures.
        if (m.AdministrationCode != settings.Administration)
            throw new InvalidOperationException($"Message {m.MessageId} is for {m.AdministrationCode}, but this connector serves {settings.Administration}.");

        var request = new CommitmentRequest(
            m.AdministrationCode, m.BudgetLine, m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier.Name, m.Supplier.Identifier,
            m.ContractStart, m.ContractEnd, m.TenderReference, m.LotNumber,
            $"{m.TenderReference} perceel {m.LotNumber}: {m.LotTitle}");
        try
        {
            var receipt = await finance.BookCommitmentAsync(m.BusinessKey, request, context.CancellationToken);
            log.LogInformation("Booked {BusinessKey} as {CommitmentId} for {Administration} ({Amount} incl. VAT){Replay}",
                m.BusinessKey, receipt.CommitmentId, m.AdministrationCode, m.ShareInclVat, receipt.Replayed ? ", already booked before" : "");
        }
        catch (Exception e) when (e is HttpRequestException or Refit.ApiException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            log.LogWarning("Finance system at {Url} did not book {BusinessKey}: {Reason}. Check FinanceSystem:BaseUrl; the message will be retried.",
                settings.FinanceSystemBaseUrl, m.BusinessKey, e.Message);
            throw;
        }
    }
}
