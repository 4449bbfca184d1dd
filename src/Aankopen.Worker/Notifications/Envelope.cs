using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Store.Notifications;

namespace Aankopen.Worker.Notifications;

/// <summary>
/// Who a finance message is for and which stored event it comes from: the envelope every message carries, set here
/// and nowhere else, so that the message id is derived the same way for every type.
/// </summary>
/// <param name="Distinguisher">
/// What tells two messages of one event to one administration apart (the lot, when a cancelled tender releases
/// several lots of the same administration); the administration alone otherwise.
/// </param>
public sealed record Envelope(Guid EventId, string CorrelationId, string Administration, string? Distinguisher = null)
{
    public static Envelope To(FinanceEvent e, string administration) => new(e.EventId, e.CorrelationId, administration);

    public T Seal<T>(T message) where T : FinanceMessage =>
        // A record's copy keeps its own type: the cast back cannot fail.
        (T)(message with
        {
            MessageId = MessageIds.For(EventId, Distinguisher ?? Administration),
            CorrelationId = CorrelationId,
            AdministrationCode = Administration,
        });

    public T Seal<T>(T message, JointTender tender, Lot lot) where T : TenderFinanceMessage =>
        (T)(Seal(message) with { TenderId = tender.Id, TenderReference = tender.Reference, LotNumber = lot.Number, LotTitle = lot.Title });

    /// <summary>
    /// The relay's last look before a message leaves: one that missed its envelope would reach no finance system, or
    /// the wrong one, so it stops the relay instead.
    /// </summary>
    public static void EnsureSealed(FinanceMessage message)
    {
        if (message.MessageId == Guid.Empty || string.IsNullOrEmpty(message.CorrelationId) || string.IsNullOrEmpty(message.AdministrationCode)
            || message is TenderFinanceMessage { TenderId: var tender, TenderReference: var reference, LotNumber: var lot } &&
               (tender == Guid.Empty || string.IsNullOrEmpty(reference) || lot < 1))
            throw new InvalidOperationException($"A {message.GetType().Name} was built without its envelope; build it through {nameof(Envelope)}.{nameof(Seal)}.");
    }
}
