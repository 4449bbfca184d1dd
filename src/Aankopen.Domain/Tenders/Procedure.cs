namespace Aankopen.Domain.Tenders;

/// <summary>The award procedures of the law of 17 June 2016 on public procurement a joint tender can follow.</summary>
public enum Procedure
{
    Open,
    Restricted,
    CompetitiveProcedureWithNegotiation,
    NegotiatedWithPriorPublication,
    NegotiatedWithoutPriorPublication,
    AcceptedInvoice,
}
